"""Notices (공지사항): a coordinator's message to the whole complex or to some 동, sent now
or at a set time, delivered through the outbox to every linked account of every resident in
the target, and read (opened or "확인") by residents.

예약 (scheduled) → 보내는 중 (sending) → 보냄 (sent); 취소 (cancelled) only before it goes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta


class NoticeStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    SENDING = "sending"
    SENT = "sent"
    CANCELLED = "cancelled"


MAX_TEXT = 1000
MAX_BUILDINGS = 30
MAX_AHEAD = timedelta(days=60)  # a notice scheduled further ahead is almost surely a typo
CHUNK = 500  # residents queued per transaction (a 26,000-household notice is 52 chunks)


@dataclass(eq=False)
class Notice:
    complex_id: int
    author_id: int
    text: str
    created_at: datetime
    send_at: datetime
    urgent: bool = False
    buildings: list[str] = field(default_factory=list)  # empty: the whole complex
    photo: str | None = None  # media id
    status: str = NoticeStatus.SCHEDULED
    pinned: bool = False
    started_at: datetime | None = None
    sent_at: datetime | None = None
    recipients: int = 0  # residents queued so far
    id: int | None = None

    @property
    def batch(self) -> str:
        """The outbox batch of this notice (progress is counted by it)."""
        return f"notice:{self.id}"

    @property
    def everyone(self) -> bool:
        return not self.buildings

    def reaches(self, building: str) -> bool:
        return self.everyone or building in self.buildings


@dataclass(frozen=True)
class Progress:
    """How a broadcast stands, from the outbox rows of its batch."""

    total: int
    delivered: int  # sent, or waiting in an inbox (web chat, KakaoTalk without push)
    failed: int
    blocked: int
    pending: int  # still to push
    seconds_left: int | None  # None when there is no rate to tell from yet
    finished: bool

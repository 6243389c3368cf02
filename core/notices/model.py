"""Notices (공지사항): a coordinator's message to the whole complex or to some 동, sent now
or at a set time, delivered through the outbox to every linked account of every resident in
the target, and read (opened or "확인") by residents.

예약 (scheduled) → 보내는 중 (sending) → 보냄 (sent); 취소 (cancelled) only before it goes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
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


class Delivery(enum.StrEnum):
    """Where one outbox row of a broadcast stands, as the coordinator reads it. Each row is in
    exactly one state, so the counts add up to the rows queued.

    - 전송됨 (PUSHED): pushed and accepted (Telegram, KakaoTalk Event API), or handed over
      with the resident's next message (web chat, KakaoTalk without push);
    - 받은 알림함 대기 (WAITING): an inbox row not handed over yet: the resident has not
      written to the bot since;
    - 읽음 (READ): the resident opened the notice (from 공지사항, "확인" or the inbox) —
      whatever the row's own state, unless it failed;
    - 실패/차단 (FAILED): the channel refused it for good, or the account blocked the bot;
    - 보내는 중 (SENDING): a push row still queued or being retried.
    """

    PUSHED = "pushed"
    WAITING = "waiting"
    READ = "read"
    FAILED = "failed"
    SENDING = "sending"


FAILED_STATUSES = frozenset({"failed", "blocked", "dead"})
UNREACHED_HOURS = (6, 24)  # "아직 못 받은 세대" after so many hours


def delivery_of(mode: str, status: str, read: bool) -> Delivery:
    """The state of one outbox row (its mode push/inbox, its status, whether its resident
    read the notice). "read" is the status of a row the resident opened from a KakaoTalk
    Event API push (the event block showed its screen)."""
    if status in FAILED_STATUSES:
        return Delivery.FAILED
    if read or status == "read":
        return Delivery.READ
    if status == "sent":
        return Delivery.PUSHED
    if mode == "inbox":
        return Delivery.WAITING
    return Delivery.SENDING


@dataclass(frozen=True)
class ChannelDelivery:
    """One channel's rows of a broadcast by state (see `Delivery`)."""

    channel: str
    pushed: int = 0
    waiting: int = 0
    read: int = 0
    failed: int = 0
    sending: int = 0

    @property
    def total(self) -> int:
        return self.pushed + self.waiting + self.read + self.failed + self.sending

    def plus(self, state: Delivery, count: int) -> ChannelDelivery:
        field_name = state.value
        return replace(self, **{field_name: getattr(self, field_name) + count})


@dataclass(frozen=True)
class UnreachedBuilding:
    """A 동 with households the notice has not reached (동 only: never the unit)."""

    building: str
    households: int

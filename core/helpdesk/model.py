"""도움 요청 (ask a person): a conversation between one resident and the complex's coordinators.

대기 중 (waiting) → 맡음 (taken, by one coordinator) → 끝남 (closed). Each request has a number
per complex ("도움 요청 #3") that residents and coordinators quote; its messages (the
resident's words and photos, the coordinator's answers) are kept with it.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta


class Status(enum.StrEnum):
    WAITING = "waiting"  # 대기 중: nobody took it yet
    TAKEN = "taken"  # 맡음: one coordinator owns it
    CLOSED = "closed"  # 끝남


class Side(enum.StrEnum):
    RESIDENT = "resident"
    COORDINATOR = "coordinator"


MAX_TEXT = 1000  # one message
MAX_PHOTOS = 3  # per message
MAX_AGENT_NAME = 20
RECENT_TEXTS = 3  # the resident's last typed texts kept as context
RECENT_TEXT_MAX = 200  # each, cut
MAX_OPEN_PER_DAY = 5  # new requests per person per day (a flood reaches nobody)
MAX_REMINDERS = 3  # reminders of one untaken request
# Long runs of letters/digits (codes, phone numbers) never reach the coordinators' context.
_SECRET_LIKE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{6,}[A-Za-z0-9]")


def redact(text: str) -> str:
    """A typed text as context: secret-looking runs (invite codes, phone numbers) masked,
    cut to RECENT_TEXT_MAX characters."""
    return _SECRET_LIKE.sub("•••", text.strip())[:RECENT_TEXT_MAX]


@dataclass(eq=False)
class HelpRequest:
    complex_id: int
    number: int  # per complex: "도움 요청 #3"
    requester_id: int
    building: str  # 동: the household's, or typed by a person not yet verified
    unit: str  # 호
    verified: bool  # False: the 동/호 were typed, not proven by an invite code
    status: str
    created_at: datetime
    updated_at: datetime
    household_id: int | None = None
    origin: str = ""  # what the person was doing: "dialog:step" (may be empty)
    recent: list[str] = field(default_factory=list)  # their last typed texts, redacted
    owner_id: int | None = None
    taken_at: datetime | None = None
    closed_at: datetime | None = None
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED

    def waited(self, now: datetime) -> timedelta:
        """How long the person has waited for someone to take it (until taken or now)."""
        end = self.taken_at or self.closed_at or now
        return max(end - self.created_at, timedelta(0))


@dataclass(eq=False)
class HelpMessage:
    request_id: int
    complex_id: int
    author_id: int
    side: str  # Side
    text: str
    at: datetime
    photos: list[str] = field(default_factory=list)  # media ids
    id: int | None = None


@dataclass(frozen=True)
class NewMessage:
    """What a person sends in a help conversation: words, photos, or both."""

    text: str = ""
    photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """Where a person not yet verified says they live: the complex's code or name, 동, 호."""

    complex: str
    building: str
    unit: str

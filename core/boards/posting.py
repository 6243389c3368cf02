"""Coordinators' use case: post an entry on one of the complex's info boards.

A 교육문화 entry may be an event taking sign-ups; posting it arms the reminder job
"board.remind" for the day before the event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.boards.model import (
    MAX_AHEAD,
    MAX_CAPACITY,
    MAX_LINK,
    MAX_TEXT,
    MAX_TITLE,
    REMIND_BEFORE,
    Board,
    BoardEntry,
)
from core.clock import Clock
from core.errors import InvalidInput
from core.identity.model import Membership
from core.identity.roles import require_coordinator, require_self

if TYPE_CHECKING:
    from core.ports import UnitOfWork

REMIND_JOB = "board.remind"


def may_post(member: Membership) -> int:
    """Only the complex's coordinators post (and list their entries), always for their own
    complex; returns that complex."""
    require_coordinator(member)
    assert member.complex_id is not None  # a coordinator's grant is for their complex
    return member.complex_id


@dataclass(frozen=True)
class NewEntry:
    board: str
    title: str
    text: str
    expires_at: datetime
    link: str | None = None
    photo: str | None = None
    event_at: datetime | None = None
    capacity: int | None = None


def check_link(link: str | None) -> str | None:
    """A link is optional; when given it must be an http(s) address without spaces."""
    link = (link or "").strip()
    if not link:
        return None
    if len(link) > MAX_LINK or " " in link or not link.lower().startswith(("http://", "https://")):
        raise InvalidInput("board.bad_link")
    if len(link.split("://", 1)[1]) < 3:
        raise InvalidInput("board.bad_link")
    return link


def check_entry(clock: Clock, member: Membership, new: NewEntry) -> NewEntry:
    """Validate an entry without saving it.

    Rules:
    - Only the complex's coordinators post, always for their own complex.
    - Board: 생활편의, 일자리 or 교육문화.
    - Title 1 to 50 characters, text 1 to 1,000 characters (spaces trimmed).
    - Link: optional, http:// or https:// only (shown as a link button).
    - Expiry: in the future, at most 180 days ahead; expired entries are hidden.
    - Sign-ups only on 교육문화, with an event time in the future (before the expiry)
      and a capacity of 1 to 500.
    """
    may_post(member)
    if new.board not in set(Board):
        raise InvalidInput("board.bad_board")
    title, text = new.title.strip(), new.text.strip()
    if not title or not text:
        raise InvalidInput("board.empty")
    if len(title) > MAX_TITLE:
        raise InvalidInput("board.title_too_long", limit=MAX_TITLE)
    if len(text) > MAX_TEXT:
        raise InvalidInput("board.too_long", limit=MAX_TEXT)
    link = check_link(new.link)
    now = clock.now()
    if not now < new.expires_at <= now + MAX_AHEAD:
        raise InvalidInput("board.bad_expiry", days=MAX_AHEAD.days)
    event_at, capacity = new.event_at, new.capacity
    if capacity is not None or event_at is not None:
        if new.board != Board.CULTURE or capacity is None or event_at is None:
            raise InvalidInput("board.bad_event")
        if not 1 <= capacity <= MAX_CAPACITY:
            raise InvalidInput("board.bad_capacity", limit=MAX_CAPACITY)
        if not now < event_at <= new.expires_at:
            raise InvalidInput("board.bad_event_time")
    return NewEntry(new.board, title, text, new.expires_at, link, new.photo, event_at, capacity)


async def post_entry(
    uow: UnitOfWork, clock: Clock, member: Membership, new: NewEntry
) -> BoardEntry:
    """Save the entry (rules in `check_entry`); an event's reminder is armed for the day
    before it (the job itself drops a reminder that would arrive after the event)."""
    require_self(member)  # 대신 하기 does not offer this
    new = check_entry(clock, member, new)
    entry = await uow.boards.add(
        BoardEntry(
            complex_id=may_post(member),
            author_id=member.resident_id,
            board=new.board,
            title=new.title,
            text=new.text,
            created_at=clock.now(),
            expires_at=new.expires_at,
            link=new.link,
            photo=new.photo,
            event_at=new.event_at,
            capacity=new.capacity,
        )
    )
    if entry.event_at is not None:
        await uow.jobs.at(
            REMIND_JOB,
            f"entry:{entry.id}",
            max(entry.event_at - REMIND_BEFORE, clock.now()),
            {"entry_id": entry.id},
            complex_id=entry.complex_id,
        )
    return entry

"""Residents' use cases: browse a board (newest first, expired entries hidden, 5 a page),
open an entry, sign up for a 교육문화 event (신청하기) and cancel (신청 취소); the reminder
the day before the event; coordinators' list with sign-up counts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.boards.events import EventReminder
from core.boards.model import PAGE, Board, BoardEntry
from core.boards.posting import may_post
from core.clock import Clock
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.roles import require_self, require_verified
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork

log = logging.getLogger("naechingu.boards")


@dataclass(frozen=True)
class EntryPage:
    entries: list[BoardEntry]
    total: int
    offset: int


@dataclass(frozen=True)
class EntryView:
    """An entry as the member opens it, with what a resident may do about its sign-ups
    (coordinators do not sign up: all three are False for them)."""

    entry: BoardEntry
    signed_up: bool  # the resident holds a seat
    can_sign_up: bool  # not signed up, seats left and the event not started
    full: bool  # not signed up and no seat left


def _complex_of(member: Membership) -> int:
    require_verified(member)
    assert member.complex_id is not None  # verified
    return member.complex_id


async def _saved(uow: UnitOfWork, entry_id: int) -> BoardEntry:
    entry = await uow.boards.get(entry_id)
    if entry is None:
        raise NotFound()
    return entry


async def list_entries(
    uow: UnitOfWork, clock: Clock, member: Membership, board: str, offset: int = 0
) -> EntryPage:
    """One board of the member's complex: entries not expired, newest first, 5 a page."""
    complex_id = _complex_of(member)
    if board not in set(Board):
        raise InvalidInput("board.bad_board")
    offset = max(offset, 0)
    entries, total = await uow.boards.visible(
        complex_id, board, clock.now(), offset=offset, limit=PAGE
    )
    return EntryPage(entries, total, offset)


async def open_entry(
    uow: UnitOfWork, clock: Clock, member: Membership, entry_id: int
) -> BoardEntry:
    """An entry of the member's complex. Rules: another complex's entry, a missing one and
    (for residents) an expired one all read as missing; coordinators see their own old ones."""
    complex_id = _complex_of(member)
    entry = await uow.boards.get(entry_id)
    if entry is None or entry.complex_id != complex_id:
        raise NotFound()
    if not member.is_coordinator and not entry.open_at(clock.now()):
        raise NotFound()
    return entry


async def view_of(
    uow: UnitOfWork, clock: Clock, member: Membership, entry: BoardEntry
) -> EntryView:
    """What the member sees of an entry they may open (`open_entry`, `sign_up`,
    `cancel_signup` return those): whether they are signed up, may sign up, or it is full."""
    if not entry.takes_signups or member.is_coordinator:
        return EntryView(entry, signed_up=False, can_sign_up=False, full=False)
    if await uow.boards.is_signed_up(saved(entry.id), member.resident_id):
        return EntryView(entry, signed_up=True, can_sign_up=False, full=False)
    started = entry.event_at is not None and clock.now() >= entry.event_at
    return EntryView(
        entry,
        signed_up=False,
        can_sign_up=bool(entry.seats_left) and not started,
        full=not entry.seats_left,
    )


async def entry_view(
    uow: UnitOfWork, clock: Clock, member: Membership, entry_id: int
) -> EntryView:
    """An entry opened (rules of `open_entry`) with the member's sign-up."""
    return await view_of(uow, clock, member, await open_entry(uow, clock, member, entry_id))


async def sign_up(uow: UnitOfWork, clock: Clock, member: Membership, entry_id: int) -> BoardEntry:
    """신청하기: take one seat of a 교육문화 event.

    Rules:
    - Only an entry of the member's complex that is not expired and takes sign-ups.
    - Sign-ups close when the event starts.
    - One sign-up per resident (a second one says so and changes nothing).
    - Never over capacity: the seat is taken with one conditional UPDATE; a full event
      changes nothing.
    """
    require_self(member)  # 대신 하기 does not offer this
    entry = await open_entry(uow, clock, member, entry_id)
    entry_id = saved(entry.id)
    if not entry.takes_signups:
        raise DomainError("board.no_signups")
    if entry.event_at is not None and clock.now() >= entry.event_at:
        raise DomainError("board.started")
    if await uow.boards.is_signed_up(entry_id, member.resident_id):
        raise DomainError("board.already_signed")
    if not await uow.boards.take_seat(entry_id):
        raise DomainError("board.full")
    await uow.boards.add_signup(entry_id, member.resident_id, entry.complex_id, clock.now())
    return await _saved(uow, entry_id)


async def cancel_signup(
    uow: UnitOfWork, clock: Clock, member: Membership, entry_id: int
) -> BoardEntry:
    """신청 취소: give the seat back. Rules: only one's own sign-up, before the event starts."""
    entry = await open_entry(uow, clock, member, entry_id)
    entry_id = saved(entry.id)
    if entry.event_at is not None and clock.now() >= entry.event_at:
        raise DomainError("board.started")
    if not await uow.boards.remove_signup(entry_id, member.resident_id):
        raise DomainError("board.not_signed")
    await uow.boards.free_seat(entry_id)
    return await _saved(uow, entry_id)


async def own_entries(uow: UnitOfWork, member: Membership, offset: int = 0) -> EntryPage:
    """The coordinators' list: every entry of their complex with its sign-up count."""
    complex_id = may_post(member)
    offset = max(offset, 0)
    entries, total = await uow.boards.for_complex(complex_id, offset=offset, limit=PAGE)
    return EntryPage(entries, total, offset)


async def send_reminders(uow: UnitOfWork, clock: Clock, entry_id: int) -> int:
    """The "board.remind" job: tell everyone signed up, once each (keyed by entry and
    resident). Rule: a reminder that would arrive after the event starts is dropped."""
    entry = await uow.boards.get(entry_id)
    if entry is None or entry.event_at is None:
        return 0
    if clock.now() >= entry.event_at:
        log.info("board entry %d: reminder after the event, dropped", entry.id)
        return 0
    entry_id = saved(entry.id)
    ids = await uow.boards.signed_up(entry_id)
    reminder = EventReminder(entry_id, entry.title, entry.event_at)
    for resident_id in ids:
        await uow.notifier.notify(
            resident_id,
            reminder,
            key=f"board:{entry_id}:remind:r{resident_id}",
            complex_id=entry.complex_id,
        )
    return len(ids)

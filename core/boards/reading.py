"""Residents' use cases: browse a board (newest first, expired entries hidden, 5 a page),
open an entry, sign up for a 교육문화 event (신청하기) and cancel (신청 취소); the reminder
the day before the event; coordinators' list with sign-up counts."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core.boards.model import PAGE, Board, BoardEntry
from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership

log = logging.getLogger("naechingu.boards")


@dataclass(frozen=True)
class EntryPage:
    entries: list[BoardEntry]
    total: int
    offset: int


def _verified(member: Membership) -> None:
    if not member.verified:
        raise Forbidden("not_verified")


async def list_entries(
    uow, clock: Clock, member: Membership, board: str, offset: int = 0
) -> EntryPage:
    """One board of the member's complex: entries not expired, newest first, 5 a page."""
    _verified(member)
    if board not in set(Board):
        raise InvalidInput("board.bad_board")
    offset = max(offset, 0)
    entries, total = await uow.boards.visible(
        member.complex_id, board, clock.now(), offset=offset, limit=PAGE
    )
    return EntryPage(entries, total, offset)


async def open_entry(uow, clock: Clock, member: Membership, entry_id: int) -> BoardEntry:
    """An entry of the member's complex. Rules: another complex's entry, a missing one and
    (for residents) an expired one all read as missing; coordinators see their own old ones."""
    _verified(member)
    entry = await uow.boards.get(entry_id)
    if entry is None or entry.complex_id != member.complex_id:
        raise NotFound()
    if not member.is_coordinator and not entry.open_at(clock.now()):
        raise NotFound()
    return entry


async def sign_up(uow, clock: Clock, member: Membership, entry_id: int) -> BoardEntry:
    """신청하기: take one seat of a 교육문화 event.

    Rules:
    - Only an entry of the member's complex that is not expired and takes sign-ups.
    - Sign-ups close when the event starts.
    - One sign-up per resident (a second one says so and changes nothing).
    - Never over capacity: the seat is taken with one conditional UPDATE; a full event
      changes nothing.
    """
    entry = await open_entry(uow, clock, member, entry_id)
    if not entry.takes_signups:
        raise DomainError("board.no_signups")
    if entry.event_at is not None and clock.now() >= entry.event_at:
        raise DomainError("board.started")
    if await uow.boards.is_signed_up(entry.id, member.resident_id):
        raise DomainError("board.already_signed")
    if not await uow.boards.take_seat(entry.id):
        raise DomainError("board.full")
    await uow.boards.add_signup(entry.id, member.resident_id, entry.complex_id, clock.now())
    return await uow.boards.get(entry.id)


async def cancel_signup(uow, clock: Clock, member: Membership, entry_id: int) -> BoardEntry:
    """신청 취소: give the seat back. Rules: only one's own sign-up, before the event starts."""
    entry = await open_entry(uow, clock, member, entry_id)
    if entry.event_at is not None and clock.now() >= entry.event_at:
        raise DomainError("board.started")
    if not await uow.boards.remove_signup(entry.id, member.resident_id):
        raise DomainError("board.not_signed")
    await uow.boards.free_seat(entry.id)
    return await uow.boards.get(entry.id)


async def own_entries(uow, member: Membership, offset: int = 0) -> EntryPage:
    """The coordinators' list: every entry of their complex with its sign-up count."""
    if not member.is_coordinator:
        raise Forbidden()
    offset = max(offset, 0)
    entries, total = await uow.boards.for_complex(member.complex_id, offset=offset, limit=PAGE)
    return EntryPage(entries, total, offset)


async def send_reminders(uow, clock: Clock, entry_id: int) -> int:
    """The "board.remind" job: tell everyone signed up, once each (keyed by entry and
    resident). Rule: a reminder that would arrive after the event starts is dropped."""
    entry = await uow.boards.get(entry_id)
    if entry is None or entry.event_at is None:
        return 0
    if clock.now() >= entry.event_at:
        log.info("board entry %d: reminder after the event, dropped", entry.id)
        return 0
    ids = await uow.boards.signed_up(entry.id)
    params = {"entry_id": entry.id, "title": entry.title, "at": entry.event_at.isoformat()}
    for resident_id in ids:
        await uow.notifier.notify(
            resident_id,
            "board.reminder",
            params,
            key=f"board:{entry.id}:remind:r{resident_id}",
            complex_id=entry.complex_id,
        )
    return len(ids)

"""The resident's side of 도움 요청: ask, add to the conversation, and (for people not yet
verified) say where they live.

```mermaid
flowchart LR
    A[주민: 도움 요청] --> W[대기 중 #n → 코디네이터 모두에게 알림 + 알림 예약]
    W -->|제가 맡을게요: 한 명만| T[맡음]
    T -->|답하기| R[주민: 관리사무소 ○○○ 코디네이터: …]
    R -->|답장하기| T
    T & W -->|끝내기| C[끝남 → 주민에게 알림]
```
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, NotFound
from core.helpdesk.events import HelpReply, HelpRequested
from core.helpdesk.model import (
    MAX_OPEN_PER_DAY,
    MAX_PHOTOS,
    MAX_TEXT,
    RECENT_TEXTS,
    HelpMessage,
    HelpRequest,
    NewMessage,
    Place,
    Side,
    Status,
    redact,
)
from core.identity.admin import BUILDING, UNIT
from core.identity.model import Complex, Membership, Role
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork

REMIND_JOB = "help.remind"  # coordinators are reminded of a request nobody took


@dataclass(frozen=True)
class Context:
    """What the person was doing when they asked: dialog and step, their last typed texts."""

    origin: str = ""
    recent: tuple[str, ...] = ()


def check_message(message: NewMessage) -> NewMessage:
    """Rules: words or photos (not neither); words ≤ 1000 characters; ≤ 3 photos."""
    text = message.text.strip()
    if not text and not message.photos:
        raise DomainError("help.empty")
    if len(text) > MAX_TEXT:
        raise DomainError("help.too_long", limit=MAX_TEXT)
    if len(message.photos) > MAX_PHOTOS:
        raise DomainError("help.too_many_photos", limit=MAX_PHOTOS)
    return NewMessage(text, tuple(message.photos))


async def find_complex(uow: UnitOfWork, typed: str) -> Complex:
    """The complex a person names by its code ("DEMO") or its full name, spaces and case
    ignored; "help.no_complex" when none matches (no list of complexes is ever shown)."""
    wanted = "".join(typed.split()).casefold()
    if not wanted:
        raise DomainError("help.no_complex")
    found = await uow.complexes.by_code(wanted.upper())
    if found is not None:
        return found
    for complex_ in await uow.complexes.all():
        if "".join(complex_.name.split()).casefold() == wanted:
            return complex_
    raise DomainError("help.no_complex")


async def ask(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    message: NewMessage,
    *,
    context: Context = Context(),
    place: Place | None = None,
    remind_after: timedelta = timedelta(minutes=15),
) -> HelpRequest:
    """Open a help request (or add to the one already open) and tell the coordinators.

    Rules:
    - a verified resident asks the coordinators of their own complex, as their household;
    - a person not yet verified names the complex (code or name), 동 and 호 (`place`); the
      request is marked unverified ("help.no_place" without them, "help.no_complex",
      "household.bad_address");
    - one open request per person: asking again while one is open adds to it;
    - at most 5 new requests per person a day ("help.too_many");
    - every coordinator of the complex is told (the 동 only, never the 호), and reminded
      after `remind_after` if nobody took it.
    """
    message = check_message(message)
    now = clock.now()
    current = await uow.help.open_of(member.resident_id)
    if current is not None:
        await say(uow, clock, member, saved(current.id), message)
        return current
    if await uow.help.opened_since(member.resident_id, now - timedelta(days=1)) >= (
        MAX_OPEN_PER_DAY
    ):
        raise DomainError("help.too_many", limit=MAX_OPEN_PER_DAY)
    request = await _new_request(uow, member, place, context, now)
    request_id = saved(request.id)
    await uow.help.add_message(
        HelpMessage(
            request_id,
            request.complex_id,
            member.resident_id,
            Side.RESIDENT,
            message.text,
            now,
            list(message.photos),
        )
    )
    note = HelpRequested(
        request_id,
        request.number,
        request.building,
        request.verified,
        message.text,
        len(message.photos),
    )
    for coordinator in await uow.roles.holders(Role.COORDINATOR, request.complex_id):
        if coordinator != member.resident_id:
            await uow.notifier.notify(
                coordinator, note, key=f"help:{request_id}:new", complex_id=request.complex_id
            )
    await uow.jobs.at(
        REMIND_JOB,
        f"help:{request_id}:1",
        now + remind_after,
        {"request_id": request_id, "n": 1},
        complex_id=request.complex_id,
    )
    return request


async def _new_request(
    uow: UnitOfWork, member: Membership, place: Place | None, context: Context, now: datetime
) -> HelpRequest:
    if member.verified and member.complex_id is not None:
        household = await uow.households.get(saved(member.household_id))
        if household is None:
            raise NotFound()
        complex_id, building, unit = member.complex_id, household.building, household.unit
    else:
        if place is None:
            raise DomainError("help.no_place")
        complex_id = saved((await find_complex(uow, place.complex)).id)
        building = place.building.strip().removesuffix("동").strip()
        unit = place.unit.strip().removesuffix("호").strip()
        if not BUILDING.match(building) or not UNIT.match(unit):
            raise DomainError("household.bad_address")
    recent = [redact(text) for text in context.recent[-RECENT_TEXTS:] if text.strip()]
    return await uow.help.add(
        HelpRequest(
            complex_id=complex_id,
            number=await uow.help.next_number(complex_id),
            requester_id=member.resident_id,
            building=building,
            unit=unit,
            verified=member.verified,
            status=Status.WAITING,
            created_at=now,
            updated_at=now,
            household_id=member.household_id,
            origin=context.origin[:80],
            recent=recent,
        )
    )


async def mine(uow: UnitOfWork, member: Membership, request_id: int) -> HelpRequest:
    """A request the member asked; any other id looks missing."""
    request = await uow.help.get(request_id)
    if request is None or request.requester_id != member.resident_id:
        raise NotFound()
    return request


async def say(
    uow: UnitOfWork, clock: Clock, member: Membership, request_id: int, message: NewMessage
) -> HelpMessage:
    """The resident adds to their open request (a reply to an answer, more words, photos).

    Rules: only the person who asked ("not_found" otherwise); not once it is closed
    ("help.closed": they can ask anew); the owner, if any, is told."""
    message = check_message(message)
    request = await mine(uow, member, request_id)
    if not request.is_open:
        raise DomainError("help.closed")
    now = clock.now()
    saved_message = await uow.help.add_message(
        HelpMessage(
            request_id,
            request.complex_id,
            member.resident_id,
            Side.RESIDENT,
            message.text,
            now,
            list(message.photos),
        )
    )
    await uow.help.touch(request_id, now)
    if request.owner_id is not None:
        reply = HelpReply(
            request_id, request.number, request.building, message.text, len(message.photos)
        )
        await uow.notifier.notify(
            request.owner_id,
            reply,
            key=f"help:{request_id}:msg:{saved(saved_message.id)}",
            complex_id=request.complex_id,
        )
    return saved_message

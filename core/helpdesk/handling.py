"""The coordinators' side of 도움 요청: take ("제가 맡을게요": the first one owns it), answer in
the chat, close; the name residents read ("관리사무소 김하나 코디네이터"); and the reminder
of requests nobody took."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, NotFound
from core.helpdesk.asking import REMIND_JOB
from core.helpdesk.events import HelpAnswered, HelpClosed, HelpReminder, HelpTaken
from core.helpdesk.model import (
    MAX_AGENT_NAME,
    MAX_REMINDERS,
    MAX_TEXT,
    HelpMessage,
    HelpRequest,
    Side,
    Status,
)
from core.identity.model import Membership, Role
from core.identity.roles import require_coordinator
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def handled(uow: UnitOfWork, member: Membership, request_id: int) -> HelpRequest:
    """A request of the coordinator's own complex; any other id looks missing."""
    require_coordinator(member)
    request = await uow.help.get(request_id)
    if request is None or request.complex_id != member.complex_id:
        raise NotFound()
    return request


@dataclass(frozen=True)
class Taken:
    """The outcome of 제가 맡을게요: `mine` False when another coordinator was first."""

    request: HelpRequest
    mine: bool
    owner_name: str


async def take(uow: UnitOfWork, clock: Clock, member: Membership, request_id: int) -> Taken:
    """제가 맡을게요. Rules: a coordinator of the request's complex; open ("help.closed");
    one conditional update, so of two coordinators tapping at once exactly one owns it and
    the other is told who did; taking one's own again changes nothing. The resident is told
    who took it."""
    request = await handled(uow, member, request_id)
    if not request.is_open:
        raise DomainError("help.closed")
    now = clock.now()
    if request.owner_id is None and await uow.help.take(request_id, member.resident_id, now):
        request = await handled(uow, member, request_id)
        name = await uow.help.agent_name(member.resident_id) or ""
        await uow.notifier.notify(
            request.requester_id,
            HelpTaken(request_id, request.number, name),
            key=f"help:{request_id}:taken",
            complex_id=request.complex_id,
        )
        return Taken(request, True, name)
    request = await handled(uow, member, request_id)  # as the winner left it
    owner = saved(request.owner_id)
    return Taken(request, owner == member.resident_id, await uow.help.agent_name(owner) or "")


async def answer(
    uow: UnitOfWork, clock: Clock, member: Membership, request_id: int, text: str
) -> HelpMessage:
    """답하기: the coordinator's words reach the resident, on the messengers they use.

    Rules: ≤ 1000 characters, not empty; the request is open; answering one nobody took
    takes it; one another coordinator owns is theirs to answer ("help.not_yours")."""
    text = text.strip()
    if not text:
        raise DomainError("help.empty")
    if len(text) > MAX_TEXT:
        raise DomainError("help.too_long", limit=MAX_TEXT)
    taken = await take(uow, clock, member, request_id)
    if not taken.mine:
        raise DomainError("help.not_yours", name=taken.owner_name)
    request, now = taken.request, clock.now()
    message = await uow.help.add_message(
        HelpMessage(
            request_id, request.complex_id, member.resident_id, Side.COORDINATOR, text, now
        )
    )
    await uow.help.touch(request_id, now)
    await uow.notifier.notify(
        request.requester_id,
        HelpAnswered(request_id, request.number, taken.owner_name, text),
        key=f"help:{request_id}:msg:{saved(message.id)}",
        complex_id=request.complex_id,
    )
    return message


async def close(uow: UnitOfWork, clock: Clock, member: Membership, request_id: int) -> bool:
    """끝내기. Rules: any coordinator of the complex (a request nobody took can be closed too,
    e.g. answered by phone); closing twice does nothing more; the resident is told once and
    pending reminders are cancelled. Returns False when it was already closed."""
    request = await handled(uow, member, request_id)
    if not await uow.help.close(request_id, clock.now()):
        return False
    name = await uow.help.agent_name(request.owner_id or member.resident_id) or ""
    await uow.notifier.notify(
        request.requester_id,
        HelpClosed(request_id, request.number, name),
        key=f"help:{request_id}:closed",
        complex_id=request.complex_id,
    )
    for n in range(1, MAX_REMINDERS + 1):
        await uow.jobs.cancel(REMIND_JOB, f"help:{request_id}:{n}")
    return True


async def set_name(uow: UnitOfWork, member: Membership, name: str) -> str:
    """내 이름: how residents read the coordinator ("관리사무소 김하나 코디네이터").
    Rules: a coordinator; 1-20 characters, letters and spaces."""
    require_coordinator(member)
    name = " ".join(name.split())
    if not 1 <= len(name) <= MAX_AGENT_NAME or not all(c.isalpha() or c == " " for c in name):
        raise DomainError("help.bad_name", limit=MAX_AGENT_NAME)
    await uow.help.set_agent_name(member.resident_id, saved(member.complex_id), name)
    return name


async def remind(
    uow: UnitOfWork, request_id: int, n: int, now: datetime, every: timedelta
) -> bool:
    """The scheduled reminder #n: if nobody took the request yet, remind every coordinator
    of the complex, and arm the next one (at most 3). A request taken or closed meanwhile,
    or a repeated firing, sends nothing more. Returns True when coordinators were reminded."""
    request = await uow.help.get(request_id)
    if request is None or request.status != Status.WAITING:
        return False
    minutes = int(request.waited(now).total_seconds() // 60)
    note = HelpReminder(request_id, request.number, request.building, minutes)
    for coordinator in await uow.roles.holders(Role.COORDINATOR, request.complex_id):
        await uow.notifier.notify(
            coordinator, note, key=f"help:{request_id}:remind:{n}", complex_id=request.complex_id
        )
    if n < MAX_REMINDERS:
        await uow.jobs.at(
            REMIND_JOB,
            f"help:{request_id}:{n + 1}",
            now + every,
            {"request_id": request_id, "n": n + 1},
            complex_id=request.complex_id,
        )
    return True

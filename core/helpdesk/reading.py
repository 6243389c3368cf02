"""What the help screens read: the coordinators' queue (대기 중 / 내가 맡은 것 / 끝난 것), one
request with its conversation, and the resident's own open request."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.helpdesk.asking import mine
from core.helpdesk.handling import handled
from core.helpdesk.model import HelpMessage, HelpRequest, Status
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork

PAGE = 5


class Tab(enum.StrEnum):
    WAITING = "waiting"  # 대기 중: nobody took them
    MINE = "mine"  # 내가 맡은 것: open, mine
    CLOSED = "closed"  # 끝난 것


@dataclass(frozen=True)
class QueuePage:
    tab: Tab
    requests: list[HelpRequest]
    total: int
    offset: int
    names: dict[int, str]  # owner id → name


@dataclass(frozen=True)
class Counts:
    waiting: int
    mine: int


def _filter(tab: Tab, member: Membership) -> tuple[list[str], int | None]:
    if tab is Tab.WAITING:
        return [Status.WAITING], None
    if tab is Tab.MINE:
        return [Status.TAKEN], member.resident_id
    return [Status.CLOSED], None


async def queue(uow: UnitOfWork, member: Membership, tab: Tab, offset: int = 0) -> QueuePage:
    """One page of a tab of the coordinator's complex: waiting and mine oldest first (the
    longest wait on top), closed newest first."""
    require_coordinator(member)
    statuses, owner = _filter(tab, member)
    found, total = await uow.help.page(
        saved(member.complex_id), statuses, owner, max(offset, 0), PAGE
    )
    owners = sorted({r.owner_id for r in found if r.owner_id is not None})
    return QueuePage(tab, found, total, max(offset, 0), await uow.help.agent_names(owners))


async def counts(uow: UnitOfWork, member: Membership) -> Counts:
    require_coordinator(member)
    complex_id = saved(member.complex_id)
    return Counts(
        await uow.help.count(complex_id, [Status.WAITING], None),
        await uow.help.count(complex_id, [Status.TAKEN], member.resident_id),
    )


@dataclass(frozen=True)
class Detail:
    request: HelpRequest
    messages: list[HelpMessage]
    owner_name: str
    mine: bool  # the reader owns it


async def detail(uow: UnitOfWork, member: Membership, request_id: int) -> Detail:
    """One request of the coordinator's complex with its whole conversation."""
    request = await handled(uow, member, request_id)
    owner = request.owner_id
    name = (await uow.help.agent_name(owner) or "") if owner is not None else ""
    messages = await uow.help.messages(request_id)
    return Detail(request, messages, name, owner == member.resident_id)


async def my_request(uow: UnitOfWork, member: Membership, request_id: int) -> HelpRequest:
    """A request the member asked (the 답장하기 button checks it is theirs)."""
    return await mine(uow, member, request_id)


async def open_request(uow: UnitOfWork, member: Membership) -> HelpRequest | None:
    """The member's request still open, if any."""
    return await uow.help.open_of(member.resident_id)


async def agent_name(uow: UnitOfWork, member: Membership) -> str:
    """The coordinator's own name as residents read it ("" when not set)."""
    require_coordinator(member)
    return await uow.help.agent_name(member.resident_id) or ""

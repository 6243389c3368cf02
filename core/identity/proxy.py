"""대신 하기: a coordinator does a resident task for a household of their complex that asked
for help (by phone, in person, or with a help request), audited and announced to the household.

The model, and why. Effects in this product belong to a *resident* (personal points, an
order, a seat request, a survey response) or to the *household* (a ballot, a defect report).
So a coordinator acting for household H does not act as themselves: the use cases receive the
household's membership — H, its complex, and as `resident_id` the household's **subject**, its
first verified resident (the one who took the household's invite first; the lowest id) — with
`proxy` saying who really acted (`Proxy.by`), how the household asked and whether it agreed
to spending points. Nothing is recorded in the coordinator's own name (their points, orders
and ballots stay theirs), and nothing pretends the resident did it:

- every effect done in this mode is written to `proxy_actions` (who, when, for which
  household and resident, how asked, what: the task and a reference to the effect), which
  is both the "done by the coordinator" mark and the audit; a ballot also keeps `proxy_by`;
- every verified resident of the household is told in their messenger ("관리사무소에서 대신
  … 했어요"), through the outbox, in the same transaction;
- points (rent, an order paid partly with points) only when the coordinator confirmed the
  household's consent (`proxy.no_consent` otherwise);
- a household nobody has verified yet has no subject: resident tasks are refused
  (`proxy.no_resident`), but a defect report, which belongs to the household, can be filed
  (its reporter is then the coordinator, and nobody can be told yet);
- only a coordinator of the household's complex, checked again on every message (a revoked
  role or another complex's household ends the mode with `forbidden`).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from core.clock import Clock
from core.errors import Forbidden, InvalidInput, NotFound
from core.identity.model import Membership, Proxy, Role
from core.identity.roles import require_coordinator
from core.ids import saved
from core.notifications import Notification

if TYPE_CHECKING:
    from core.ports import UnitOfWork

REQUEST_NO = re.compile(r"^\d{1,9}$")
MAX_WHAT = 60


class How(enum.StrEnum):
    """How the household asked."""

    PHONE = "phone"  # 전화
    VISIT = "visit"  # 방문
    HELP = "help"  # 도움 요청 #n (a help request of the complex, by its number)


class ProxyTask(enum.StrEnum):
    START = "start"  # the coordinator opened the household (an audit line, no effect)
    DEFECT = "defect"
    ORDER = "order"
    GROUP_BUY = "group_buy"
    RENT = "rent"
    RIDE = "ride"
    SURVEY = "survey"
    VOTE = "vote"


@dataclass(eq=False)
class ProxyAction:
    """One audited line of 대신 하기: an effect (or the start) for a household."""

    complex_id: int
    household_id: int
    coordinator_id: int
    resident_id: int | None  # the household's subject, when it has one
    how: str
    request_no: str
    task: str
    ref: str  # what was done, e.g. "defect:12", "order:5", "vote:3"
    consent: bool
    at: datetime
    id: int | None = None


class ProxyRepository(Protocol):
    async def add(self, item: ProxyAction) -> ProxyAction: ...
    async def for_household(self, household_id: int, limit: int = 50) -> list[ProxyAction]: ...


@dataclass(frozen=True)
class ProxyDone(Notification, kind="proxy.done"):
    """Told to every verified resident of the household: the office did `task` for them.
    `what` is the thing itself in the residents' own words (a product, a vote's question),
    `code` a code the bot words (a defect category), `amount` points or a quantity."""

    task: str
    how: str
    request_no: str = ""
    what: str = ""
    code: str = ""
    number: str = ""
    amount: int = 0


@dataclass(frozen=True)
class ProxyTarget:
    household_id: int
    building: str
    unit: str
    residents: int  # verified residents of the household (0: only household-level tasks)


def check_how(how: object, request_no: object = "") -> tuple[str, str]:
    """전화 / 방문 / 도움 요청 #n: a help request needs its number (1–9 digits)."""
    if how not in set(How):
        raise InvalidInput("proxy.bad_how")
    if how != How.HELP:
        return str(how), ""
    number = str(request_no or "").strip().lstrip("#").strip()
    if not REQUEST_NO.match(number):
        raise InvalidInput("proxy.bad_request_no")
    return str(how), str(int(number))


async def start_acting(
    uow: UnitOfWork,
    clock: Clock,
    coordinator: Membership,
    building: str,
    unit: str,
    how: str,
    request_no: str = "",
    *,
    consent: bool = False,
) -> ProxyTarget:
    """Open a household for 대신 하기.

    Rules: coordinators only, for a household of their own complex (another complex's 동/호
    reads as missing: "proxy.no_household"); how the household asked is recorded; the start
    is audited (a line without effect)."""
    require_coordinator(coordinator)
    if coordinator.proxy is not None:
        raise Forbidden()
    complex_id = saved(coordinator.complex_id)
    how, request_no = check_how(how, request_no)
    household = await uow.households.find(complex_id, building.strip(), unit.strip())
    if household is None:
        raise NotFound("proxy.no_household")
    household_id = saved(household.id)
    residents = await uow.residents.ids_in_household(household_id)
    await uow.proxies.add(
        ProxyAction(
            complex_id,
            household_id,
            coordinator.resident_id,
            residents[0] if residents else None,
            how,
            request_no,
            ProxyTask.START,
            f"household:{household_id}",
            consent,
            clock.now(),
        )
    )
    return ProxyTarget(household_id, household.building, household.unit, len(residents))


async def acting_for(uow: UnitOfWork, coordinator: Membership, proxy: Proxy) -> Membership:
    """The household's membership for the use cases, checked again now: the coordinator
    still holds the role, the household is of their complex (Forbidden otherwise). The
    stored `by` is never trusted: it is the coordinator's own id."""
    require_coordinator(coordinator)
    household = await uow.households.get(proxy.household_id)
    if household is None or household.complex_id != coordinator.complex_id:
        raise Forbidden()
    residents = await uow.residents.ids_in_household(saved(household.id))
    subject = residents[0] if residents else None
    complex_id = household.complex_id
    return Membership(
        resident_id=subject if subject is not None else coordinator.resident_id,
        complex_id=complex_id,
        household_id=saved(household.id),
        grants=frozenset({(str(Role.RESIDENT), complex_id)}) if subject else frozenset(),
        proxy=replace(proxy, by=coordinator.resident_id, subject=subject),
    )


def may_spend_points(member: Membership) -> bool:
    """A resident may spend their points; a coordinator acting for a household only with the
    household's consent (the order dialogs then offer no points step without it)."""
    return member.proxy is None or member.proxy.consent


def require_consent(member: Membership) -> None:
    """Points are spent for a household only with its consent, confirmed by the coordinator."""
    if member.proxy is not None and not member.proxy.consent:
        raise Forbidden("proxy.no_consent")


async def record_proxy(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    task: ProxyTask,
    ref: str,
    *,
    what: str = "",
    code: str = "",
    number: str = "",
    amount: int = 0,
) -> None:
    """Called by every use case at the end of an effect: nothing for a resident acting for
    themselves; in 대신 하기, the audit line marking the effect as the coordinator's, and the
    notice to every verified resident of the household (once per effect: `ref` keys it)."""
    proxy = member.proxy
    if proxy is None:
        return
    complex_id = saved(member.complex_id)
    await uow.proxies.add(
        ProxyAction(
            complex_id,
            proxy.household_id,
            proxy.by,
            proxy.subject,
            proxy.how,
            proxy.request_no,
            task,
            ref,
            proxy.consent,
            clock.now(),
        )
    )
    note = ProxyDone(str(task), proxy.how, proxy.request_no, what[:MAX_WHAT], code, number, amount)
    for resident_id in await uow.residents.ids_in_household(proxy.household_id):
        await uow.notifier.notify(resident_id, note, key=f"proxy:{ref}", complex_id=complex_id)

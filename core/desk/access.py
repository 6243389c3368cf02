"""Who may open which complex at the desk, and the audit of what they do there.

Rules:
- a coordinator opens only the complex they are coordinator of; an operator opens every
  complex and acts there with a coordinator's powers (the operator role is "every complex");
  anyone else, or a complex outside the scope, is `forbidden` (the desk answers 403);
- the membership the desk hands to the features' use cases is scoped to that complex, so
  their own checks (`require_coordinator`, the complex of a report, a vote, a notice) apply
  unchanged: an id of another complex is refused by the use case itself;
- every change made at the desk is audited: who, when, which complex, what (`record`);
  details never hold a phone number, a code or a unit number of a resident.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from core.clock import Clock
from core.desk.model import AuditLine
from core.errors import Forbidden
from core.identity.model import Membership, Role

if TYPE_CHECKING:
    from core.ports import UnitOfWork

AUDIT_LINES = 30


def is_operator(member: Membership) -> bool:
    return member.has(Role.OPERATOR)


def desk_member(member: Membership, complex_id: int) -> Membership:
    """`member` as it acts in `complex_id` at the desk (see the rules)."""
    if is_operator(member):
        grants = member.grants | {(str(Role.COORDINATOR), complex_id)}
        return replace(member, complex_id=complex_id, grants=frozenset(grants))
    if member.complex_id == complex_id and member.has(Role.COORDINATOR, complex_id):
        return member
    raise Forbidden()


def require_operator(member: Membership) -> None:
    if not is_operator(member):
        raise Forbidden()


async def record(
    uow: UnitOfWork, clock: Clock, member: Membership, action: str, detail: str = ""
) -> None:
    """Audit one desk action of `member` in its complex (None: across complexes)."""
    await uow.desk.add_audit(
        clock.now(), member.resident_id, member.complex_id, f"desk.{action}", detail[:200]
    )


async def recent(uow: UnitOfWork, member: Membership) -> list[AuditLine]:
    """The newest desk actions in the member's complex (every complex for an operator)."""
    if member.complex_id is None:
        require_operator(member)
    return await uow.desk.audit(member.complex_id, AUDIT_LINES)

"""Role checks every use case and every read makes, in core (never in a handler).

Rules:
- a resident is "verified" once linked to a household by an invite code; unverified people
  see only public information (`not_verified`);
- a coordinator acts only in the complex they hold the role for (`forbidden` otherwise);
- a coordinator acting for a household (대신 하기) passes as a verified resident only when
  the household has one; otherwise only household-level effects apply (`require_household`);
- a vendor acts only for the shops of their own vendor grant (checked by the shop use cases).
"""

from __future__ import annotations

from core.errors import Forbidden
from core.identity.model import Membership, Role


def require_verified(member: Membership) -> None:
    """A verified resident: a person acting for themselves, or a coordinator acting for a
    household that has a verified resident (`proxy.no_resident` when it has none)."""
    if not member.verified:
        raise Forbidden("not_verified")
    if member.proxy is not None and member.proxy.subject is None:
        raise Forbidden("proxy.no_resident")


def require_household(member: Membership) -> None:
    """A member of a household, or a coordinator acting for one (even with nobody verified
    in it yet): enough for effects that belong to the household itself (a defect report)."""
    if member.household_id is None or member.complex_id is None:
        raise Forbidden("not_verified")


def require_coordinator(member: Membership) -> None:
    if not member.is_coordinator:
        raise Forbidden()


def require_vendor(member: Membership) -> None:
    if not member.has(Role.VENDOR, member.complex_id):
        raise Forbidden()


def require_self(member: Membership) -> None:
    """Effects 대신 하기 does not offer (posting, chatting, cancelling, rating, signing up):
    only a resident for themselves, never a coordinator acting for a household — so no
    effect is ever done for a household without being audited and announced."""
    if member.proxy is not None:
        raise Forbidden("proxy.not_offered")

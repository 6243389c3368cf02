"""Role checks every use case and every read makes, in core (never in a handler).

Rules:
- a resident is "verified" once linked to a household by an invite code; unverified people
  see only public information (`not_verified`);
- a coordinator acts only in the complex they hold the role for (`forbidden` otherwise);
- a vendor acts only for the shops of their own vendor grant (checked by the shop use cases).
"""

from __future__ import annotations

from core.errors import Forbidden
from core.identity.model import Membership, Role


def require_verified(member: Membership) -> None:
    if not member.verified:
        raise Forbidden("not_verified")


def require_coordinator(member: Membership) -> None:
    if not member.is_coordinator:
        raise Forbidden()


def require_vendor(member: Membership) -> None:
    if not member.has(Role.VENDOR, member.complex_id):
        raise Forbidden()

"""Identity entities. A household (세대) is complex + 동 + 호; a resident is a person, known to
the bot from their first message and verified once they join a household with an invite code."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Role(enum.StrEnum):
    RESIDENT = "resident"
    COORDINATOR = "coordinator"
    VENDOR = "vendor"
    OPERATOR = "operator"


@dataclass(eq=False)
class Complex:
    code: str  # short public code, e.g. "DEMO"
    name: str
    id: int | None = None


class HouseholdKind(enum.StrEnum):
    """What a household of the registry is: a home people live in, the management office
    (관리동) or a vendor's unit (업체동). Only homes vote and count toward a vote's quorum."""

    HOME = "home"
    OFFICE = "office"
    VENDOR = "vendor"


OFFICE_BUILDINGS = frozenset({"관리", "관리사무소", "관리실"})  # "관리동" is stored as "관리"
VENDOR_BUILDINGS = frozenset({"업체", "상가"})  # "업체동" is stored as "업체"


def household_kind(building: str, role: str = "") -> HouseholdKind:
    """The kind of a new household: a vendor's invite makes a vendor unit; otherwise the 동
    says it (관리동 → office, 업체동 → vendor, any other 동 → a home)."""
    name = building.strip().removesuffix("동")
    if role == Role.VENDOR or name in VENDOR_BUILDINGS:
        return HouseholdKind.VENDOR
    if name in OFFICE_BUILDINGS:
        return HouseholdKind.OFFICE
    return HouseholdKind.HOME


@dataclass(eq=False)
class Household:
    complex_id: int
    building: str  # 동, e.g. "101"
    unit: str  # 호, e.g. "1203"
    kind: str = HouseholdKind.HOME
    id: int | None = None

    @property
    def votes(self) -> bool:
        """Only homes vote (the office's and vendors' units never do)."""
        return self.kind == HouseholdKind.HOME


@dataclass(eq=False)
class Resident:
    """A person. `household_id` is None until they verify with an invite code."""

    created_at: datetime
    locale: str = "ko"
    easy_mode: bool = False
    household_id: int | None = None
    complex_id: int | None = None  # always the household's complex (kept for scoping/sharding)
    id: int | None = None

    @property
    def verified(self) -> bool:
        return self.household_id is not None


@dataclass(eq=False)
class ChannelAccount:
    """One messenger account (KakaoTalk, Telegram or a web chat browser) of a resident."""

    channel: str
    external_id: str
    resident_id: int
    created_at: datetime
    address: str = ""  # where to push (Telegram chat id, Kakao plusfriend key); never shown
    unreachable: bool = False  # the person blocked the bot
    id: int | None = None


@dataclass(eq=False)
class RoleGrant:
    resident_id: int
    role: str
    complex_id: int | None  # None only for operators (all complexes)
    granted_at: datetime
    granted_by: int | None = None
    revoked_at: datetime | None = None
    id: int | None = None


@dataclass(eq=False)
class InviteCode:
    """A household's invite code, stored only as a keyed hash."""

    complex_id: int
    household_id: int
    code_hash: str
    role: str
    max_uses: int
    expires_at: datetime
    created_at: datetime
    uses: int = 0
    revoked_at: datetime | None = None
    shop_id: int | None = None  # a vendor invite carries the shop it runs
    id: int | None = None


@dataclass(frozen=True)
class Proxy:
    """대신 하기: coordinator `by` acts for household `household_id` of their complex, which
    asked `how` (phone, visit, help request `request_no`). `subject` is the household's
    resident the effects stand in the name of (None: nobody verified it yet); `consent` says
    the coordinator confirmed the household agreed to spending points."""

    by: int
    household_id: int
    how: str
    request_no: str = ""
    consent: bool = False
    subject: int | None = None


@dataclass(frozen=True)
class Membership:
    """What a resident is, as every use case needs it: their household and scoped roles.

    In 대신 하기 mode the engine hands the use cases the *household's* membership with
    `proxy` set (see core/identity/proxy.py): the effects belong to the household and are
    marked with the coordinator who did them."""

    resident_id: int
    complex_id: int | None
    household_id: int | None
    grants: frozenset[tuple[str, int | None]] = field(default_factory=frozenset)
    proxy: Proxy | None = None

    @property
    def proxy_by(self) -> int | None:
        """The coordinator acting for this household, when it is a proxy membership."""
        return None if self.proxy is None else self.proxy.by

    @property
    def verified(self) -> bool:
        return self.household_id is not None

    def has(self, role: Role, complex_id: int | None = None) -> bool:
        """True when a grant of `role` covers `complex_id` (any complex when None)."""
        for granted_role, scope in self.grants:
            if granted_role != role:
                continue
            if complex_id is None or scope is None or scope == complex_id:
                return True
        return False

    @property
    def is_coordinator(self) -> bool:
        return self.has(Role.COORDINATOR, self.complex_id) if self.complex_id else False


@dataclass(eq=False)
class LinkCode:
    """A one-time code that links another messenger account to a resident; hash only."""

    resident_id: int
    code_hash: str
    expires_at: datetime
    used_at: datetime | None = None
    id: int | None = None

"""Points: accounts, transfers and their entries, rent settlements and common-point spends.

Every movement of points is a transfer whose entries sum to zero. A personal account belongs to
a resident, a common account to a complex; system accounts (one set per complex, so a complex's
ledger shards with it) are the other side of every movement and may go below zero.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from datetime import datetime


class AccountKind(enum.StrEnum):
    PERSONAL = "personal"  # 개인 포인트 of a resident
    COMMON = "common"  # 공용 포인트 of a complex
    SYSTEM = "system"


class System(enum.StrEnum):
    REWARD_ISSUER = "reward_issuer"  # where purchase rewards come from
    RENT_SETTLEMENT = "rent_settlement"  # points paid as rent, settled by the operator
    EXPIRED = "expired"  # points that outlived `[points] valid_years`
    SHOP_CLEARING = "shop_clearing"  # points paid for orders, held until settled
    COMMON_USE = "common_use"  # common points the complex spent (playroom toys, events)
    REFUND_CASH = "refund_cash"  # spent reward points kept back from refunds in won


class Kind(enum.StrEnum):
    """Why a transfer happened: the bot words each kind ("주문 적립", "임대료")."""

    REWARD = "reward"
    REWARD_REVERSAL = "reward_reversal"
    SPEND = "spend"
    SPEND_RETURN = "spend_return"
    RENT = "rent"
    EXPIRE = "expire"
    COMMON_SPEND = "common_spend"
    REFUND_SETTLEMENT = "refund_settlement"  # a refund takes back what is left of a reward


PERSONAL_PERCENT = 1  # of the amount paid in money, to the buyer
COMMON_PERCENT = 2  # to the complex's common account
MAX_MEMO = 100
MAX_PURPOSE = 100
MAX_TRANSFER_ID = 120
MAX_AMOUNT = 100_000_000  # no single movement is larger (a typo guard)


@dataclass(frozen=True)
class AccountRef:
    """Names an account. `owner` is the resident id (personal), "" (common) or the system
    account's name; `complex_id` scopes every entry so the ledger shards by complex."""

    kind: str
    complex_id: int
    owner: str = ""

    @classmethod
    def personal(cls, resident_id: int, complex_id: int) -> AccountRef:
        return cls(AccountKind.PERSONAL, complex_id, str(resident_id))

    @classmethod
    def common(cls, complex_id: int) -> AccountRef:
        return cls(AccountKind.COMMON, complex_id)

    @classmethod
    def system(cls, name: System, complex_id: int) -> AccountRef:
        return cls(AccountKind.SYSTEM, complex_id, str(name))

    @classmethod
    def parse(cls, key: str, complex_id: int) -> AccountRef:
        """The ref of a stored key (personal keys do not carry the complex: it is given)."""
        kind, _, rest = key.partition(":")
        if kind == AccountKind.PERSONAL:
            return cls(AccountKind.PERSONAL, complex_id, rest)
        if kind == AccountKind.COMMON:
            return cls(AccountKind.COMMON, int(rest))
        complex_part, _, name = rest.partition(":")
        return cls(AccountKind.SYSTEM, int(complex_part), name)

    @property
    def key(self) -> str:
        """The account's id in storage: "personal:12", "common:3", "system:3:expired"."""
        if self.kind == AccountKind.PERSONAL:
            return f"personal:{self.owner}"
        if self.kind == AccountKind.COMMON:
            return f"common:{self.complex_id}"
        return f"system:{self.complex_id}:{self.owner}"

    @property
    def may_go_negative(self) -> bool:
        return self.kind == AccountKind.SYSTEM

    @property
    def resident_id(self) -> int | None:
        return int(self.owner) if self.kind == AccountKind.PERSONAL else None


Legs = list[tuple[AccountRef, int]]


def legs_hash(legs: Legs) -> str:
    """A fingerprint of who gets what: the same legs in any order give the same hash."""
    merged: dict[str, int] = {}
    for ref, amount in legs:
        merged[ref.key] = merged.get(ref.key, 0) + amount
    text = "\n".join(f"{key}={amount}" for key, amount in sorted(merged.items()))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Transfer:
    id: str  # derived from the cause, e.g. "reward:order:123": a replay is a no-op
    kind: str
    memo: str
    amounts_hash: str
    at: datetime
    complex_id: int


@dataclass(frozen=True)
class Line:
    """One entry of an account as residents read it: "6/3 로컬푸드 주문 적립 +120"."""

    at: datetime
    kind: str
    memo: str
    amount: int
    transfer_id: str


@dataclass(eq=False)
class RentSettlement:
    """Points a resident paid towards the household's rent for a month (임대료로 내기)."""

    complex_id: int
    household_id: int
    resident_id: int
    month: str  # "YYYY-MM"
    amount: int
    transfer_id: str
    at: datetime
    id: int | None = None


@dataclass(eq=False)
class CommonSpend:
    """Common points the complex spent, recorded by a coordinator with a purpose."""

    complex_id: int
    coordinator_id: int
    amount: int
    purpose: str
    transfer_id: str
    at: datetime
    vote_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Discrepancy:
    """What `ledger check` reports: an account whose stored balance is not its entries' sum,
    or (account "*") entries that do not sum to zero."""

    account: str
    stored: int
    summed: int


DIRECT_LIMIT = 50_000  # `[points] common_direct_limit`: above it a household vote decides


@dataclass(frozen=True)
class CommonPolicy:
    """`[points] common_direct_limit`, `common_vote_quorum` (% of households, 0: none) and
    `common_vote_days` (how long a proposal's vote stays open)."""

    direct_limit: int = DIRECT_LIMIT
    quorum: int = 30
    days: int = 7


class ProposalStatus(enum.StrEnum):
    VOTING = "voting"  # 투표 중
    SPENT = "spent"  # 사용함: the vote passed and the points moved
    REJECTED = "rejected"  # 부결: no more 찬성 than 반대
    NO_QUORUM = "no_quorum"  # 성립 안 됨: too few households voted
    SHORT = "short"  # 잔액 부족: passed, but the balance did not cover it at the close


@dataclass(eq=False)
class CommonProposal:
    """A coordinator's proposal to spend common points, decided by a household vote."""

    complex_id: int
    coordinator_id: int
    purpose: str
    amount: int
    vote_id: int
    created_at: datetime
    photo: str = ""  # a media id (the quote or a picture), "" for none
    status: str = ProposalStatus.VOTING
    settled_at: datetime | None = None
    id: int | None = None

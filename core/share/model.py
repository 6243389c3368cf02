"""The sharing market's entities: a listing (글) of one kind and side; a carpool seat request;
a relay conversation between two neighbours; thanks; reports; a resident's standing
(코디네이터 확인, posting suspended).

Names are never stored: a poster is shown as "102동 이웃" from the 동 kept on the listing."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta


class Kind(enum.StrEnum):
    CARPOOL = "carpool"  # 카풀
    CARE = "care"  # 돌봄
    CHILDCARE = "childcare"  # 육아
    NURSING = "nursing"  # 간병
    SCHOOL = "school"  # 등하교
    GOODS = "goods"  # 물품 나눔·대여
    TALENT = "talent"  # 재능


class Side(enum.StrEnum):
    OFFER = "offer"  # 해드려요
    REQUEST = "request"  # 구해요


class ListingStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"  # 마감 (by the poster, or a ride that has left)
    CANCELLED = "cancelled"  # a ride called off by its driver
    HIDDEN = "hidden"  # hidden by a coordinator
    DELETED = "deleted"


class RideStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"


# Kinds where "who" (e.g. the age of a child, never a name) is asked.
CARE_KINDS = frozenset({Kind.CARE, Kind.CHILDCARE, Kind.NURSING, Kind.SCHOOL})

MAX_TITLE = 50
MAX_PLACE = 50
MAX_WHEN = 100
MAX_WHO = 100
MAX_TEXT = 500  # free text: details, messages, reasons
MAX_MEDIA_ID = 80  # a goods listing's photo (the column's width)
MAX_SEATS = 6
MAX_PRICE = 1_000_000  # won
MAX_RIDE_PRICE = 50_000  # 실비 분담 per seat
THANKS_WINDOW = timedelta(days=365)
REMIND_BEFORE = timedelta(minutes=30)
PAGE = 5


@dataclass(eq=False)
class Listing:
    complex_id: int
    poster_id: int
    building: str  # the poster's 동, for "102동 이웃"; never the unit
    kind: str
    side: str
    title: str
    created_at: datetime
    updated_at: datetime
    place: str = ""  # where (care, goods, ...)
    when_text: str = ""  # one-off or recurring, as written ("평일 오후 3~6시")
    who: str = ""  # care kinds: e.g. "7살 아이" (never names)
    details: str = ""
    price: int = 0  # won; 0 = 무료
    origin: str = ""  # carpool
    destination: str = ""  # carpool
    departs_at: datetime | None = None  # carpool
    seats: int = 0  # carpool offers: seats offered
    seats_taken: int = 0  # carpool offers: accepted seats (changed by conditional UPDATE only)
    repeats: bool = False  # carpool: 평일마다 반복 (its closing job posts the next 평일's)
    status: str = ListingStatus.OPEN
    closed_at: datetime | None = None
    photo: str | None = None  # goods only: a media id (services.media)
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status == ListingStatus.OPEN

    @property
    def seats_left(self) -> int:
        return max(self.seats - self.seats_taken, 0)

    @property
    def is_ride_offer(self) -> bool:
        return self.kind == Kind.CARPOOL and self.side == Side.OFFER

    @property
    def departure(self) -> datetime:
        """A carpool's departure (every carpool has one)."""
        if self.departs_at is None:
            raise ValueError("not a carpool: no departure")
        return self.departs_at


@dataclass(eq=False)
class RideRequest:
    listing_id: int
    complex_id: int
    passenger_id: int
    seats: int
    created_at: datetime
    status: str = RideStatus.PENDING
    decided_at: datetime | None = None
    id: int | None = None


@dataclass(eq=False)
class ShareChat:
    """A relay conversation about one listing between its poster (owner) and a neighbour
    (opener). Messages are not stored here: each one is forwarded through the outbox."""

    listing_id: int
    complex_id: int
    opener_id: int
    owner_id: int
    created_at: datetime
    messages: int = 0  # how many were relayed (names each message's notification)
    ended_at: datetime | None = None
    id: int | None = None

    def other(self, resident_id: int) -> int:
        return self.owner_id if resident_id == self.opener_id else self.opener_id

    def has(self, resident_id: int) -> bool:
        return resident_id in (self.opener_id, self.owner_id)


@dataclass(eq=False)
class ShareReport:
    complex_id: int
    listing_id: int
    reporter_id: int
    reason: str
    created_at: datetime
    handled_at: datetime | None = None
    id: int | None = None


@dataclass(eq=False)
class Standing:
    """A resident's standing in the market of their complex (one row, made when needed)."""

    resident_id: int
    complex_id: int
    verified_at: datetime | None = None  # 코디네이터 확인 (met in person)
    verified_by: int | None = None
    suspended_at: datetime | None = None  # posting and contacting suspended
    suspended_reason: str = ""


def id_of(item: Listing | RideRequest | ShareChat | ShareReport) -> int:
    """The id storage gave `item` (everything read from storage, or added to it, has one)."""
    if item.id is None:
        raise ValueError(f"{type(item).__name__} not stored yet")
    return item.id

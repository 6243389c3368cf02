"""What the sharing market tells residents on its own, as typed payloads (the bot words each
kind):

- a carpool's driver and passengers: a seat request ("share.ride.requested"), its answer
  ("share.ride.accepted" / "share.ride.declined"), a cancelled ride or request
  ("share.ride.cancelled"), the reminder 30 minutes before ("share.ride.reminder") and the
  invitation to thank after it left ("share.ride.done");
- the relay conversation: a message ("share.chat.message"), the other side ending it
  ("share.chat.ended"); thanks received ("share.thanks");
- moderation: a report to the coordinators ("share.reported"), a hidden listing
  ("share.hidden"), posting suspended and lifted ("share.suspended" / "share.unsuspended")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.notifications import Notification
from core.share.model import Listing, id_of


@dataclass(frozen=True)
class RideEvent(Notification):
    """What every carpool notification carries: the ride, its title and departure."""

    listing_id: int
    title: str
    departs_at: datetime | None


@dataclass(frozen=True)
class RideRequested(RideEvent, kind="share.ride.requested"):
    """To the driver, with 수락 / 거절; `building` is the passenger's 동."""

    request_id: int
    seats: int
    building: str

    @classmethod
    def of(cls, listing: Listing, request_id: int, seats: int, building: str) -> RideRequested:
        return cls(id_of(listing), listing.title, listing.departs_at, request_id, seats, building)


@dataclass(frozen=True)
class RideAccepted(RideEvent, kind="share.ride.accepted"):
    request_id: int
    seats: int
    origin: str
    destination: str

    @classmethod
    def of(cls, listing: Listing, request_id: int, seats: int) -> RideAccepted:
        return cls(
            id_of(listing),
            listing.title,
            listing.departs_at,
            request_id,
            seats,
            listing.origin,
            listing.destination,
        )


@dataclass(frozen=True)
class RideDeclined(RideEvent, kind="share.ride.declined"):
    @classmethod
    def of(cls, listing: Listing) -> RideDeclined:
        return cls(id_of(listing), listing.title, listing.departs_at)


@dataclass(frozen=True)
class RideCancelled(RideEvent, kind="share.ride.cancelled"):
    """`by` "driver" (the ride is off, to each passenger) or "passenger" (to the driver, with
    the seats freed and the passenger's 동)."""

    by: str
    seats: int = 0
    building: str = ""

    @classmethod
    def of(cls, listing: Listing, by: str, seats: int = 0, building: str = "") -> RideCancelled:
        return cls(id_of(listing), listing.title, listing.departs_at, by, seats, building)


@dataclass(frozen=True)
class RideReminder(RideEvent, kind="share.ride.reminder"):
    """`role` "driver" or "passenger"; `riders` is how many passengers were accepted."""

    role: str
    origin: str
    destination: str
    riders: int

    @classmethod
    def of(cls, listing: Listing, role: str, riders: int) -> RideReminder:
        return cls(
            id_of(listing),
            listing.title,
            listing.departs_at,
            role,
            listing.origin,
            listing.destination,
            riders,
        )


@dataclass(frozen=True)
class RideDone(RideEvent, kind="share.ride.done"):
    role: str

    @classmethod
    def of(cls, listing: Listing, role: str) -> RideDone:
        return cls(id_of(listing), listing.title, listing.departs_at, role)


@dataclass(frozen=True)
class ChatMessage(Notification, kind="share.chat.message"):
    """One relayed message; `building` is the sender's 동 ("102동 이웃")."""

    chat_id: int
    title: str
    text: str
    building: str


@dataclass(frozen=True)
class ChatEnded(Notification, kind="share.chat.ended"):
    chat_id: int
    title: str


@dataclass(frozen=True)
class ThanksReceived(Notification, kind="share.thanks"):
    listing_id: int
    title: str


@dataclass(frozen=True)
class ListingReported(Notification, kind="share.reported"):
    """To each coordinator of the complex."""

    report_id: int
    listing_id: int
    title: str
    reason: str


@dataclass(frozen=True)
class ListingHidden(Notification, kind="share.hidden"):
    title: str
    reason: str


@dataclass(frozen=True)
class PostingSuspended(Notification, kind="share.suspended"):
    reason: str


@dataclass(frozen=True)
class PostingRestored(Notification, kind="share.unsuspended"):
    pass

"""공유마켓's typed actions (what its buttons do) and the names of its dialogs: the leaf that
handlers, dialogs, notifications and other features import."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action
from bot.handlers.identity.actions import OpenSection
from core.share.model import Kind

# The dialogs (bot/dialogs/share/), started by these names.
POST_CARPOOL = "share.carpool"
POST_LISTING = "share.listing"
EDIT = "share.edit"
CHAT = "share.chat"
REPORT = "share.report"
MODERATE = "share.moderate"


def back_to_share() -> Action:
    return OpenSection("share")


# --- listings (bot/handlers/share/listings.py) ---------------------------------------------


@dataclass(frozen=True)
class OpenKind(Action, kind="share.kind"):
    topic: str  # a Kind ("kind" itself names the action type)
    offset: int = 0


@dataclass(frozen=True)
class OpenCarpool(OpenKind, kind="share.carpool"):
    topic: str = Kind.CARPOOL.value


@dataclass(frozen=True)
class PickKind(Action, kind="share.kinds"):
    pass


@dataclass(frozen=True)
class StartPost(Action, kind="share.post"):
    topic: str
    side: str = ""  # carpool: 태워 드려요 / 구해요 already said (a typed sentence)


@dataclass(frozen=True)
class MyListings(Action, kind="share.mine"):
    offset: int = 0


@dataclass(frozen=True)
class OpenListing(Action, kind="share.open"):
    listing_id: int


@dataclass(frozen=True)
class CloseListing(Action, kind="share.close"):
    listing_id: int


@dataclass(frozen=True)
class DeleteListing(Action, kind="share.delete"):
    listing_id: int
    sure: bool = False


@dataclass(frozen=True)
class EditListing(Action, kind="share.edit"):
    listing_id: int


# --- contact, thanks, reports (bot/handlers/share/listing_actions.py) ----------------------


@dataclass(frozen=True)
class Contact(Action, kind="share.contact"):
    listing_id: int


@dataclass(frozen=True)
class OpenChat(Action, kind="share.chat.open"):
    chat_id: int


@dataclass(frozen=True)
class EndChat(Action, kind="share.chat.end"):
    chat_id: int


@dataclass(frozen=True)
class BlockPeer(Action, kind="share.chat.block"):
    chat_id: int
    sure: bool = False


@dataclass(frozen=True)
class ReportListing(Action, kind="share.report"):
    listing_id: int


@dataclass(frozen=True)
class SendThanks(Action, kind="share.thanks", single_use=True):
    listing_id: int
    to_id: int = 0  # 0: every partner of the listing (a driver thanking the passengers)


# --- carpool seats (bot/handlers/share/rides.py) -------------------------------------------


@dataclass(frozen=True)
class ApplyRide(Action, kind="share.ride.apply"):
    listing_id: int


@dataclass(frozen=True)
class RequestSeats(Action, kind="share.ride.seats", single_use=True):
    listing_id: int
    seats: int


@dataclass(frozen=True)
class RideRequests(Action, kind="share.ride.requests"):
    listing_id: int


@dataclass(frozen=True)
class AcceptRide(Action, kind="share.ride.accept", single_use=True):
    request_id: int


@dataclass(frozen=True)
class DeclineRide(Action, kind="share.ride.decline", single_use=True):
    request_id: int


@dataclass(frozen=True)
class MyRides(Action, kind="share.ride.mine"):
    pass


@dataclass(frozen=True)
class CancelRequest(Action, kind="share.ride.cancel", single_use=True):
    request_id: int


# --- coordinators (bot/handlers/share/moderation.py, lift.py) ------------------------------


@dataclass(frozen=True)
class OpenShareReports(Action, kind="coord.share.reports"):
    pass


@dataclass(frozen=True)
class OpenProviders(Action, kind="coord.share.providers"):
    pass


@dataclass(frozen=True)
class VerifyPoster(Action, kind="coord.share.verify", single_use=True):
    listing_id: int


@dataclass(frozen=True)
class HideListing(Action, kind="coord.share.hide"):
    listing_id: int


@dataclass(frozen=True)
class SuspendPoster(Action, kind="coord.share.suspend"):
    listing_id: int


@dataclass(frozen=True)
class DismissReport(Action, kind="coord.share.dismiss", single_use=True):
    report_id: int


@dataclass(frozen=True)
class OpenSuspended(Action, kind="coord.share.suspended"):
    pass


@dataclass(frozen=True)
class LiftSuspension(Action, kind="coord.share.lift", single_use=True):
    resident_id: int

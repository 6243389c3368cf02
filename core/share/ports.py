"""What the sharing market needs from storage. Seats change only through `take_seats` and
`release_seats` (one conditional UPDATE each), never by writing `seats_taken` from Python."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.share.model import Listing, RideRequest, ShareChat, ShareReport, Standing


class ShareRepository(Protocol):
    async def add(self, listing: Listing) -> Listing: ...
    async def get(self, listing_id: int) -> Listing | None: ...
    async def many(self, listing_ids: list[int]) -> dict[int, Listing]:
        """The listings of these ids that exist, by id (one query)."""

    async def browse(
        self, complex_id: int, kind: str, *, after: datetime, offset: int, limit: int
    ) -> tuple[list[Listing], int]:
        """Open listings of the kind, newest first; rides that left before `after` are out."""

    async def by_poster(
        self, poster_id: int, *, offset: int, limit: int
    ) -> tuple[list[Listing], int]:
        """The resident's listings that are not deleted, newest first."""

    async def take_seats(self, listing_id: int, seats: int) -> bool:
        """Add accepted seats if the open ride still has that many free; False otherwise."""

    async def release_seats(self, listing_id: int, seats: int) -> None: ...

    async def add_request(self, request: RideRequest) -> RideRequest: ...
    async def get_request(self, request_id: int) -> RideRequest | None: ...
    async def requests_for(self, listing_id: int) -> list[RideRequest]: ...
    async def requests_of(self, passenger_id: int) -> list[RideRequest]:
        """The passenger's pending and accepted requests, oldest first."""

    async def move_request(
        self, request_id: int, from_status: str, to_status: str, at: datetime
    ) -> bool:
        """Change the status if it still is `from_status` (one conditional UPDATE)."""

    async def add_chat(self, chat: ShareChat) -> ShareChat: ...
    async def get_chat(self, chat_id: int) -> ShareChat | None: ...
    async def open_chat(self, listing_id: int, opener_id: int) -> ShareChat | None: ...
    async def chats_between(self, listing_id: int, a: int, b: int) -> int: ...
    async def count_message(self, chat_id: int) -> int:
        """Count one relayed message; returns the new count."""

    async def block(
        self, blocker_id: int, blocked_id: int, complex_id: int, at: datetime
    ) -> None: ...
    async def blocked(self, a: int, b: int) -> bool:
        """True when either resident blocked the other."""

    async def add_thanks(
        self, listing_id: int, from_id: int, to_id: int, complex_id: int, at: datetime
    ) -> bool:
        """False when this thanks was already given (once per listing and pair)."""

    async def thanks_count(self, resident_ids: list[int], since: datetime) -> dict[int, int]: ...

    async def add_report(self, report: ShareReport) -> ShareReport: ...
    async def get_report(self, report_id: int) -> ShareReport | None: ...
    async def open_reports(self, complex_id: int, *, limit: int) -> list[ShareReport]: ...

    async def standing(self, resident_id: int) -> Standing | None: ...
    async def save_standing(self, standing: Standing) -> None: ...
    async def verified_among(self, resident_ids: list[int]) -> set[int]: ...
    async def suspended(self, complex_id: int, *, limit: int) -> list[Standing]:
        """Residents of the complex whose posting is suspended, oldest suspension first."""
        ...

    async def buildings_of(self, complex_id: int, resident_ids: list[int]) -> dict[int, str]:
        """Each resident's 동 (from their household), for those living in the complex
        (one query): how the market names a neighbour, "102동 이웃"."""

    async def audit(
        self, at: datetime, complex_id: int, actor_id: int, action: str, detail: str
    ) -> None:
        """One line in the audit log (moderation and verification)."""

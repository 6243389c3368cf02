"""What the partner-shop use cases need from storage. The scarce things change only through
conditional updates (an offer's count of coupons, a coupon's status), and a household's
coupons of an offer are numbered under a unique key, so racing claims cannot pass the rules."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.partners.model import Coupon, Offer


class PartnerRepository(Protocol):
    async def add_offer(self, offer: Offer) -> Offer: ...
    async def get_offer(self, offer_id: int) -> Offer | None: ...
    async def open_offers(self, complex_id: int, now: datetime) -> list[Offer]:
        """Active offers of the complex on now, ending soonest first."""

    async def offers_of_shop(self, shop_id: int) -> list[Offer]:
        """Every offer of the shop, newest first."""

    async def offers_of_complex(self, complex_id: int) -> list[Offer]: ...
    async def take_coupon(self, offer_id: int) -> bool:
        """Count one more coupon if the cap leaves one (one conditional update)."""

    async def close_offer(self, offer_id: int) -> bool: ...

    async def add_coupon(self, coupon: Coupon) -> Coupon:
        """Insert; a second coupon with the same (offer, household, seq) or code raises
        ConcurrencyConflict (the claim is retried and then refused)."""

    async def household_coupons(self, offer_id: int, household_id: int) -> int: ...
    async def coupon_by_code(self, code: str) -> Coupon | None: ...
    async def get_coupon(self, coupon_id: int) -> Coupon | None: ...
    async def coupons_of_resident(self, resident_id: int) -> list[Coupon]:
        """Newest first."""

    async def redeem(
        self, coupon_id: int, *, at: datetime, amount: int, discount: int, by: int
    ) -> bool:
        """받음 → 사용함 with the purchase, once (one conditional update); False when it
        was no longer 받음."""

    async def counts(self, offer_ids: list[int]) -> dict[int, int]:
        """{offer id: coupons redeemed}."""

    @property
    def digest(self) -> DigestRepository: ...
    @property
    def slots(self) -> SlotRepository: ...


class DigestRepository(Protocol):
    """Residents who asked for the weekly 동네 가게 혜택 digest (one row each)."""

    async def subscribe(self, resident_id: int, complex_id: int, at: datetime) -> bool:
        """Add the resident (False when already in)."""

    async def unsubscribe(self, resident_id: int) -> bool: ...
    async def subscribed(self, resident_id: int) -> bool: ...
    async def subscribers(self, complex_id: int) -> list[int]: ...


class SlotRepository(Protocol):
    """The 알뜰쇼핑 promotion slot: (offer id, exhibition id) rows with a period."""

    async def add(
        self,
        complex_id: int,
        *,
        offer_id: int | None,
        exhibition_id: int | None,
        starts_at: datetime,
        ends_at: datetime,
        by: int,
    ) -> None: ...
    async def current(self, complex_id: int, now: datetime) -> tuple[int | None, int | None]:
        """(offer id, exhibition id) of the newest slot on now; (None, None) when none."""

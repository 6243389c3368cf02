"""What partner shops' coupons tell people on their own: the resident, when a coupon was used
("partners.coupon.used", with the points it earned); the weekly digest of open offers to those
who asked for it ("partners.digest")."""

from __future__ import annotations

from dataclasses import dataclass

from core.notifications import Notification


@dataclass(frozen=True)
class CouponUsed(Notification, kind="partners.coupon.used"):
    shop: str
    title: str
    amount: int
    discount: int
    points: int


@dataclass(frozen=True)
class OfferLine:
    shop: str
    title: str
    discount_kind: str
    discount: int


@dataclass(frozen=True)
class OffersDigest(Notification, kind="partners.digest"):
    offers: tuple[OfferLine, ...]

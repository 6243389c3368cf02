"""제휴상가 혜택's typed actions and dialog ids: a leaf that dialogs and notifications import."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

OFFER_DIALOG = "partners.offer"  # the vendor publishes an offer
CODE_DIALOG = "partners.code"  # the vendor types the code a resident shows
REDEEM_DIALOG = "partners.redeem"  # the purchase amount, then 사용 처리


# --- residents ---


@dataclass(frozen=True)
class PartnerOffers(Action, kind="partners.offers"):
    pass


@dataclass(frozen=True)
class ClaimCoupon(Action, kind="partners.claim", single_use=True):
    offer_id: int


@dataclass(frozen=True)
class MyCoupons(Action, kind="partners.mine"):
    pass


@dataclass(frozen=True)
class ShowCoupon(Action, kind="partners.coupon"):
    coupon_id: int


# --- partner shops' vendors ---


@dataclass(frozen=True)
class PartnerMenu(Action, kind="partners.menu"):
    pass


@dataclass(frozen=True)
class NewOffer(Action, kind="partners.new"):
    pass


@dataclass(frozen=True)
class CloseOffer(Action, kind="partners.close", single_use=True):
    offer_id: int


@dataclass(frozen=True)
class RedeemCoupon(Action, kind="partners.redeem"):
    pass


@dataclass(frozen=True)
class ToggleDigest(Action, kind="partners.digest"):
    """매주 혜택 소식 받기 (on) / 그만 받기."""

    on: bool


# --- the promotion slot (오늘의 추천) ---


@dataclass(frozen=True)
class OpenSlot(Action, kind="partners.slot"):
    pass


@dataclass(frozen=True)
class SlotChoices(Action, kind="partners.slot.choose"):
    pass


@dataclass(frozen=True)
class AssignSlot(Action, kind="partners.slot.set", single_use=True):
    offer_id: int = 0
    exhibition_id: int = 0

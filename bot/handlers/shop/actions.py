"""알뜰쇼핑's typed actions and dialog ids: a leaf that dialogs, notifications and other
features import for their buttons without importing the shop's handlers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action
from bot.handlers.identity.actions import OpenSection

# Dialog ids (bot/dialogs/shop/): residents' orders and group-buy shares, the vendor's
# products, cancellations, refunds, group buys and 기획전, the coordinator's vendor invite.
ORDER_DIALOG = "shop.order"
JOIN_DIALOG = "shop.join"
ADD_PRODUCT_DIALOG = "vendor.product"
EDIT_PRODUCT_DIALOG = "vendor.edit"
CANCEL_DIALOG = "vendor.cancel"
REFUND_DIALOG = "vendor.refund"
ASK_REFUND_DIALOG = "shop.ask_refund"
GROUP_BUY_DIALOG = "vendor.groupbuy"
EXHIBITION_DIALOG = "vendor.exhibition"
INVITE_VENDOR_DIALOG = "shop.invite_vendor"
SERVE_DIALOG = "vendor.serve"
BANK_DIALOG = "vendor.bank"  # 입금 계좌 (bot/dialogs/shop/bank.py)


def back_to_shop() -> Action:
    return OpenSection("shop")


# --- residents: browse, order, 내 주문 ---


@dataclass(frozen=True)
class ShopKinds(Action, kind="shop.kinds"):
    pass


@dataclass(frozen=True)
class ShopProducts(Action, kind="shop.products"):
    shop_kind: str = ""
    exhibition_id: int = 0
    offset: int = 0


@dataclass(frozen=True)
class Exhibitions(Action, kind="shop.exhibitions"):
    pass


@dataclass(frozen=True)
class StartOrder(Action, kind="shop.order"):
    """`exhibition_id`: ordered from that 기획전's screen (core prices it at its sale price)."""

    product_id: int
    exhibition_id: int = 0


@dataclass(frozen=True)
class MyOrders(Action, kind="shop.mine"):
    offset: int = 0


@dataclass(frozen=True)
class CancelOrder(Action, kind="shop.cancel", single_use=True):
    order_id: int


@dataclass(frozen=True)
class Picks(Action, kind="shop.picks"):
    """우체국쇼핑·바깥 상품: outside products with a link out (bot/handlers/shop/picks.py)."""

    offset: int = 0


@dataclass(frozen=True)
class AskRefund(Action, kind="shop.ask_refund"):
    order_id: int


# --- residents: 공동구매 ---


@dataclass(frozen=True)
class GroupBuys(Action, kind="shop.gbs"):
    pass


@dataclass(frozen=True)
class OpenGroupBuy(Action, kind="shop.gb"):
    group_buy_id: int


@dataclass(frozen=True)
class JoinGroupBuy(Action, kind="shop.gb.join"):
    """참여하기 (`quick`: 1개 참여 on the card, straight to the confirmation)."""

    group_buy_id: int
    change: bool = False
    quick: bool = False


@dataclass(frozen=True)
class LeaveGroupBuy(Action, kind="shop.gb.leave", single_use=True):
    group_buy_id: int


# --- vendors: 내 가게 ---


@dataclass(frozen=True)
class VendorMenu(Action, kind="vendor.menu"):
    pass


@dataclass(frozen=True)
class VendorProducts(Action, kind="vendor.products"):
    offset: int = 0


@dataclass(frozen=True)
class AddProduct(Action, kind="vendor.add"):
    pass


@dataclass(frozen=True)
class EditProduct(Action, kind="vendor.edit"):
    product_id: int


@dataclass(frozen=True)
class VendorOrders(Action, kind="vendor.orders"):
    offset: int = 0


@dataclass(frozen=True)
class MoveOrder(Action, kind="vendor.move", single_use=True):
    order_id: int
    target: str


@dataclass(frozen=True)
class ConfirmPaid(Action, kind="vendor.paid", single_use=True):
    order_id: int


@dataclass(frozen=True)
class CancelWithReason(Action, kind="vendor.cancel"):
    order_id: int


@dataclass(frozen=True)
class VendorHistory(Action, kind="vendor.history"):
    offset: int = 0


@dataclass(frozen=True)
class RefundOrder(Action, kind="vendor.refund", single_use=True):
    order_id: int


@dataclass(frozen=True)
class StartGroupBuy(Action, kind="vendor.gb"):
    """`complex_id`: for which complex (0: ask when the shop serves several)."""

    complex_id: int = 0


@dataclass(frozen=True)
class VendorComplexes(Action, kind="vendor.complexes"):
    """다른 단지 판매: the complexes the shop serves or asked to serve."""


@dataclass(frozen=True)
class AskToServe(Action, kind="vendor.serve"):
    """판매 신청: ask to sell in another complex."""


@dataclass(frozen=True)
class StartExhibition(Action, kind="vendor.exhibition"):
    """특별 판매 열기: pick the products first (bot/handlers/shop/exhibit.py)."""


@dataclass(frozen=True)
class PickExhibitProducts(Action, kind="vendor.exhibit.page"):
    """A page of the shop's products to tick for a 기획전 (the ticks are kept)."""

    offset: int = 0


@dataclass(frozen=True)
class ToggleExhibitProduct(Action, kind="vendor.exhibit.toggle"):
    product_id: int
    offset: int = 0


@dataclass(frozen=True)
class ExhibitProductsPicked(Action, kind="vendor.exhibit.picked"):
    """다 골랐어요: on to the title, the sale prices, the period and where."""


@dataclass(frozen=True)
class VendorAccount(Action, kind="vendor.account"):
    """입금 계좌: the shop's account for 계좌이체 (`change`: straight to the dialog)."""

    change: bool = False


# --- coordinators ---


@dataclass(frozen=True)
class CoordinatorGroupBuy(Action, kind="coord.groupbuy"):
    pass


@dataclass(frozen=True)
class ServeRequests(Action, kind="coord.serve"):
    """입점 신청: shops of other complexes asking to sell here."""


@dataclass(frozen=True)
class DecideServe(Action, kind="coord.serve.decide", single_use=True):
    serving_id: int
    approve: bool

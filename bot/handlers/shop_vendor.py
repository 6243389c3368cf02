"""내 가게: the vendor's menu in chat. Shown on home to vendors; every action checks in core
that the shop is the vendor's own. Products (add, edit), 주문 관리 (확인 → 준비완료 →
수령완료, 입금 확인, 취소 with a reason), 주문 내역 with 환불 (bot/handlers/shop_history.py),
and the ways to open a group buy or a 기획전."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.shop import product_card
from bot.handlers.shop_words import NEXT_STEP, kind_word, payment_word, status_word
from bot.screens import Card, Screen
from core.shop import orders, vendors
from core.shop.model import Order, OrderStatus, Payment

router = Router()
PAGE = 5


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
class StartGroupBuy(Action, kind="vendor.gb"):
    pass


@dataclass(frozen=True)
class StartExhibition(Action, kind="vendor.exhibition"):
    pass


@router.on(VendorMenu)
async def vendor_menu(ctx: Ctx, action: VendorMenu) -> Screen:
    from bot.handlers.shop_history import VendorHistory

    shop = await vendors.own_shop(ctx.uow, ctx.membership)
    _, waiting = await orders.shop_orders(ctx.uow, ctx.membership, limit=1)
    text = ctx._(
        "[내 가게] {name} ({kind})\n처리할 주문: {n}건\n무엇을 할까요?",
        name=shop.name,
        kind=kind_word(ctx.t, shop.kind),
        n=waiting,
    )
    buttons = [
        ctx.button(ctx._("주문 관리"), VendorOrders()),
        ctx.button(ctx._("주문 내역"), VendorHistory()),
        ctx.button(ctx._("내 상품"), VendorProducts()),
        ctx.button(ctx._("상품 추가"), AddProduct()),
        ctx.button(ctx._("공동구매 열기"), StartGroupBuy()),
        ctx.button(ctx._("기획전 열기"), StartExhibition()),
    ]
    return ctx.screen(text, *buttons)


@router.on(VendorProducts)
async def vendor_products(ctx: Ctx, action: VendorProducts) -> Screen:
    shop = await vendors.own_shop(ctx.uow, ctx.membership)
    products, total = await ctx.uow.shop.products(
        shop.complex_id, shop_id=shop.id, active_only=False, offset=max(action.offset, 0)
    )
    add = ctx.button(ctx._("상품 추가"), AddProduct())
    if not total:
        return ctx.screen(ctx._("아직 올린 상품이 없어요."), add, back=VendorMenu())
    cards = []
    for product in products:
        card = product_card(ctx, product, shop.name, buy=False)
        status = "" if product.active else ctx._(" (판매 중지)")
        edit = ctx.button(ctx._("수정"), EditProduct(product.id))
        cards.append(Card(card.title + status, card.lines, card.image_url, (edit,), card.price))
    buttons = [add]
    if action.offset + PAGE < total:
        buttons.insert(0, ctx.button(ctx._("상품 더보기"), VendorProducts(action.offset + PAGE)))
    text = ctx._("[내 상품] {n}개", n=total)
    return ctx.screen(text, *buttons, back=VendorMenu(), cards=tuple(cards))


@router.on(AddProduct)
async def add_product(ctx: Ctx, action: AddProduct) -> Screen:
    await vendors.own_shop(ctx.uow, ctx.membership)
    return await ctx.start_dialog("vendor.product")


@router.on(EditProduct)
async def edit_product(ctx: Ctx, action: EditProduct) -> Screen:
    product = await vendors.own_product(ctx.uow, ctx.membership, action.product_id)
    return await ctx.start_dialog("vendor.edit", _product_id=product.id, _name=product.name)


def order_lines(ctx: Ctx, order: Order) -> list[str]:
    """An order's quantity, total, status, pickup, payment and points used."""
    paid = ""
    if order.payment == Payment.TRANSFER and order.money:
        paid = ctx._(" (입금 확인)") if order.paid else ctx._(" (입금 전)")
    lines = [
        ctx._("{n}개 · {total}", n=order.quantity, total=ctx.t.won(order.total)),
        ctx._("상태: {status}", status=status_word(ctx.t, order.status)),
        ctx._("받는 곳: {pickup}", pickup=order.pickup),
        payment_word(ctx.t, order.payment) + paid,
    ]
    if order.points_used:
        lines.append(ctx._("포인트 {n}점 사용", n=order.points_used))
    return lines


def order_card(ctx: Ctx, order: Order, product_name: str) -> Card:
    lines = order_lines(ctx, order)
    buttons = []
    if order.status in NEXT_STEP:
        target, label = NEXT_STEP[OrderStatus(order.status)]
        buttons.append(ctx.button(ctx._(label), MoveOrder(order.id, target.value)))
    if order.payment == Payment.TRANSFER and not order.paid and order.money:
        buttons.append(ctx.button(ctx._("입금 확인"), ConfirmPaid(order.id)))
    buttons.append(ctx.button(ctx._("주문 취소"), CancelWithReason(order.id)))
    return ctx.card(f"{order.number} · {product_name}", *lines, buttons=tuple(buttons[:3]))


@router.on(VendorOrders)
async def vendor_orders(ctx: Ctx, action: VendorOrders, note: str = "") -> Screen:
    found, total = await orders.shop_orders(ctx.uow, ctx.membership, offset=action.offset)
    if not total:
        text = ctx._("처리할 주문이 없어요.")
        return ctx.screen(f"{note}\n{text}".strip(), back=VendorMenu())
    cards = []
    for order in found:
        product = await ctx.uow.shop.get_product(order.product_id)
        cards.append(order_card(ctx, order, product.name))
    buttons = []
    if action.offset + PAGE < total:
        buttons.append(ctx.button(ctx._("주문 더보기"), VendorOrders(action.offset + PAGE)))
    text = ctx._("[주문 관리] 처리할 주문 {n}건이에요. 오래된 것부터 보여 드려요.", n=total)
    return ctx.screen(f"{note}\n{text}".strip(), *buttons, back=VendorMenu(), cards=tuple(cards))


@router.on(MoveOrder)
async def move_order(ctx: Ctx, action: MoveOrder) -> Screen:
    order = await orders.move_order(
        ctx.uow, ctx.clock, ctx.membership, action.order_id, action.target
    )
    note = ctx._(
        "{number}을 '{status}'(으)로 바꿨어요.",
        number=order.number,
        status=status_word(ctx.t, order.status),
    )
    return await vendor_orders(ctx, VendorOrders(), note)


@router.on(ConfirmPaid)
async def confirm_paid(ctx: Ctx, action: ConfirmPaid) -> Screen:
    order = await orders.confirm_payment(ctx.uow, ctx.clock, ctx.membership, action.order_id)
    note = ctx._("{number} 입금을 확인했어요.", number=order.number)
    return await vendor_orders(ctx, VendorOrders(), note)


@router.on(CancelWithReason)
async def cancel_with_reason(ctx: Ctx, action: CancelWithReason) -> Screen:
    order = await orders.shop_order(ctx.uow, ctx.membership, action.order_id)
    return await ctx.start_dialog("vendor.cancel", _order_id=order.id, _number=order.number)


@router.on(StartGroupBuy)
async def start_group_buy(ctx: Ctx, action: StartGroupBuy) -> Screen:
    shop = await vendors.own_shop(ctx.uow, ctx.membership)
    products, _ = await ctx.uow.shop.products(shop.complex_id, shop_id=shop.id, limit=8)
    if not products:
        add = ctx.button(ctx._("상품 추가"), AddProduct())
        return ctx.screen(ctx._("먼저 상품을 올려 주세요."), add, back=VendorMenu())
    complex_ = await ctx.uow.complexes.get(shop.complex_id)
    from bot.handlers.shop_words import pickups

    return await ctx.start_dialog(
        "vendor.groupbuy",
        _products=[[p.id, p.name, p.price] for p in products],
        _pickups=list(pickups(ctx.services.config, complex_.code)),
    )


@router.on(StartExhibition)
async def start_exhibition(ctx: Ctx, action: StartExhibition) -> Screen:
    shop = await vendors.own_shop(ctx.uow, ctx.membership)
    products, _ = await ctx.uow.shop.products(shop.complex_id, shop_id=shop.id, limit=10)
    if not products:
        add = ctx.button(ctx._("상품 추가"), AddProduct())
        return ctx.screen(ctx._("먼저 상품을 올려 주세요."), add, back=VendorMenu())
    return await ctx.start_dialog("vendor.exhibition", _ids=[p.id for p in products])

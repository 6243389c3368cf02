"""내 가게: the vendor's menu in chat. Shown on home to vendors; every action checks in core
that the shop is the vendor's own. Products (add, edit), 주문 관리 (확인 → 준비완료 →
수령완료, 입금 확인, 취소 with a reason), 주문 내역 with 환불 (bot/handlers/shop/history.py),
and the ways to open a group buy or a 기획전."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.shop.actions import (
    ADD_PRODUCT_DIALOG,
    CANCEL_DIALOG,
    EDIT_PRODUCT_DIALOG,
    GROUP_BUY_DIALOG,
    AddProduct,
    CancelWithReason,
    ConfirmPaid,
    EditProduct,
    MoveOrder,
    StartExhibition,
    StartGroupBuy,
    VendorAccount,
    VendorComplexes,
    VendorHistory,
    VendorMenu,
    VendorOrders,
    VendorProducts,
)
from bot.handlers.shop.render import PAGE, open_orders_screen, product_card
from bot.handlers.shop.serving import choose_complex
from bot.handlers.shop.words import kind_word, pickups, status_word
from bot.screens import Card, Screen
from core.ids import saved
from core.shop import orders, reading, vendors

router = Router()


@router.on(VendorMenu)
async def vendor_menu(ctx: Ctx, action: VendorMenu) -> Screen:
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
        ctx.button(ctx._("특별 판매 열기"), StartExhibition()),
        ctx.button(ctx._("다른 단지 판매"), VendorComplexes()),
        ctx.button(ctx._("입금 계좌"), VendorAccount()),
    ]
    return ctx.screen(text, *buttons)


@router.on(VendorProducts)
async def vendor_products(ctx: Ctx, action: VendorProducts) -> Screen:
    shop, products, total = await reading.own_products(
        ctx.uow, ctx.membership, offset=action.offset, limit=PAGE
    )
    add = ctx.button(ctx._("상품 추가"), AddProduct())
    if not total:
        return ctx.screen(ctx._("아직 올린 상품이 없어요."), add, back=VendorMenu())
    cards = []
    for product in products:
        card = product_card(ctx, product, shop.name, buy=False)
        status = "" if product.active else ctx._(" (판매 중지)")
        edit = ctx.button(ctx._("수정"), EditProduct(saved(product.id)))
        cards.append(Card(card.title + status, card.lines, card.image_url, (edit,), card.price))
    buttons = [add]
    if action.offset + PAGE < total:
        buttons.insert(0, ctx.button(ctx._("상품 더보기"), VendorProducts(action.offset + PAGE)))
    text = ctx._("[내 상품] {n}개", n=total)
    return ctx.screen(text, *buttons, back=VendorMenu(), cards=tuple(cards))


@router.on(AddProduct)
async def add_product(ctx: Ctx, action: AddProduct) -> Screen:
    await vendors.own_shop(ctx.uow, ctx.membership)
    return await ctx.start_dialog(ADD_PRODUCT_DIALOG)


@router.on(EditProduct)
async def edit_product(ctx: Ctx, action: EditProduct) -> Screen:
    product = await vendors.own_product(ctx.uow, ctx.membership, action.product_id)
    return await ctx.start_dialog(EDIT_PRODUCT_DIALOG, _product_id=product.id, _name=product.name)


async def _open_orders(ctx: Ctx, note: str = "", offset: int = 0) -> Screen:
    page = await reading.open_orders(ctx.uow, ctx.membership, offset)
    return open_orders_screen(ctx, page, offset, note)


@router.on(VendorOrders)
async def vendor_orders(ctx: Ctx, action: VendorOrders) -> Screen:
    return await _open_orders(ctx, offset=action.offset)


@router.on(MoveOrder)
async def move_order(ctx: Ctx, action: MoveOrder) -> Screen:
    order = await orders.move_order(
        ctx.uow, ctx.clock, ctx.membership, action.order_id, action.target
    )
    note = ctx._(
        "{number}을(를) '{status}'(으)로 바꿨어요.",
        number=order.number,
        status=status_word(ctx.t, order.status),
    )
    return await _open_orders(ctx, note)


@router.on(ConfirmPaid)
async def confirm_paid(ctx: Ctx, action: ConfirmPaid) -> Screen:
    order = await orders.confirm_payment(ctx.uow, ctx.clock, ctx.membership, action.order_id)
    note = ctx._("{number} 입금을 확인했어요.", number=order.number)
    return await _open_orders(ctx, note)


@router.on(CancelWithReason)
async def cancel_with_reason(ctx: Ctx, action: CancelWithReason) -> Screen:
    order = await orders.shop_order(ctx.uow, ctx.membership, action.order_id)
    return await ctx.start_dialog(CANCEL_DIALOG, _order_id=order.id, _number=order.number)


@router.on(StartGroupBuy)
async def start_group_buy(ctx: Ctx, action: StartGroupBuy) -> Screen:
    if not action.complex_id and (which := await choose_complex(ctx)) is not None:
        return which
    choices = await reading.vendor_group_buy_choices(ctx.uow, ctx.membership, action.complex_id)
    if not choices.products:
        add = ctx.button(ctx._("상품 추가"), AddProduct())
        return ctx.screen(ctx._("먼저 상품을 올려 주세요."), add, back=VendorMenu())
    places = [choices.pickup_place] if choices.pickup_place else []
    return await ctx.start_dialog(
        GROUP_BUY_DIALOG,
        _products=[[i.product.id, i.product.name, i.product.price] for i in choices.products],
        _pickups=places + list(pickups(ctx.services.config, choices.complex_code)),
        _complex_id=choices.complex_id,
    )

"""알뜰쇼핑 for residents: browse products by shop kind and by 기획전, open a product and
order it, see one's orders, cancel before 준비완료 and ask for a refund (환불 요청) after
수령완료. Products show as cards with a price (commerce cards on KakaoTalk). Scope is checked
in core: another complex's product or order, or one off sale, reads as "찾을 수 없어요"."""

from __future__ import annotations

from dataclasses import asdict

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.shop.actions import (
    ASK_REFUND_DIALOG,
    ORDER_DIALOG,
    AskRefund,
    CancelOrder,
    Exhibitions,
    MyOrders,
    ShopKinds,
    ShopProducts,
    StartOrder,
    back_to_shop,
)
from bot.handlers.shop.render import PAGE, product_cards, resident_order_card
from bot.handlers.shop.words import kind_word, pickups
from bot.screens import Screen
from core.ids import saved
from core.shop import catalog, orders, reading, refunds
from core.shop.model import ShopKind

router = Router()


@router.on(ShopKinds)
async def shop_kinds(ctx: Ctx, action: ShopKinds) -> Screen:
    kinds = await catalog.kinds_on_offer(ctx.uow, ctx.membership)
    if not kinds:
        return ctx.screen(ctx._("아직 우리 단지에 들어온 가게가 없어요."), back=back_to_shop())
    buttons = [
        ctx.button(kind_word(ctx.t, k), ShopProducts(shop_kind=k)) for k in ShopKind if k in kinds
    ]
    return ctx.screen(ctx._("어떤 가게의 물건을 볼까요?"), *buttons, back=back_to_shop())


@router.on(ShopProducts)
async def shop_products(ctx: Ctx, action: ShopProducts) -> Screen:
    page = await reading.products(
        ctx.uow,
        ctx.clock,
        ctx.membership,
        kind=action.shop_kind,
        exhibition_id=action.exhibition_id,
        offset=action.offset,
    )
    title = page.title if action.exhibition_id else kind_word(ctx.t, action.shop_kind)
    total = page.total
    back = Exhibitions() if action.exhibition_id else ShopKinds()
    if not total:
        return ctx.screen(ctx._("지금 파는 물건이 없어요."), back=back)
    buttons = []
    if action.offset + catalog.PAGE < total:
        more = ShopProducts(action.shop_kind, action.exhibition_id, action.offset + catalog.PAGE)
        buttons.append(ctx.button(ctx._("물건 더보기"), more))
    text = ctx._("[{title}] 물건 {n}개예요. '주문하기'를 눌러 주세요.", title=title, n=total)
    cards = product_cards(ctx, page.items, page.sale_prices, action.exhibition_id)
    return ctx.screen(text, *buttons, back=back, cards=cards)


@router.on(Exhibitions)
async def exhibitions(ctx: Ctx, action: Exhibitions) -> Screen:
    items = await catalog.exhibitions_on(ctx.uow, ctx.clock, ctx.membership)
    if not items:
        return ctx.screen(ctx._("지금 열린 특별 판매가 없어요."), back=back_to_shop())
    buttons = [
        ctx.button(
            ctx._("{title} (~{end})", title=i.title, end=ctx.t.short_day(i.ends_at)),
            ShopProducts(exhibition_id=saved(i.id)),
        )
        for i in items[:8]
    ]
    return ctx.screen(ctx._("[특별 판매] 어떤 특별 판매를 볼까요?"), *buttons, back=back_to_shop())


@router.on(StartOrder)
async def start_order(ctx: Ctx, action: StartOrder) -> Screen:
    form = await reading.order_form(
        ctx.uow,
        ctx.membership,
        action.product_id,
        clock=ctx.clock,
        exhibition_id=action.exhibition_id,
    )
    product = form.product
    return await ctx.start_dialog(
        ORDER_DIALOG,
        _product_id=product.id,
        _exhibition_id=action.exhibition_id,
        _name=product.name,
        _price=form.price,
        _unit=product.unit,
        _stock=product.stock,
        _pickups=[form.pickup_place] * bool(form.pickup_place)
        + list(pickups(ctx.services.config, form.complex_code)),
        _balance=form.balance,
        _transfer=form.transfer,
    )


@router.on(MyOrders)
async def my_orders(ctx: Ctx, action: MyOrders) -> Screen:
    page = await reading.my_orders(ctx.uow, ctx.membership, action.offset)
    if not page.total:
        return ctx.screen(ctx._("아직 주문한 것이 없어요."), back=back_to_shop())
    buttons = []
    if action.offset + PAGE < page.total:
        buttons.append(ctx.button(ctx._("주문 더보기"), MyOrders(action.offset + PAGE)))
    shown = tuple(resident_order_card(ctx, item) for item in page.items)
    text = ctx._("[내 주문] 모두 {n}건이에요. 최근 것부터 보여 드려요.", n=page.total)
    return ctx.screen(text, *buttons, back=back_to_shop(), cards=shown)


@router.on(CancelOrder)
async def cancel_order(ctx: Ctx, action: CancelOrder) -> Screen:
    order = await orders.cancel_own_order(ctx.uow, ctx.clock, ctx.membership, action.order_id)
    text = ctx._("주문 {number}을(를) 취소했어요.", number=order.number)
    if order.points_used:
        text += "\n" + ctx._("쓰신 포인트 {n}점은 돌려 드렸어요.", n=order.points_used)
    return ctx.screen(text, ctx.button(ctx._("내 주문"), MyOrders()), back=back_to_shop())


@router.on(AskRefund)
async def ask_refund(ctx: Ctx, action: AskRefund) -> Screen:
    """환불 요청 on a picked-up order: the settlement first, then a reason and a confirmation."""
    order, plan = await refunds.preview_request(ctx.uow, ctx.membership, action.order_id)
    return await ctx.start_dialog(
        ASK_REFUND_DIALOG, _order_id=order.id, _number=order.number, _plan=asdict(plan)
    )

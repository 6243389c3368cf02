"""알뜰쇼핑 for residents: browse products by shop kind and by 기획전, open a product and
order it, see one's orders and cancel before 준비완료. Products show as cards with a price
(commerce cards on KakaoTalk). Scope is checked in core: another complex's product, or one
off sale, reads as "찾을 수 없어요"."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.shop_words import kind_word, payment_word, pickups, status_word
from bot.screens import Card, Screen
from core.shop import catalog, orders
from core.shop import points as shop_points
from core.shop.model import RESIDENT_CANCELLABLE, Order, Product, ShopKind

router = Router()


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
    product_id: int


@dataclass(frozen=True)
class MyOrders(Action, kind="shop.mine"):
    offset: int = 0


@dataclass(frozen=True)
class CancelOrder(Action, kind="shop.cancel", single_use=True):
    order_id: int


def back_to_shop() -> Action:
    from bot.handlers.home import OpenSection

    return OpenSection("shop")


def product_card(ctx: Ctx, product: Product, shop_name: str, *, buy: bool = True) -> Card:
    lines = [f"{shop_name} · {ctx.t.won(product.price)} / {product.unit}"]
    lines.append(ctx._("남은 수량 {n}", n=product.stock) if product.stock else ctx._("품절이에요"))
    if product.description:
        lines.append(product.description[:60])
    buttons = ()
    if buy and product.stock:
        buttons = (ctx.button(ctx._("주문하기"), StartOrder(product.id)),)
    image = ctx.services.media.url(product.photo) if product.photo else None
    return ctx.card(product.name, *lines, buttons=buttons, price=product.price, image_url=image)


async def cards(ctx: Ctx, products: list[Product]) -> tuple[Card, ...]:
    names = {}
    for product in products:
        if product.shop_id not in names:
            names[product.shop_id] = (await ctx.uow.shop.get_shop(product.shop_id)).name
    return tuple(product_card(ctx, p, names[p.shop_id]) for p in products)


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
    ids, title = None, kind_word(ctx.t, action.shop_kind)
    if action.exhibition_id:
        item = await catalog.visible_exhibition(
            ctx.uow, ctx.clock, ctx.membership, action.exhibition_id
        )
        ids, title = item.product_ids, item.title
    products, total = await catalog.products_page(
        ctx.uow, ctx.membership, kind=action.shop_kind or None, ids=ids, offset=action.offset
    )
    back = Exhibitions() if action.exhibition_id else ShopKinds()
    if not total:
        return ctx.screen(ctx._("지금 파는 물건이 없어요."), back=back)
    buttons = []
    if action.offset + catalog.PAGE < total:
        more = ShopProducts(action.shop_kind, action.exhibition_id, action.offset + catalog.PAGE)
        buttons.append(ctx.button(ctx._("물건 더보기"), more))
    text = ctx._("[{title}] 물건 {n}개예요. '주문하기'를 눌러 주세요.", title=title, n=total)
    return ctx.screen(text, *buttons, back=back, cards=await cards(ctx, products))


@router.on(Exhibitions)
async def exhibitions(ctx: Ctx, action: Exhibitions) -> Screen:
    items = await catalog.exhibitions_on(ctx.uow, ctx.clock, ctx.membership)
    if not items:
        return ctx.screen(ctx._("지금 열린 기획전이 없어요."), back=back_to_shop())
    buttons = [
        ctx.button(
            ctx._("{title} (~{end})", title=i.title, end=ctx.t.datetime(i.ends_at, "M/d")),
            ShopProducts(exhibition_id=i.id),
        )
        for i in items[:8]
    ]
    return ctx.screen(ctx._("[기획전] 어떤 기획전을 볼까요?"), *buttons, back=back_to_shop())


@router.on(StartOrder)
async def start_order(ctx: Ctx, action: StartOrder) -> Screen:
    product = await catalog.visible_product(ctx.uow, ctx.membership, action.product_id)
    complex_ = await ctx.uow.complexes.get(ctx.membership.complex_id)
    return await ctx.start_dialog(
        "shop.order",
        _product_id=product.id,
        _name=product.name,
        _price=product.price,
        _unit=product.unit,
        _stock=product.stock,
        _pickups=list(pickups(ctx.services.config, complex_.code)),
        _balance=await shop_points.balance(ctx.uow, ctx.membership.resident_id),
    )


def order_card(ctx: Ctx, order: Order, product_name: str) -> Card:
    lines = [
        ctx._("{n}개 · {total}", n=order.quantity, total=ctx.t.won(order.total)),
        ctx._("상태: {status}", status=status_word(ctx.t, order.status)),
        ctx._("받는 곳: {pickup}", pickup=order.pickup),
        payment_word(ctx.t, order.payment)
        + (ctx._(" · 포인트 {n}점", n=order.points_used) if order.points_used else ""),
    ]
    buttons = ()
    if order.status in RESIDENT_CANCELLABLE and order.group_buy_id is None:
        buttons = (ctx.button(ctx._("주문 취소"), CancelOrder(order.id)),)
    return ctx.card(f"{order.number} · {product_name}", *lines, buttons=buttons)


@router.on(MyOrders)
async def my_orders(ctx: Ctx, action: MyOrders) -> Screen:
    found, total = await orders.my_orders(ctx.uow, ctx.membership, action.offset)
    if not total:
        return ctx.screen(ctx._("아직 주문한 것이 없어요."), back=back_to_shop())
    buttons = []
    if action.offset + 5 < total:
        buttons.append(ctx.button(ctx._("주문 더보기"), MyOrders(action.offset + 5)))
    shown = []
    for order in found:
        product = await ctx.uow.shop.get_product(order.product_id)
        shown.append(order_card(ctx, order, product.name))
    text = ctx._("[내 주문] 모두 {n}건이에요. 최근 것부터 보여 드려요.", n=total)
    return ctx.screen(text, *buttons, back=back_to_shop(), cards=tuple(shown))


@router.on(CancelOrder)
async def cancel_order(ctx: Ctx, action: CancelOrder) -> Screen:
    order = await orders.cancel_own_order(ctx.uow, ctx.clock, ctx.membership, action.order_id)
    text = ctx._("주문 {number}을 취소했어요.", number=order.number)
    if order.points_used:
        text += "\n" + ctx._("쓰신 포인트 {n}점은 돌려 드렸어요.", n=order.points_used)
    return ctx.screen(text, ctx.button(ctx._("내 주문"), MyOrders()), back=back_to_shop())

"""특별 판매 열기 (기획전), its first part: the vendor ticks which products join — a
multi-select like a survey's (tap to toggle ✓, 다 골랐어요), paged with 4 products a page in
쉬운 모드 — then the dialog asks the rest (bot/dialogs/shop/exhibition.py). The ticks are
kept in the conversation until 다 골랐어요; every tick is checked in core (the shop's own
product, on sale), and core checks everything again when the 기획전 opens."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.shop.actions import (
    EXHIBITION_DIALOG,
    AddProduct,
    ExhibitProductsPicked,
    PickExhibitProducts,
    StartExhibition,
    ToggleExhibitProduct,
    VendorMenu,
)
from bot.screens import Screen
from core.errors import NotFound
from core.ids import saved
from core.shop import exhibitions, reading, vendors

router = Router()

PICKS = "exhibit_picks"  # conversation data: the product ids ticked so far


def _page_size(ctx: Ctx) -> int:
    return 4 if ctx.resident.easy_mode else 8


def _picks(ctx: Ctx) -> list[int]:
    return ctx.conversation.data.setdefault(PICKS, [])


async def _page(ctx: Ctx, offset: int, note: str = "") -> Screen:
    size = _page_size(ctx)
    _, products, total = await reading.own_products(
        ctx.uow, ctx.membership, offset=offset, limit=size, on_sale_only=True
    )
    if not total:
        add = ctx.button(ctx._("상품 추가"), AddProduct())
        return ctx.screen(ctx._("먼저 상품을 올려 주세요."), add, back=VendorMenu())
    ticked = _picks(ctx)
    buttons = [
        ctx.button(
            ("✓ " if p.id in ticked else "") + p.name,
            ToggleExhibitProduct(saved(p.id), offset),
        )
        for p in products
    ]
    if offset + size < total:
        more = PickExhibitProducts(offset + size)
        buttons.append(ctx.button(ctx._("다음 상품"), more, nav=True))
    if offset:
        buttons.append(
            ctx.button(ctx._("앞 상품"), PickExhibitProducts(max(offset - size, 0)), nav=True)
        )
    buttons.append(ctx.button(ctx._("다 골랐어요"), ExhibitProductsPicked(), nav=True))
    text = ctx._(
        "[특별 판매 열기] 넣을 상품을 눌러 골라 주세요. 고른 상품: {n}개 ({most}개까지)\n"
        "다 고르면 '다 골랐어요'를 눌러 주세요.",
        n=len(ticked),
        most=exhibitions.MAX_PRODUCTS,
    )
    if note:
        text = f"{note}\n\n{text}"
    return ctx.screen(text, *buttons, back=VendorMenu())


@router.on(StartExhibition)
async def start_exhibition(ctx: Ctx, action: StartExhibition) -> Screen:
    await vendors.own_shop(ctx.uow, ctx.membership)
    ctx.conversation.data[PICKS] = []
    return await _page(ctx, 0)


@router.on(PickExhibitProducts)
async def pick_page(ctx: Ctx, action: PickExhibitProducts) -> Screen:
    return await _page(ctx, max(action.offset, 0))


@router.on(ToggleExhibitProduct)
async def toggle_product(ctx: Ctx, action: ToggleExhibitProduct) -> Screen:
    product = await vendors.own_product(ctx.uow, ctx.membership, action.product_id)
    if not product.active:
        raise NotFound()
    ticked = _picks(ctx)
    if product.id in ticked:
        ticked.remove(product.id)
    elif len(ticked) >= exhibitions.MAX_PRODUCTS:
        note = ctx._("상품은 {n}개까지 넣을 수 있어요.", n=exhibitions.MAX_PRODUCTS)
        return await _page(ctx, max(action.offset, 0), note)
    else:
        ticked.append(saved(product.id))
    return await _page(ctx, max(action.offset, 0))


@router.on(ExhibitProductsPicked)
async def products_picked(ctx: Ctx, action: ExhibitProductsPicked) -> Screen:
    ticked = list(_picks(ctx))
    if not ticked:
        screen = await _page(ctx, 0)
        return replace(screen, text=ctx._("하나 이상 골라 주세요.") + "\n\n" + screen.text)
    chosen = [await vendors.own_product(ctx.uow, ctx.membership, pid) for pid in ticked]
    places = await exhibitions.places(ctx.uow, ctx.membership)
    ctx.conversation.data.pop(PICKS, None)
    return await ctx.start_dialog(
        EXHIBITION_DIALOG,
        _ids=ticked,
        _products=[[p.id, p.name, p.price] for p in chosen],
        _places=[[p.complex_id, p.name] for p in places] if len(places) > 1 else [],
    )

"""우체국쇼핑·바깥 상품 in 알뜰쇼핑: products sold by outside shops (우체국쇼핑 and others),
curated per complex (core.shop.picks). Each shows as a card with its price, its picture and a
link button that opens the outside shop (KakaoTalk webLink, a Telegram URL button, a link in
the web chat): nothing is bought inside the bot, and every card says so."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.engine.present import EASY_PAGE_SIZE
from bot.handlers.shop.actions import Picks, back_to_shop
from bot.screens import Card, Screen
from core.shop import picks
from core.shop.picks import Pick

router = Router()


def pick_card(ctx: Ctx, pick: Pick) -> Card:
    source = pick.source or ctx._("바깥 쇼핑몰")
    lines = (f"{source} · {ctx.t.won(pick.price)}", ctx._("누르면 바깥 쇼핑몰로 이동해요."))
    link = ctx.link(ctx._("쇼핑몰 가기"), pick.link_url)
    image = pick.image_url or None
    return ctx.card(pick.title, *lines, buttons=(link,), price=pick.price, image_url=image)


@router.on(Picks)
async def outside_picks(ctx: Ctx, action: Picks) -> Screen:
    size = EASY_PAGE_SIZE if ctx.t.easy else picks.PAGE  # 쉬운 모드: ≤ 4 cards a screen
    items, total = await picks.picks_page(ctx.uow, ctx.membership, action.offset, size)
    if not total:
        return ctx.screen(ctx._("아직 골라 둔 바깥 상품이 없어요."), back=back_to_shop())
    buttons = []
    if action.offset + size < total:
        buttons.append(ctx.button(ctx._("상품 더보기"), Picks(action.offset + size)))
    text = ctx._(
        "[우체국쇼핑·바깥 상품] {n}개예요. 바깥 쇼핑몰의 상품이라 주문과 결제는 그 "
        "쇼핑몰에서 해요. 버튼을 누르면 바깥 쇼핑몰로 이동해요.",
        n=total,
    )
    cards = tuple(pick_card(ctx, p) for p in items)
    return ctx.screen(text, *buttons, back=back_to_shop(), cards=cards)

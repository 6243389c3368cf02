"""대신 하기 screens: the household's task menu (a leaf: dialogs and home may import it)."""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.proxy import acting, masked
from bot.handlers.proxy.words import how_words
from bot.screens import Screen


async def proxy_home(ctx: Ctx) -> Screen:
    """What to do for the household: the tasks the features offer for 대신 하기 (only 고장
    신고 while nobody in the household is verified)."""
    mode = acting(ctx.conversation) or {}
    proxy = ctx.membership.proxy
    assert proxy is not None  # shown only while acting for a household
    text = ctx._(
        "[대신 하기] {building}동 {unit}호 · {how}\n"
        "무엇을 대신 할까요? 세대의 일로 기록되고, 관리사무소가 대신 했다고 세대에 알려요.",
        building=mode.get("building", ""),
        unit=masked(str(mode.get("unit", ""))),
        how=how_words(ctx.t, proxy.how, proxy.request_no),
    )
    if proxy.subject is None:
        text += "\n" + ctx._("이 세대는 아직 확인된 주민이 없어서 고장 신고만 대신 할 수 있어요.")
    if not proxy.consent:
        text += "\n" + ctx._("세대의 동의를 받지 않아서 포인트는 쓸 수 없어요.")
    buttons = await ctx.menus.buttons(ctx, "proxy")  # declared in feature.py
    return ctx.screen(text, *buttons)

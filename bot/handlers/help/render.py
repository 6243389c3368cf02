"""How 알림 받는 방법 reads: each messenger of the resident and how a notification reaches
it there, then 알림톡 (the masked number and 번호 지우기, or the offer when it is on)."""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.nav import Nav
from bot.handlers.help.actions import AlimtalkConsent, RemoveAlertPhone, ToggleEasyMode
from bot.i18n import N_
from bot.screens import Screen
from core.identity.alert_phone import alert_phone_of
from core.identity.linking import linked_accounts

HOW = {
    "telegram": N_("텔레그램: 알림이 오면 바로 받아요."),
    "kakao_push": N_("카카오톡: 알림이 오면 바로 받아요."),
    "kakao": N_(
        "카카오톡: 다음에 챗봇에 말을 걸 때 '새 알림'으로 먼저 보여 드려요. "
        "긴급 공지는 그때 맨 앞에 보여요."
    ),
    "web": N_("웹 채팅: 페이지를 열어 두면 바로 보이고, 아니면 다음에 들어올 때 보여요."),
}


async def alerts_screen(ctx: Ctx, note: str = "") -> Screen:
    lines = [
        ctx._("[알림 받는 방법]"),
        ctx._("공지, 투표, 이웃 메시지 같은 알림은 이렇게 받아요."),
    ]
    channels = {a.channel for a in await linked_accounts(ctx.uow, ctx.resident)}
    for channel in ("kakao", "telegram", "web"):
        if channel in channels:
            key = "kakao_push" if channel == "kakao" and _kakao_push(ctx) else channel
            lines.append("· " + ctx._(HOW[key]))
    buttons = []
    phone = await alert_phone_of(ctx.uow, ctx.membership) if ctx.membership.verified else None
    if phone is not None:
        lines.append(
            ctx._(
                "· 알림톡: 긴급 공지와 투표 알림을 {number} 번호로도 받아요.", number=phone.masked
            )
        )
        buttons.append(ctx.button(ctx._("번호 지우기"), RemoveAlertPhone()))
    elif ctx.services.config.alimtalk.enabled and ctx.membership.verified:
        lines.append(
            ctx._(
                "메신저 알림을 놓치기 쉬우시면, 긴급 공지와 투표 알림을 휴대전화 "
                "카카오톡 알림톡으로도 받을 수 있어요. 하지 않아도 괜찮아요."
            )
        )
        buttons.append(ctx.button(ctx._("알림톡으로 긴급 알림 받기"), AlimtalkConsent()))
    screen = ctx.screen("\n".join(lines), *buttons, back=Nav(to="help"))
    return screen.with_notices(note) if note else screen


def _kakao_push(ctx: Ctx) -> bool:
    return bool(ctx.services.config.kakao.event_api_base)


def easy_offer(ctx: Ctx, note: str) -> Screen:
    """The one question after sign-up: 쉬운 모드 or not (either answer goes home)."""
    text = ctx._("글씨와 버튼을 크고 쉽게 할까요?")
    screen = ctx.screen(
        text,
        ctx.button(ctx._("네"), ToggleEasyMode(on=True, origin="signup")),
        ctx.button(ctx._("아니요"), ToggleEasyMode(on=False, origin="signup")),
        home=False,
    )
    return screen.with_notices(note)

"""알림 받는 방법 (도움말): how this resident's notifications reach them, and 알림톡 with
consent — what is sent and kept, then the number (bot/dialogs/help/alert_phone.py), shown
masked, removable with 번호 지우기. The rules live in core.identity.alert_phone."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.help.actions import (
    ALERT_PHONE,
    AlimtalkConsent,
    EnterAlertPhone,
    HowAlerts,
    RemoveAlertPhone,
)
from bot.handlers.help.render import alerts_screen
from bot.screens import Screen
from core.identity.alert_phone import alert_phone_of, remove_alert_phone

router = Router()


@router.on(HowAlerts)
async def how_alerts(ctx: Ctx, action: HowAlerts) -> Screen:
    return await alerts_screen(ctx)


@router.on(AlimtalkConsent)
async def consent(ctx: Ctx, action: AlimtalkConsent) -> Screen:
    await alert_phone_of(ctx.uow, ctx.membership)  # verified residents only
    lines = [
        ctx._("[알림톡으로 긴급 알림 받기]"),
        ctx._(
            "휴대전화 번호를 알려 주시면 긴급 공지와 주민투표 마감 알림을 "
            "카카오톡 알림톡으로도 보내 드려요."
        ),
        ctx._("· 보내는 내용: 알림의 제목과 짧은 내용"),
        ctx._("· 저장하는 것: 휴대전화 번호와 동의한 시각만"),
        ctx._("· 번호는 가려서(010-****-5678) 보여 드리고, 어디에도 기록하지 않아요."),
        ctx._("· 하지 않아도 돼요. 언제든 '번호 지우기'로 지울 수 있어요."),
    ]
    if ctx.services.config.alimtalk.only_without_push:
        lines.append(ctx._("메신저로 바로 받고 계시면 알림톡은 보내지 않아요."))
    agree = ctx.button(ctx._("동의하고 번호 입력"), EnterAlertPhone())
    return ctx.screen("\n".join(lines), agree, back=HowAlerts())


@router.on(EnterAlertPhone)
async def enter_phone(ctx: Ctx, action: EnterAlertPhone) -> Screen:
    await alert_phone_of(ctx.uow, ctx.membership)  # verified residents only
    return await ctx.start_dialog(ALERT_PHONE)


@router.on(RemoveAlertPhone)
async def remove_phone(ctx: Ctx, action: RemoveAlertPhone) -> Screen:
    removed = await remove_alert_phone(ctx.uow, ctx.membership)
    note = (
        ctx._("번호를 지웠어요. 이제 알림톡은 보내지 않아요.")
        if removed
        else ctx._("지울 번호가 없어요.")
    )
    return await alerts_screen(ctx, note)

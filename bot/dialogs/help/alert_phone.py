"""알림톡 번호 입력: after agreeing (도움말 → 알림 받는 방법 → 알림톡으로 긴급 알림 받기), the
resident types their mobile number, sees it masked and confirms; it is stored with the time of
consent (core.identity.alert_phone). The number is never logged and never shown in full.

```mermaid
flowchart TD
    A[알림 받는 방법] -->|알림톡으로 긴급 알림 받기| C[보내는 것, 저장하는 것 → 동의]
    C --> N[휴대전화 번호 적기: 010-1234-5678]
    N -->|휴대전화 번호가 아님| N
    N --> K[010-****-5678 번호로 받을까요? → 저장 / 취소]
    K -->|저장| S[번호와 동의 시각 저장 → 알림 받는 방법]
    K -->|취소| A
    N & K -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.help.actions import ALERT_PHONE
from bot.handlers.help.render import alerts_screen
from bot.screens import Expect, Screen
from core.errors import DomainError
from core.identity.alert_phone import mask_phone, normalize_phone, save_alert_phone


def _parse(ctx: Ctx, text: str, answers: dict) -> str:
    try:
        return normalize_phone(text)
    except DomainError as error:
        raise Invalid(ctx.pages.explain(ctx, error)) from None


def _confirm(ctx: Ctx, answers: dict) -> str:
    return ctx._(
        "{number} 번호로 긴급 공지와 투표 알림을 알림톡으로 받을까요?",
        number=mask_phone(answers["phone"]),
    )


async def _done(ctx: Ctx, answers: dict) -> Screen:
    if answers["confirm"] != "save":
        return await alerts_screen(ctx, ctx._("번호를 저장하지 않았어요."))
    phone = await save_alert_phone(ctx.uow, ctx.clock, ctx.membership, answers["phone"])
    note = ctx._(
        "{number} 번호를 저장했어요. 긴급 알림을 알림톡으로도 보내 드릴게요.",
        number=phone.masked,
    )
    return await alerts_screen(ctx, note)


dialog = Dialog(
    ALERT_PHONE,
    [
        Step(
            "phone",
            prompt=lambda ctx, a: ctx._(
                "휴대전화 번호를 적어 주세요. (예: 010-1234-5678, 띄어쓰기나 '-'는 없어도 돼요)"
            ),
            expect=Expect.TEXT,
            parse=_parse,
            placeholder=lambda ctx: ctx._("010-1234-5678"),
        ),
        Step(
            "confirm",
            prompt=_confirm,
            choices=lambda ctx, a: [
                Choice(ctx._("저장"), "save", once=True),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
    ],
    on_done=_done,
)

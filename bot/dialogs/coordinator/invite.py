"""초대코드 만들기: a coordinator issues a fresh invite code for a household (동, 호, how
many family members may use it). The code is shown once, to be written or printed for them.

```mermaid
flowchart TD
    M[코디네이터 메뉴] -->|초대코드 만들기| B[동 입력]
    B -->|형식이 틀림| B
    B --> U[호 입력]
    U -->|형식이 틀림| U
    U --> N[사용 인원 선택 1~6]
    N -->|이전| U
    N --> D[코드 발급: 세대가 없으면 만듦 → 코드 한 번만 보여 줌]
    B & U & N -->|처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.engine.fields import address_part
from bot.handlers.coordinator.actions import INVITE, OpenCoordinator
from bot.screens import Expect, Screen
from core.identity.admin import issue_invite
from core.identity.reading import my_complex


async def _done(ctx: Ctx, answers: dict) -> Screen:
    s = ctx.services
    complex_ = await my_complex(ctx.uow, ctx.membership)
    issued = await issue_invite(
        ctx.uow,
        s.clock,
        s.invite_key,
        complex_code=complex_.code,
        building=answers["building"],
        unit=answers["unit"],
        uses=answers["uses"],
        actor=ctx.membership,
    )
    text = ctx._(
        "{building}동 {unit}호 초대코드를 만들었어요.\n\n{code}\n\n"
        "가족 {uses}명까지, {expires}까지 쓸 수 있어요. "
        "이 코드는 지금 한 번만 보여요. 종이에 적어 세대에 전해 주세요.",
        building=issued.household.building,
        unit=issued.household.unit,
        code=issued.display,
        uses=issued.invite.max_uses,
        expires=ctx.t.day(issued.invite.expires_at),
    )
    return ctx.screen(text, back=OpenCoordinator())


dialog = Dialog(
    INVITE,
    [
        Step(
            "building",
            prompt=lambda ctx, a: ctx._("몇 동인가요? (예: 101)"),
            expect=Expect.TEXT,
            parse=address_part("동"),
        ),
        Step(
            "unit",
            prompt=lambda ctx, a: ctx._("몇 호인가요? (예: 1203)"),
            expect=Expect.TEXT,
            parse=address_part("호"),
        ),
        Step(
            "uses",
            prompt=lambda ctx, a: ctx._("가족 몇 명이 이 코드를 쓸 수 있게 할까요?"),
            choices=lambda ctx, a: [Choice(ctx._("{n}명", n=n), n) for n in (1, 2, 3, 4, 5, 6)],
        ),
    ],
    on_done=_done,
)

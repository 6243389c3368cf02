"""이사 간 세대 정보 지우기 (코디네이터): the coordinator names a household of their complex that
moved out; after a second, explicit confirmation its residents' accounts are unlinked and their
personal data erased as in 탈퇴 (core.privacy.rights.remove_moved_out), audited.

```mermaid
flowchart TD
    C[코디네이터 → 이사 간 세대 정보 지우기] --> B[동] --> U[호]
    U --> K{101동 1203호 세대의 주민 정보를 지울까요?}
    K -->|네, 지울게요| E[remove_moved_out: 우리 단지 세대인지 확인, 지우기, 감사 기록]
    K -->|아니요| M[코디네이터 메뉴]
    E -->|없는 세대| B
    E -->|ok| D[n명의 정보를 지웠어요 → 코디네이터 메뉴]
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.engine.fields import address_part
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.help.actions import MOVED_OUT
from bot.screens import Expect, Screen
from core.errors import InvalidInput
from core.privacy.rights import remove_moved_out


async def _done(ctx: Ctx, a: dict) -> Screen:
    back = ctx.button(ctx._("코디네이터 메뉴"), OpenCoordinator())
    if a["confirm"] != "yes":
        return ctx.screen(ctx._("지우지 않았어요."), back)
    try:
        n = await remove_moved_out(
            ctx.uow, ctx.clock, ctx.membership, a["building"], a["unit"], confirmed=True
        )
    except InvalidInput as exc:  # not a household of this complex: ask for 동/호 again
        screen = await ctx.start_dialog(MOVED_OUT)
        return screen.with_notices(ctx.pages.explain(ctx, exc))
    text = ctx._(
        "{building}동 {unit}호 세대 주민 {n}명의 정보를 지웠어요. 주문과 포인트 기록은 "
        "세대 기록으로만 남아요.",
        building=a["building"],
        unit=a["unit"],
        n=n,
    )
    return ctx.screen(text, back)


dialog = Dialog(
    MOVED_OUT,
    [
        Step(
            "building",
            prompt=lambda ctx, a: ctx._("이사 간 세대는 몇 동인가요?"),
            expect=Expect.TEXT,
            parse=address_part("동"),
        ),
        Step(
            "unit",
            prompt=lambda ctx, a: ctx._("몇 호인가요?"),
            expect=Expect.TEXT,
            parse=address_part("호"),
        ),
        Step(
            "confirm",
            prompt=lambda ctx, a: ctx._(
                "{building}동 {unit}호 세대의 주민 정보를 지울까요? 연결된 메신저가 끊기고 "
                "글과 대화가 지워져요. 되돌릴 수 없어요.",
                building=a["building"],
                unit=a["unit"],
            ),
            choices=lambda ctx, a: [
                Choice(ctx._("네, 지울게요"), "yes", once=True),
                Choice(ctx._("아니요"), "no"),
            ],
        ),
    ],
    on_done=_done,
)

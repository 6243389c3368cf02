"""대리 투표: a coordinator records the ballot of a household that asked in person (from 투표
관리). The ballot is marked as a proxy ballot and written to the audit log.

```mermaid
flowchart TD
    P[투표 관리 → 대리 투표] --> B[동] --> U[호] --> X[선택지] --> K[확인: 기록 / 취소]
    K -->|기록, 한 번만| R[cast_proxy_ballot → 감사 기록]
    K -->|취소| M[투표 관리]
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.engine.fields import address_part
from bot.handlers.votes.actions import PROXY_DIALOG, ManageVotes
from bot.screens import Expect, Screen
from core.votes.ballots import cast_proxy_ballot


async def _proxy_done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "record":
        return ctx.screen(ctx._("기록하지 않았어요."), back=ManageVotes())
    await cast_proxy_ballot(
        ctx.uow, ctx.clock, ctx.membership, a["vote_id"], a["building"], a["unit"], a["option"]
    )
    text = ctx._(
        "{b}동 {u}호의 표를 대리 투표로 기록했어요. 감사 기록에 남았어요.",
        b=a["building"],
        u=a["unit"],
    )
    return ctx.screen(text, back=ManageVotes())


dialog = Dialog(
    PROXY_DIALOG,
    [
        Step(
            "building",
            prompt=lambda ctx, a: ctx._("도움을 요청한 세대는 몇 동인가요?"),
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
            "option",
            prompt=lambda ctx, a: ctx._("세대가 고른 것을 눌러 주세요."),
            choices=lambda ctx, a: [
                Choice(f"{i + 1}. {o}", i) for i, o in enumerate(a["_options"])
            ],
        ),
        Step(
            "confirm",
            prompt=lambda ctx, a: ctx._(
                "{b}동 {u}호: '{o}'. 세대가 직접 요청했나요? 대리 투표로 기록할까요?",
                b=a["building"],
                u=a["unit"],
                o=a["_options"][a["option"]],
            ),
            choices=lambda ctx, a: [
                Choice(ctx._("기록"), "record", once=True),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
    ],
    on_done=_proxy_done,
)

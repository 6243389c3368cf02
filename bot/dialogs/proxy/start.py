"""대신 하기 시작: the coordinator names the household (동, 호: only of their complex), how it
asked (전화 / 방문 / 도움 요청 with its number) and whether it agreed to spending points;
then the conversation acts for that household until 끝내기 or the dialog expiry.

```mermaid
flowchart TD
    C[코디네이터 → 대신 하기] --> B[동] --> U[호] --> H{어떻게 요청했나요?}
    H -->|전화 / 방문| K[세대의 동의를 받았나요?]
    H -->|도움 요청| N[요청 번호] --> K
    K --> S[start_acting: 우리 단지 세대인지 확인, 감사 기록]
    S -->|없는 세대| B
    S -->|ok| M[대신 하기 메뉴: 고장 신고 · 주문 · 공동구매 · 임대료 · 카풀 · 설문 · 투표]
    M --> E[대신 하기 끝내기 → 코디네이터 메뉴]
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.engine.fields import address_part
from bot.engine.proxy import begin, enter
from bot.handlers.proxy.actions import START_DIALOG
from bot.handlers.proxy.words import HOW
from bot.screens import Expect, Screen
from core.errors import DomainError, NotFound
from core.identity.proxy import How, check_how, start_acting


def _request_no(ctx: Ctx, text: str, a: dict) -> str:
    try:
        return check_how(How.HELP, text)[1]
    except DomainError as exc:
        raise Invalid(ctx.pages.explain(ctx, exc)) from None


async def _start(ctx: Ctx, a: dict) -> Screen:
    request_no = a.get("request_no") or ""
    try:
        target = await start_acting(
            ctx.uow,
            ctx.clock,
            ctx.membership,
            a["building"],
            a["unit"],
            a["how"],
            request_no,
            consent=bool(a["consent"]),
        )
    except NotFound as exc:  # not a household of this complex: ask for 동/호 again
        screen = await ctx.start_dialog(START_DIALOG)
        return screen.with_notices(ctx.pages.explain(ctx, exc))
    begin(
        ctx.conversation,
        {
            "household_id": target.household_id,
            "building": target.building,
            "unit": target.unit,
            "how": a["how"],
            "request_no": request_no,
            "consent": bool(a["consent"]),
        },
    )
    await enter(ctx)
    return await ctx.home()  # acting now: the household's task menu


dialog = Dialog(
    START_DIALOG,
    [
        Step(
            "building",
            prompt=lambda ctx, a: ctx._("어느 세대 일을 대신 할까요? 몇 동인가요?"),
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
            "how",
            prompt=lambda ctx, a: ctx._("세대가 어떻게 요청했나요?"),
            choices=lambda ctx, a: [Choice(ctx._(label), str(how)) for how, label in HOW.items()],
        ),
        Step(
            "request_no",
            prompt=lambda ctx, a: ctx._("도움 요청 번호를 적어 주세요. (예: 12)"),
            expect=Expect.TEXT,
            parse=_request_no,
            skip=lambda ctx, a: a.get("how") != How.HELP,
            follow_up=True,  # asked only after some answers: no change of total
        ),
        Step(
            "consent",
            prompt=lambda ctx, a: ctx._(
                "세대의 동의를 받았나요?\n"
                "포인트로 임대료를 내거나 주문에 포인트를 쓰려면 세대의 동의가 있어야 해요."
            ),
            choices=lambda ctx, a: [
                Choice(ctx._("네, 동의를 받았어요"), True),
                Choice(ctx._("아니요, 포인트는 안 써요"), False),
            ],
        ),
    ],
    on_done=_start,
)

"""우리 집 확인 (sign-up): a person types the invite code their household got from the coordinator.

```mermaid
flowchart TD
    W[환영 화면] -->|초대코드 입력| C[코드 입력]
    S[/start 코드/] --> C
    C -->|형식이 틀림| C
    C -->|없는 코드: 시도 기록| C
    C -->|5번 틀림: 10분 대기| C
    C -->|도움 요청| P[코디네이터에게 도움 요청: 단지·동·호 적기]
    C -->|만료, 사용 끝| C
    C -->|맞음| E[동·호 확인 → 글씨와 버튼을 크고 쉽게 할까요?]
    E -->|네: 쉬운 모드| H[처음 메뉴]
    E -->|아니요| H
    C -->|처음으로 / 취소| W
```
"""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.engine.dialog import AskAgain, Choice, Dialog, Invalid, Step
from bot.handlers.help.render import easy_offer
from bot.handlers.helpdesk.actions import StartHelp
from bot.handlers.identity.actions import VERIFY
from bot.screens import Expect, Screen
from core.identity.invites import normalize_code
from core.identity.onboarding import WrongCode, membership_of, redeem_invite

router = Router()


def _prompt(ctx: Ctx, answers: dict) -> str:
    return ctx._(
        "관리사무소에서 받은 초대코드를 입력해 주세요.\n"
        "(예: K7XMP-4QRTW, 띄어쓰기와 대소문자는 상관없어요)"
    )


def _parse(ctx: Ctx, text: str, answers: dict) -> str:
    code = normalize_code(text)
    if code is None:
        raise Invalid(ctx._("초대코드는 글자 10개예요 (예: K7XMP-4QRTW). 다시 입력해 주세요."))
    return code


async def _done(ctx: Ctx, answers: dict) -> Screen | AskAgain:
    s = ctx.services
    result = await redeem_invite(
        ctx.uow,
        s.clock,
        s.invite_key,
        ctx.resident,
        answers["code"],
        source=ctx.inbound.channel.value,  # wrong codes count per channel too
    )
    if isinstance(result, WrongCode):
        if result.left <= 0:
            return AskAgain(
                ctx._(
                    "맞지 않는 코드예요. 여러 번 틀려서 10분 뒤에 다시 할 수 있어요.\n"
                    "코드를 모르시면 '도움 요청'을 눌러 관리사무소 코디네이터에게 물어보세요."
                )
            )
        return AskAgain(
            ctx._(
                "맞지 않는 코드예요. 코드를 다시 확인해 주세요. (남은 횟수 {left}번)",
                left=result.left,
            )
        )
    ctx.membership = await membership_of(ctx.uow, ctx.resident)
    note = ctx._(
        "{building}동 {unit}호로 확인했어요.",
        building=result.household.building,
        unit=result.household.unit,
    )
    if result.role == "coordinator":
        note += "\n" + ctx._("코디네이터 권한도 받았어요. '코디네이터' 메뉴를 눌러 보세요.")
    return easy_offer(ctx, note)  # one question, then home


dialog = Dialog(
    VERIFY,
    [
        Step(
            "code",
            prompt=_prompt,
            expect=Expect.TEXT,
            parse=_parse,
            # No code, a lost one, or locked out after wrong ones: a person can help.
            choices=lambda ctx, a: [Choice(ctx._("도움 요청"), action=StartHelp("verify:code"))],
            placeholder=lambda ctx: ctx._("초대코드"),
        )
    ],
    on_done=_done,
)

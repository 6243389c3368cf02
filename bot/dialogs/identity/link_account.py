"""연결 코드 입력: on another messenger, a person types the link code they got in 도움말 →
"다른 메신저 연결", and this messenger joins the same resident (core.identity.linking).

```mermaid
flowchart TD
    W[환영 화면 / 도움말] -->|연결 코드 입력| C[코드 입력]
    S[/start 8글자 코드/] --> C
    C -->|형식이 틀림| C
    C -->|없는 코드: 시도 기록| C
    C -->|5번 틀림: 10분 대기, 초대코드와 함께 셈| C
    C -->|만료, 이미 사용, 이미 연결, 다른 세대| C
    C -->|맞음| H[같은 사람으로 연결 → 처음 메뉴]
    C -->|처음으로 / 취소| W
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import AskAgain, Dialog, Invalid, Step
from bot.engine.switch import switch_to
from bot.handlers.identity.actions import LINK_ACCOUNT
from bot.screens import Expect, Screen
from core.errors import DomainError
from core.identity.linking import WrongLinkCode, normalize_link_code, redeem_link_code


def _prompt(ctx: Ctx, answers: dict) -> str:
    return ctx._(
        "처음 쓰던 메신저의 도움말 → '다른 메신저 연결'에서 받은 연결 코드를 입력해 주세요.\n"
        "(예: K7XM-4QRT, 띄어쓰기와 대소문자는 상관없어요)"
    )


def _parse(ctx: Ctx, text: str, answers: dict) -> str:
    code = normalize_link_code(text)
    if code is None:
        raise Invalid(ctx.pages.explain(ctx, DomainError("link.malformed")))
    return code


async def _done(ctx: Ctx, answers: dict) -> Screen | AskAgain:
    s = ctx.services
    result = await redeem_link_code(ctx.uow, s.clock, s.invite_key, ctx.account, answers["code"])
    if isinstance(result, WrongLinkCode):
        if result.left <= 0:
            return AskAgain(
                ctx._("맞지 않는 코드예요. 여러 번 틀려서 10분 뒤에 다시 할 수 있어요.")
            )
        return AskAgain(ctx.pages.explain(ctx, DomainError("link.wrong", left=result.left)))
    await switch_to(ctx, result.resident)
    screen = await ctx.home()
    return screen.with_notices(
        ctx._("연결되었어요! 이제 이 메신저에서도 같은 정보로 쓸 수 있어요.")
    )


dialog = Dialog(
    LINK_ACCOUNT,
    [
        Step(
            "code",
            prompt=_prompt,
            expect=Expect.TEXT,
            parse=_parse,
            placeholder=lambda ctx: ctx._("연결 코드"),
        )
    ],
    on_done=_done,
)

"""도움 요청, the coordinator's side: answer in the chat (each answer reaches the resident as
"관리사무소 ○○○ 코디네이터: …"), and the name residents read.

```mermaid
flowchart TD
    Q[도움 요청 목록 → 열기] -->|제가 맡을게요| T[맡음]
    Q & T -->|답하기| A[답 적기, 1000자까지] -->|answer → 주민에게| A
    A -->|끝내기| C[close → 주민에게 알림]
    A -->|요청 보기| Q
    N[도움 요청 → 내 이름 정하기] --> W[이름 적기] --> Q
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import AskAgain, Choice, Dialog, Invalid, Step
from bot.engine.fields import text_limit
from bot.handlers.helpdesk.actions import ANSWER, NAME, CloseHelp, OpenHelpQueue, OpenHelpRequest
from bot.handlers.helpdesk.words import title
from bot.screens import Expect, Screen
from core.helpdesk import handling
from core.helpdesk.model import MAX_AGENT_NAME, MAX_TEXT


def _answer_prompt(ctx: Ctx, a: dict) -> str:
    return ctx._(
        "[{title}] 주민에게 보낼 답을 적어 주세요. 제가 전해 드려요.",
        title=title(ctx.t, a["number"]),
    )


def _answer_choices(ctx: Ctx, a: dict) -> list[Choice]:
    return [
        Choice(ctx._("요청 보기"), action=OpenHelpRequest(a["request_id"])),
        Choice(ctx._("끝내기"), action=CloseHelp(a["request_id"])),
    ]


async def _answered(ctx: Ctx, a: dict) -> AskAgain:
    await handling.answer(ctx.uow, ctx.clock, ctx.membership, a["request_id"], a["text"])
    return AskAgain(ctx._("보냈어요. 주민이 답하면 알려 드릴게요."))


answer_dialog = Dialog(
    ANSWER,
    [
        Step(
            "text",
            prompt=_answer_prompt,
            expect=Expect.TEXT,
            choices=_answer_choices,
            parse=text_limit(MAX_TEXT),
            placeholder=lambda ctx: ctx._("예: 내일 오전에 관리사무소로 오시면 도와드릴게요"),
        )
    ],
    on_done=_answered,
)


def _parse_name(ctx: Ctx, text: str, a: dict) -> str:
    name = " ".join(text.split())
    if not 1 <= len(name) <= MAX_AGENT_NAME or not all(c.isalpha() or c == " " for c in name):
        raise Invalid(
            ctx._("이름은 글자로 {limit}자까지 적어 주세요. (예: 김하나)", limit=MAX_AGENT_NAME)
        )
    return name


async def _named(ctx: Ctx, a: dict) -> Screen:
    name = await handling.set_name(ctx.uow, ctx.membership, a["name"])
    text = ctx._("이제 주민에게 '관리사무소 {name} 코디네이터'로 보여요.", name=name)
    return ctx.screen(text, ctx.button(ctx._("도움 요청 목록"), OpenHelpQueue()))


name_dialog = Dialog(
    NAME,
    [
        Step(
            "name",
            prompt=lambda ctx, a: ctx._(
                "주민이 답을 받을 때 볼 이름을 적어 주세요. (예: 김하나)\n"
                "'관리사무소 김하나 코디네이터'처럼 보여요."
            ),
            expect=Expect.TEXT,
            parse=_parse_name,
        )
    ],
    on_done=_named,
)

DIALOGS = (answer_dialog, name_dialog)

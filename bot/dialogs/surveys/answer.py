"""A short-text answer to a survey question (설문조사): the one question that is typed, not
tapped. The other questions are buttons (bot/handlers/surveys/render.py); the answers are
stored as they are given, so leaving here and coming back later keeps what was answered.

```mermaid
flowchart TD
    Q[n/N단계: 짧은 글 질문] -->|300자까지 적기| S[save_answer → 다음 질문 또는 제출]
    Q -->|301자 이상, 빈 글| Q
    Q -->|이전 질문| P[앞 질문]
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.surveys.actions import TEXT_DIALOGS, AskQuestion, OpenSurvey
from bot.handlers.surveys.render import ask
from bot.screens import Expect, Screen
from core.surveys.answering import save_answer, visible_survey
from core.surveys.model import MAX_TEXT


def _text(ctx: Ctx, text: str, a: dict) -> str:
    text = text.strip()
    if not text or len(text) > MAX_TEXT:
        raise Invalid(
            ctx._("답은 {limit}자까지 적을 수 있어요. 조금 줄여 주세요.", limit=MAX_TEXT)
        )
    return text


def _choices(ctx: Ctx, a: dict) -> list[Choice]:
    index = a["index"]
    back = AskQuestion(a["survey_id"], index - 1) if index else OpenSurvey(a["survey_id"])
    return [Choice(ctx._("이전 질문"), action=back)]


async def _done(ctx: Ctx, a: dict) -> Screen:
    await save_answer(ctx.uow, ctx.clock, ctx.membership, a["survey_id"], a["index"], a["text"])
    survey = await visible_survey(ctx.uow, ctx.membership, a["survey_id"])
    return await ask(ctx, survey, a["index"] + 1)


def _dialog(name: str) -> Dialog:
    return Dialog(
        name,
        [
            Step(
                "text",
                prompt=lambda ctx, a: a["_prompt"],
                expect=Expect.TEXT,
                parse=_text,
                choices=_choices,
                placeholder=lambda ctx: ctx._("답을 적어 주세요"),
            ),
        ],
        on_done=_done,
    )


# Two names, used in turn (see TEXT_DIALOGS).
DIALOGS = tuple(_dialog(name) for name in TEXT_DIALOGS)

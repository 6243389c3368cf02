"""How a survey reads to residents: one question per message with buttons ("n/N단계", what
they answered so far), a typed answer for short texts (the "survey.text" dialog), the 제출
screen after the last question; and the notifications "survey.reminder" and
"survey.closed". Shared by the residents' handlers and the short-text dialog."""

from __future__ import annotations

from typing import Any

from bot.engine.actions import Action
from bot.engine.context import Ctx
from bot.handlers.surveys.actions import (
    TEXT_DIALOGS,
    AnswerChoice,
    AskQuestion,
    FinishChoices,
    OpenSurvey,
    SubmitSurvey,
    SurveyResult,
    ToggleOption,
)
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.ids import saved
from core.surveys.answering import my_response, next_question
from core.surveys.events import SurveyClosed, SurveyReminder
from core.surveys.model import QuestionKind, Response, Survey

SCALE_LABELS = {1: N_("1 (매우 불만)"), 3: N_("3 (보통)"), 5: N_("5 (매우 만족)")}


def reminder_screen(t: Translator, p: SurveyReminder) -> Screen:
    text = t._(
        "[설문조사 알림] 아직 답하지 않은 설문이 있어요.\n{title}\n{closes}에 마감해요.",
        title=p.title,
        closes=t.datetime(p.closes_at),
    )
    return Screen(text, buttons=(Button(t._("설문 답하기"), OpenSurvey(p.survey_id).dump()),))


def closed_screen(t: Translator, p: SurveyClosed) -> Screen:
    text = t._("[설문 마감] {title}\n{n}명이 답했어요.", title=p.title, n=p.responses)
    return Screen(text, buttons=(Button(t._("결과 보기"), SurveyResult(p.survey_id).dump()),))


def _current(ctx: Ctx, survey: Survey, index: int, value: Any) -> str:
    if value is None:
        return ""
    q = survey.questions[index]
    if q.kind == QuestionKind.SINGLE:
        shown = q.options[value]
    elif q.kind == QuestionKind.MULTI:
        shown = ", ".join(q.options[i] for i in value)
    else:
        shown = str(value)
    return ctx._("지금 답: {answer}", answer=shown)


def question_text(ctx: Ctx, survey: Survey, index: int, value: Any = None) -> str:
    q = survey.questions[index]
    hints: dict[str, str] = {
        QuestionKind.SINGLE: ctx._("하나를 골라 주세요."),
        QuestionKind.MULTI: ctx._(
            "여러 개를 고를 수 있어요. 다 고르면 '다 골랐어요'를 눌러 주세요."
        ),
        QuestionKind.SCALE: ctx._("1점(매우 불만)부터 5점(매우 만족)까지 골라 주세요."),
        QuestionKind.TEXT: ctx._("300자 안으로 적어 주세요."),
    }
    hint = hints[q.kind]
    step = ctx._("({n}/{total}단계)", n=index + 1, total=len(survey.questions))
    lines = [f"[{survey.title}] {step}", q.text, hint, _current(ctx, survey, index, value)]
    return "\n".join(line for line in lines if line)


def back_from(survey: Survey, index: int) -> Action:
    """이전 on question `index`: the question before, or the survey itself."""
    return AskQuestion(saved(survey.id), index - 1) if index > 0 else OpenSurvey(saved(survey.id))


def picks(ctx: Ctx, survey_id: int, index: int, saved: Any) -> list[int]:
    """The options ticked so far on a multiple-choice question (kept in the conversation
    until 다 골랐어요; starts from the saved answer)."""
    store = ctx.conversation.data.setdefault("survey_picks", {})
    key = f"{survey_id}:{index}"
    if key not in store:
        store.clear()
        store[key] = list(saved or [])
    return store[key]


def text_dialog(ctx: Ctx) -> str:
    """The short-text dialog to start: the other name when one is running (see actions)."""
    first, second = TEXT_DIALOGS
    return second if ctx.conversation.dialog == first else first


async def ask(ctx: Ctx, survey: Survey, index: int, between: bool = False) -> Screen:
    """Question `index` (or the 제출 screen after the last one). '다 골랐어요' stays on
    screen like navigation; in 쉬운 모드 a scale shows 1, 3, 5 and 다른 점수 (≤ 4 choices)."""
    sid = saved(survey.id)
    response = await my_response(ctx.uow, ctx.membership, survey)
    if index >= len(survey.questions):
        return _review(ctx, survey, response)
    q, value = survey.questions[index], response.answers.get(str(index))
    text = question_text(ctx, survey, index, value)
    if q.kind == QuestionKind.TEXT:
        return await ctx.start_dialog(text_dialog(ctx), survey_id=sid, index=index, _prompt=text)
    if q.kind == QuestionKind.MULTI:
        ticked = picks(ctx, sid, index, value)
        buttons = [
            ctx.button(("✓ " if i in ticked else "") + label, ToggleOption(sid, index, i))
            for i, label in enumerate(q.options)
        ]
        buttons.append(ctx.button(ctx._("다 골랐어요"), FinishChoices(sid, index), nav=True))
    elif q.kind == QuestionKind.SCALE:
        return _scale(ctx, survey, index, text, between)
    else:
        buttons = [
            ctx.button(label, AnswerChoice(sid, index, i)) for i, label in enumerate(q.options)
        ]
    return ctx.screen(text, *buttons, back=back_from(survey, index))


def _scale(ctx: Ctx, survey: Survey, index: int, text: str, between: bool) -> Screen:
    sid = saved(survey.id)
    scores = range(1, 6)
    if ctx.resident.easy_mode:
        scores = range(2, 5, 2) if between else range(1, 6, 2)
    buttons = [
        ctx.button(
            ctx._(SCALE_LABELS[n]) if n in SCALE_LABELS else str(n),
            AnswerChoice(sid, index, n),
        )
        for n in scores
    ]
    if ctx.resident.easy_mode and not between:
        buttons.append(ctx.button(ctx._("다른 점수"), AskQuestion(sid, index, between=True)))
    back = AskQuestion(sid, index) if between else back_from(survey, index)
    return ctx.screen(text, *buttons, back=back)


def _review(ctx: Ctx, survey: Survey, response: Response) -> Screen:
    sid = saved(survey.id)
    missing = next_question(survey, response)
    if missing is not None:
        return ctx.screen(
            ctx._("{n}번 질문에 아직 답하지 않았어요.", n=missing + 1),
            ctx.button(ctx._("답하러 가기"), AskQuestion(sid, missing)),
            back=OpenSurvey(sid),
        )
    text = ctx._("모든 질문에 답했어요. 제출할까요?\n마감 전까지는 다시 바꿀 수 있어요.")
    button = ctx.button(ctx._("제출"), SubmitSurvey(sid))
    return ctx.screen(text, button, back=back_from(survey, len(survey.questions)))

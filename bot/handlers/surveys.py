"""우리단지 → 설문조사 for residents: the open surveys, then one question per message with
buttons (a typed answer for short texts, through the "survey.text" dialog), "n/N단계" on
every question. Answers are stored as they are given, so a resident can stop and continue
later and change them until the deadline; 제출 is single-use (a redelivered tap counts once).
The "survey.reminder" notification reads here too."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.surveys.answering import (
    answerable,
    my_response,
    next_question,
    save_answer,
    submit,
    visible_survey,
)
from core.surveys.model import QuestionKind, Survey, SurveyStatus

router = Router()
PAGE = 5
SCALE_LABELS = {1: N_("1 (매우 불만)"), 3: N_("3 (보통)"), 5: N_("5 (매우 만족)")}


@dataclass(frozen=True)
class SurveyList(Action, kind="survey.list"):
    offset: int = 0


@dataclass(frozen=True)
class OpenSurvey(Action, kind="survey.open"):
    survey_id: int


@dataclass(frozen=True)
class AskQuestion(Action, kind="survey.ask"):
    survey_id: int
    index: int


@dataclass(frozen=True)
class AnswerChoice(Action, kind="survey.answer"):
    survey_id: int
    index: int
    value: int


@dataclass(frozen=True)
class ToggleOption(Action, kind="survey.toggle"):
    survey_id: int
    index: int
    option: int


@dataclass(frozen=True)
class FinishChoices(Action, kind="survey.picked"):
    survey_id: int
    index: int


@dataclass(frozen=True)
class SubmitSurvey(Action, kind="survey.submit", single_use=True):
    survey_id: int


def back_to_complex() -> Action:
    from bot.handlers.home import OpenSection

    return OpenSection("complex")


def _reminder(t: Translator, p: dict[str, Any]) -> Screen:
    closes = t.datetime(datetime.fromisoformat(p["closes_at"]))
    text = t._("[설문조사 알림] 아직 답하지 않은 설문이 있어요.\n{title}\n{closes}에 마감해요.",
               title=p["title"], closes=closes)  # fmt: skip
    return Screen(text, buttons=(Button(t._("설문 답하기"), OpenSurvey(p["survey_id"]).dump()),))


async def any_open(ctx: Ctx) -> bool:
    """우리단지 shows 설문조사 only while the complex has an open survey."""
    _, total = await ctx.uow.surveys.for_complex(
        ctx.membership.complex_id, [SurveyStatus.OPEN], offset=0, limit=1
    )
    return total > 0


def register_notifications(kinds) -> None:
    from bot.handlers.home import ENTRY_SHOWN

    ENTRY_SHOWN[SurveyList] = any_open
    if "survey.reminder" not in kinds:
        kinds.register("survey.reminder", _reminder)


@router.on(SurveyList)
async def survey_list(ctx: Ctx, action: SurveyList) -> Screen:
    if not ctx.membership.verified:
        from bot.handlers.home import welcome

        return welcome(ctx)
    offset = max(action.offset, 0)
    surveys, total = await ctx.uow.surveys.for_complex(
        ctx.membership.complex_id, [SurveyStatus.OPEN], offset=offset, limit=PAGE
    )
    if not total:
        return ctx.screen(ctx._("지금 답할 수 있는 설문이 없어요."), back=back_to_complex())
    cards = tuple(
        ctx.card(
            s.title[:40],
            ctx._("질문 {n}개 · {when}까지", n=len(s.questions), when=ctx.t.datetime(s.closes_at)),
            buttons=(ctx.button(ctx._("보기"), OpenSurvey(s.id)),),
        )
        for s in surveys
    )
    more = []
    if offset + PAGE < total:
        more.append(ctx.button(ctx._("설문 더보기"), SurveyList(offset + PAGE)))
    text = ctx._("[설문조사] 지금 답할 수 있는 설문이에요.")
    return ctx.screen(text, *more, cards=cards, back=back_to_complex())


@router.on(OpenSurvey)
async def open_survey(ctx: Ctx, action: OpenSurvey) -> Screen:
    survey = await answerable(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    response = await my_response(ctx.uow, ctx.membership, survey)
    lines = [
        ctx._("[설문조사] {title}", title=survey.title),
        ctx._("질문 {n}개 · {when}에 마감해요.", n=len(survey.questions),
              when=ctx.t.datetime(survey.closes_at)),
        ctx._("익명 설문이에요. 누가 답했는지는 보이지 않아요.") if survey.anonymous
        else ctx._("실명 설문이에요. 코디네이터가 누가 답했는지 볼 수 있어요."),
        ctx._("한 사람이 한 번 답해요. 마감 전까지는 답을 바꿀 수 있어요."),
    ]  # fmt: skip
    following = next_question(survey, response)
    if response.submitted_at is not None:
        lines.append(ctx._("이미 제출했어요. 고맙습니다!"))
        button = ctx.button(ctx._("답 바꾸기"), AskQuestion(survey.id, 0))
    elif following is None:
        button = ctx.button(ctx._("제출하기"), SubmitSurvey(survey.id))
    elif following > 0:
        lines.append(ctx._("{n}번 질문까지 답해 두었어요.", n=following))
        button = ctx.button(ctx._("이어서 하기"), AskQuestion(survey.id, following))
    else:
        button = ctx.button(ctx._("시작하기"), AskQuestion(survey.id, 0))
    return ctx.screen("\n".join(lines), button, back=SurveyList())


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
    hint = {
        QuestionKind.SINGLE: ctx._("하나를 골라 주세요."),
        QuestionKind.MULTI: ctx._(
            "여러 개를 고를 수 있어요. 다 고르면 '다 골랐어요'를 눌러 주세요."
        ),
        QuestionKind.SCALE: ctx._("1점(매우 불만)부터 5점(매우 만족)까지 골라 주세요."),
        QuestionKind.TEXT: ctx._("300자 안으로 적어 주세요."),
    }[q.kind]
    step = ctx._("({n}/{total}단계)", n=index + 1, total=len(survey.questions))
    lines = [f"[{survey.title}] {step}", q.text, hint, _current(ctx, survey, index, value)]
    return "\n".join(line for line in lines if line)


def _back(survey: Survey, index: int) -> Action:
    return AskQuestion(survey.id, index - 1) if index > 0 else OpenSurvey(survey.id)


async def ask(ctx: Ctx, survey: Survey, index: int) -> Screen:
    """Question `index` (or the 제출 screen after the last one)."""
    response = await my_response(ctx.uow, ctx.membership, survey)
    if index >= len(survey.questions):
        return _review(ctx, survey, response)
    q, value = survey.questions[index], response.answers.get(str(index))
    if q.kind == QuestionKind.TEXT:
        from bot.dialogs.answer_survey import dialog_name

        prompt = question_text(ctx, survey, index, value)
        return await ctx.start_dialog(
            dialog_name(ctx), survey_id=survey.id, index=index, _prompt=prompt
        )
    if q.kind == QuestionKind.MULTI:
        picks = _picks(ctx, survey.id, index, value)
        buttons = [
            ctx.button(("✓ " if i in picks else "") + label, ToggleOption(survey.id, index, i))
            for i, label in enumerate(q.options)
        ]
        buttons.append(ctx.button(ctx._("다 골랐어요"), FinishChoices(survey.id, index)))
    elif q.kind == QuestionKind.SCALE:
        buttons = [
            ctx.button(
                ctx._(SCALE_LABELS[n]) if n in SCALE_LABELS else str(n),
                AnswerChoice(survey.id, index, n),
            )  # fmt: skip
            for n in range(1, 6)
        ]
    else:
        buttons = [
            ctx.button(label, AnswerChoice(survey.id, index, i))
            for i, label in enumerate(q.options)
        ]
    text = question_text(ctx, survey, index, value)
    return ctx.screen(text, *buttons, back=_back(survey, index))


def _review(ctx: Ctx, survey: Survey, response) -> Screen:
    missing = next_question(survey, response)
    if missing is not None:
        return ctx.screen(ctx._("{n}번 질문에 아직 답하지 않았어요.", n=missing + 1),
                          ctx.button(ctx._("답하러 가기"), AskQuestion(survey.id, missing)),
                          back=OpenSurvey(survey.id))  # fmt: skip
    text = ctx._("모든 질문에 답했어요. 제출할까요?\n마감 전까지는 다시 바꿀 수 있어요.")
    button = ctx.button(ctx._("제출"), SubmitSurvey(survey.id))
    return ctx.screen(text, button, back=_back(survey, len(survey.questions)))


def _picks(ctx: Ctx, survey_id: int, index: int, saved: Any) -> list[int]:
    store = ctx.conversation.data.setdefault("survey_picks", {})
    key = f"{survey_id}:{index}"
    if key not in store:
        store.clear()
        store[key] = list(saved or [])
    return store[key]


@router.on(AskQuestion)
async def ask_question(ctx: Ctx, action: AskQuestion) -> Screen:
    survey = await answerable(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    ctx.conversation.data.pop("survey_picks", None)
    return await ask(ctx, survey, max(action.index, 0))


@router.on(AnswerChoice)
async def answer_choice(ctx: Ctx, action: AnswerChoice) -> Screen:
    await save_answer(
        ctx.uow, ctx.clock, ctx.membership, action.survey_id, action.index, action.value
    )
    survey = await visible_survey(ctx.uow, ctx.membership, action.survey_id)
    return await ask(ctx, survey, action.index + 1)


@router.on(ToggleOption)
async def toggle_option(ctx: Ctx, action: ToggleOption) -> Screen:
    survey = await answerable(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    response = await my_response(ctx.uow, ctx.membership, survey)
    picks = _picks(ctx, survey.id, action.index, response.answers.get(str(action.index)))
    if action.option in picks:
        picks.remove(action.option)
    else:
        picks.append(action.option)
    return await ask(ctx, survey, action.index)


@router.on(FinishChoices)
async def finish_choices(ctx: Ctx, action: FinishChoices) -> Screen:
    survey = await answerable(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    response = await my_response(ctx.uow, ctx.membership, survey)
    picks = _picks(ctx, survey.id, action.index, response.answers.get(str(action.index)))
    if not picks:
        screen = await ask(ctx, survey, action.index)
        note = ctx._("하나 이상 골라 주세요.")
        return replace(screen, text=f"{note}\n\n{screen.text}")
    await save_answer(ctx.uow, ctx.clock, ctx.membership, survey.id, action.index, list(picks))
    ctx.conversation.data.pop("survey_picks", None)
    return await ask(ctx, survey, action.index + 1)


@router.on(SubmitSurvey)
async def submit_survey(ctx: Ctx, action: SubmitSurvey) -> Screen:
    outcome = await submit(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    survey = await visible_survey(ctx.uow, ctx.membership, action.survey_id)
    if outcome == "changed":
        text = ctx._("바꾼 답으로 다시 제출했어요.")
    elif outcome == "same":
        text = ctx._("이미 제출한 답이에요.")
    else:
        text = ctx._("설문을 제출했어요. 고맙습니다!")
    text += "\n" + ctx._("{when} 마감 전까지는 답을 바꿀 수 있어요.",
                         when=ctx.t.datetime(survey.closes_at))  # fmt: skip
    return ctx.screen(text, ctx.button(ctx._("설문 보기"), OpenSurvey(survey.id)),
                      back=SurveyList())  # fmt: skip

"""우리단지 → 설문조사 for residents: the open surveys, then one question per message with
buttons (a typed answer for short texts, through the "survey.text" dialog), "n/N단계" on
every question (render.py). Answers are stored as they are given, so a resident can stop and
continue later and change them until the deadline; 제출 is single-use (a redelivered tap
counts once)."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.identity.actions import OpenSection
from bot.handlers.surveys.actions import (
    AnswerChoice,
    AskQuestion,
    FinishChoices,
    OpenSurvey,
    SubmitSurvey,
    SurveyList,
    ToggleOption,
)
from bot.handlers.surveys.render import ask, picks
from bot.screens import Screen
from core.ids import saved
from core.surveys import reading
from core.surveys.answering import (
    answerable,
    my_response,
    next_question,
    save_answer,
    submit,
    visible_survey,
)
from core.surveys.model import SubmitOutcome

router = Router()


def back_to_complex() -> Action:
    return OpenSection("complex")


async def any_open(ctx: Ctx) -> bool:
    """우리단지 shows 설문조사 only while the complex has an open survey."""
    return await reading.any_open(ctx.uow, ctx.membership)


@router.on(SurveyList)
async def survey_list(ctx: Ctx, action: SurveyList) -> Screen:
    if not ctx.membership.verified:
        return await ctx.home()
    page = await reading.open_surveys(ctx.uow, ctx.membership, action.offset)
    if not page.total:
        return ctx.screen(ctx._("지금 답할 수 있는 설문이 없어요."), back=back_to_complex())
    cards = tuple(
        ctx.card(
            s.title[:40],
            ctx._("질문 {n}개 · {when}까지", n=len(s.questions), when=ctx.t.datetime(s.closes_at)),
            buttons=(ctx.button(ctx._("보기"), OpenSurvey(saved(s.id))),),
        )
        for s in page.surveys
    )
    more = []
    if page.offset + reading.PAGE < page.total:
        more.append(ctx.button(ctx._("설문 더보기"), SurveyList(page.offset + reading.PAGE)))
    text = ctx._("[설문조사] 지금 답할 수 있는 설문이에요.")
    return ctx.screen(text, *more, cards=cards, back=back_to_complex())


@router.on(OpenSurvey)
async def open_survey(ctx: Ctx, action: OpenSurvey) -> Screen:
    survey = await answerable(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    response = await my_response(ctx.uow, ctx.membership, survey)
    lines = [
        ctx._("[설문조사] {title}", title=survey.title),
        ctx._(
            "질문 {n}개 · {when}에 마감해요.",
            n=len(survey.questions),
            when=ctx.t.datetime(survey.closes_at),
        ),
        ctx._("익명 설문이에요. 누가 답했는지는 보이지 않아요.")
        if survey.anonymous
        else ctx._("실명 설문이에요. 코디네이터가 누가 답했는지 볼 수 있어요."),
        ctx._("한 사람이 한 번 답해요. 마감 전까지는 답을 바꿀 수 있어요."),
    ]
    following = next_question(survey, response)
    if response.submitted_at is not None:
        lines.append(ctx._("이미 제출했어요. 고마워요!"))
        button = ctx.button(ctx._("답 바꾸기"), AskQuestion(saved(survey.id), 0))
    elif following is None:
        button = ctx.button(ctx._("제출하기"), SubmitSurvey(saved(survey.id)))
    elif following > 0:
        lines.append(ctx._("{n}번 질문까지 답해 두었어요.", n=following))
        button = ctx.button(ctx._("이어서 하기"), AskQuestion(saved(survey.id), following))
    else:
        button = ctx.button(ctx._("시작하기"), AskQuestion(saved(survey.id), 0))
    return ctx.screen("\n".join(lines), button, back=SurveyList())


@router.on(AskQuestion)
async def ask_question(ctx: Ctx, action: AskQuestion) -> Screen:
    survey = await answerable(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    ctx.conversation.data.pop("survey_picks", None)
    return await ask(ctx, survey, max(action.index, 0), between=action.between)


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
    ticked = picks(ctx, saved(survey.id), action.index, response.answers.get(str(action.index)))
    if action.option in ticked:
        ticked.remove(action.option)
    else:
        ticked.append(action.option)
    return await ask(ctx, survey, action.index)


@router.on(FinishChoices)
async def finish_choices(ctx: Ctx, action: FinishChoices) -> Screen:
    survey = await answerable(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    response = await my_response(ctx.uow, ctx.membership, survey)
    ticked = picks(ctx, saved(survey.id), action.index, response.answers.get(str(action.index)))
    if not ticked:
        screen = await ask(ctx, survey, action.index)
        note = ctx._("하나 이상 골라 주세요.")
        return replace(screen, text=f"{note}\n\n{screen.text}")
    await save_answer(
        ctx.uow, ctx.clock, ctx.membership, saved(survey.id), action.index, list(ticked)
    )
    ctx.conversation.data.pop("survey_picks", None)
    return await ask(ctx, survey, action.index + 1)


@router.on(SubmitSurvey)
async def submit_survey(ctx: Ctx, action: SubmitSurvey) -> Screen:
    outcome = await submit(ctx.uow, ctx.clock, ctx.membership, action.survey_id)
    survey = await visible_survey(ctx.uow, ctx.membership, action.survey_id)
    if outcome == SubmitOutcome.CHANGED:
        text = ctx._("바꾼 답으로 다시 제출했어요.")
    elif outcome == SubmitOutcome.SAME:
        text = ctx._("이미 제출한 답이에요.")
    else:
        text = ctx._("설문을 제출했어요. 고마워요!")
    text += "\n" + ctx._(
        "{when} 마감 전까지는 답을 바꿀 수 있어요.", when=ctx.t.datetime(survey.closes_at)
    )
    return ctx.screen(
        text, ctx.button(ctx._("설문 보기"), OpenSurvey(saved(survey.id))), back=SurveyList()
    )

"""코디네이터 → 설문 만들기 / 설문 결과: start the survey dialog, the complex's surveys, a
results summary in chat (counts and % per option, the average of scales, the short texts;
anonymous or not, the summary never says who), and the survey's jobs: the reminder to
residents who have not answered and the close, exactly once, with a note to its author."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.surveys.actions import CREATE_DIALOG, StartSurvey, SurveyResult, SurveyResults
from bot.scheduler import JobContext
from bot.screens import Screen
from core.ids import saved
from core.surveys import lifecycle
from core.surveys.answering import check_creator
from core.surveys.model import QuestionKind, SurveyStatus
from core.surveys.reading import PAGE, own_surveys

router = Router()
TEXTS_SHOWN = 5  # short texts in chat; all of them are in the CSV export


@router.on(StartSurvey)
async def start_survey(ctx: Ctx, action: StartSurvey) -> Screen:
    check_creator(ctx.membership)
    return await ctx.start_dialog(CREATE_DIALOG)


@router.on(SurveyResults)
async def survey_results(ctx: Ctx, action: SurveyResults) -> Screen:
    page = await own_surveys(ctx.uow, ctx.membership, action.offset)
    if not page.total:
        return ctx.screen(ctx._("아직 만든 설문이 없어요."), back=OpenCoordinator())
    cards = []
    for s in page.surveys:
        state = ctx._("마감") if s.status == SurveyStatus.CLOSED else ctx._("진행 중")
        line = f"{state} · {ctx.t.datetime(s.closes_at)}"
        button = ctx.button(ctx._("결과"), SurveyResult(saved(s.id)))
        cards.append(ctx.card(s.title[:40], line, buttons=(button,)))
    more = []
    if page.offset + PAGE < page.total:
        more.append(ctx.button(ctx._("더보기"), SurveyResults(page.offset + PAGE), nav=True))
    text = ctx._("[설문 결과] 모두 {n}건이에요.", n=page.total)
    return ctx.screen(text, *more, cards=tuple(cards), back=OpenCoordinator())


def summary_text(ctx: Ctx, summary: lifecycle.Summary) -> str:
    survey = summary.survey
    state = ctx._("마감") if survey.status == SurveyStatus.CLOSED else ctx._("진행 중")
    lines = [
        ctx._("[설문 결과] {title} ({state})", title=survey.title, state=state),
        ctx._("제출한 사람: {n}명", n=summary.responses),
    ]
    for i, q in enumerate(summary.questions):
        lines.append(f"\n{i + 1}. {q.text[:60]}")
        if q.kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
            options = survey.questions[i].options
            for o, label in enumerate(options):
                lines.append(
                    ctx._(
                        "· {option}: {n}명 ({percent}%)",
                        option=label,
                        n=q.counts[o],
                        percent=q.percent(o),
                    )
                )
        elif q.kind == QuestionKind.SCALE:
            average = "-" if q.average is None else f"{q.average:.1f}"
            lines.append(ctx._("평균 {average}점 ({n}명)", average=average, n=q.answered))
        else:
            lines.extend(f"· {text[:80]}" for text in q.texts[-TEXTS_SHOWN:])
            if len(q.texts) > TEXTS_SHOWN:
                lines.append(
                    ctx._("(그 밖에 {n}개는 CSV로 받아 보세요)", n=len(q.texts) - TEXTS_SHOWN)
                )
    return "\n".join(lines)


@router.on(SurveyResult)
async def survey_result(ctx: Ctx, action: SurveyResult) -> Screen:
    summary = await lifecycle.results(ctx.uow, ctx.membership, action.survey_id)
    return ctx.screen(summary_text(ctx, summary), back=SurveyResults())


async def remind_job(job: JobContext) -> None:
    await lifecycle.remind_non_answerers(
        job.uow, job.services.clock, int(job.payload["survey_id"])
    )


async def close_job(job: JobContext) -> None:
    """Close exactly once; the loser of the conditional update (or a repeat) does nothing."""
    await lifecycle.close_survey(job.uow, job.services.clock, int(job.payload["survey_id"]))

"""코디네이터 → 설문 만들기 / 설문 결과: start the survey dialog, the complex's surveys, a
results summary in chat (counts and % per option, the average of scales, the short texts;
anonymous or not, the summary never says who), and the survey's jobs: the reminder to
residents who have not answered and the close, exactly once, with a note to its author."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator import COORDINATOR_ENTRIES, OpenCoordinator, require_coordinator
from bot.i18n import N_, Translator
from bot.scheduler import JobContext
from bot.screens import Button, Screen
from core.surveys import lifecycle
from core.surveys.answering import CLOSE_JOB, REMIND_JOB
from core.surveys.model import QuestionKind, SurveyStatus

router = Router()
PAGE = 5
TEXTS_SHOWN = 5  # short texts in chat; all of them are in the CSV export


@dataclass(frozen=True)
class StartSurvey(Action, kind="coord.survey.new"):
    pass


@dataclass(frozen=True)
class SurveyResults(Action, kind="coord.surveys"):
    offset: int = 0


@dataclass(frozen=True)
class SurveyResult(Action, kind="coord.survey.result"):
    survey_id: int


COORDINATOR_ENTRIES += [
    (N_("설문 만들기"), StartSurvey),
    (N_("설문 결과"), SurveyResults),
]


@router.on(StartSurvey)
async def start_survey(ctx: Ctx, action: StartSurvey) -> Screen:
    require_coordinator(ctx)
    return await ctx.start_dialog("survey.create")


@router.on(SurveyResults)
async def survey_results(ctx: Ctx, action: SurveyResults) -> Screen:
    require_coordinator(ctx)
    offset = max(action.offset, 0)
    surveys, total = await ctx.uow.surveys.for_complex(
        ctx.membership.complex_id, [s.value for s in SurveyStatus], offset=offset, limit=PAGE
    )
    if not total:
        return ctx.screen(ctx._("아직 만든 설문이 없어요."), back=OpenCoordinator())
    cards = []
    for s in surveys:
        state = ctx._("마감") if s.status == SurveyStatus.CLOSED else ctx._("진행 중")
        line = f"{state} · {ctx.t.datetime(s.closes_at)}"
        button = ctx.button(ctx._("결과"), SurveyResult(s.id))
        cards.append(ctx.card(s.title[:40], line, buttons=(button,)))
    more = []
    if offset + PAGE < total:
        more.append(ctx.button(ctx._("더보기"), SurveyResults(offset + PAGE), nav=True))
    text = ctx._("[설문 결과] 모두 {n}건이에요.", n=total)
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
                lines.append(ctx._("· {option}: {n}명 ({percent}%)", option=label,
                                   n=q.counts[o], percent=q.percent(o)))  # fmt: skip
        elif q.kind == QuestionKind.SCALE:
            average = "-" if q.average is None else f"{q.average:.1f}"
            lines.append(ctx._("평균 {average}점 ({n}명)", average=average, n=q.answered))
        else:
            lines.extend(f"· {text[:80]}" for text in q.texts[-TEXTS_SHOWN:])
            if len(q.texts) > TEXTS_SHOWN:
                lines.append(ctx._("(그 밖에 {n}개는 CSV로 받아 보세요)",
                                   n=len(q.texts) - TEXTS_SHOWN))  # fmt: skip
    return "\n".join(lines)


@router.on(SurveyResult)
async def survey_result(ctx: Ctx, action: SurveyResult) -> Screen:
    require_coordinator(ctx)
    summary = await lifecycle.results(ctx.uow, ctx.membership, action.survey_id)
    return ctx.screen(summary_text(ctx, summary), back=SurveyResults())


def _closed(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._("[설문 마감] {title}\n{n}명이 답했어요.", title=p["title"], n=p["responses"])
    return Screen(text, buttons=(Button(t._("결과 보기"), SurveyResult(p["survey_id"]).dump()),))


async def remind_job(job: JobContext) -> None:
    await lifecycle.remind_non_answerers(
        job.uow, job.services.clock, int(job.payload["survey_id"])
    )


async def close_job(job: JobContext) -> None:
    """Close exactly once; the loser of the conditional update (or a repeat) does nothing."""
    await lifecycle.close_survey(job.uow, job.services.clock, int(job.payload["survey_id"]))


def register(services) -> None:
    from bot.handlers.surveys import register_notifications

    register_notifications(services.notifications)
    if "survey.closed" not in services.notifications:
        services.notifications.register("survey.closed", _closed)
    services.jobs.register(REMIND_JOB, remind_job)
    services.jobs.register(CLOSE_JOB, close_job)

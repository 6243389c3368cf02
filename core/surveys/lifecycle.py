"""The scheduled side of a survey, run by its jobs: a reminder 24 h before the deadline to
the verified residents who have not submitted, and the close at the deadline, exactly once
(one conditional status change), after which the coordinator who made it is told. Plus the
results summary for the complex's coordinators.

Every notification is keyed by its cause, so a late firing, a restart or two schedulers never
remind or close twice. Anonymous results never say who answered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.clock import Clock
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.surveys.answering import visible_survey
from core.surveys.events import SurveyClosed, SurveyReminder
from core.surveys.model import QuestionKind, Survey, SurveyStatus

if TYPE_CHECKING:
    from core.ports import UnitOfWork

log = logging.getLogger("naechingu.surveys")


async def remind_non_answerers(uow: UnitOfWork, clock: Clock, survey_id: int) -> int:
    """Remind the residents who have not submitted. A reminder that would arrive after the
    deadline (or for a closed survey) is meaningless: dropped with a log line."""
    survey = await uow.surveys.get(survey_id)
    if survey is None:
        return 0
    if survey.status != SurveyStatus.OPEN or clock.now() >= survey.closes_at:
        log.info("survey %d: reminder dropped (%s)", survey_id, survey.status)
        return 0
    residents = await uow.surveys.residents(survey.complex_id, answered=False, survey_id=survey_id)
    await uow.notifier.notify_many(
        residents,
        SurveyReminder(survey_id, survey.title, survey.closes_at),
        key=f"survey:{survey.id}:remind",
        batch=f"survey:{survey.id}",
        complex_id=survey.complex_id,
    )
    return len(residents)


async def close_survey(uow: UnitOfWork, clock: Clock, survey_id: int) -> Survey | None:
    """진행 중 → 마감, exactly once, not before the deadline: the winner of the conditional
    update tells the coordinator who made it (with the count); everyone else gets None."""
    survey = await uow.surveys.get(survey_id)
    if survey is None or clock.now() < survey.closes_at:
        return None
    if not await uow.surveys.transition(survey_id, SurveyStatus.OPEN, SurveyStatus.CLOSED):
        return None
    survey.status = SurveyStatus.CLOSED
    count = len(await uow.surveys.responses(survey_id))
    await uow.notifier.notify(
        survey.author_id,
        SurveyClosed(survey_id, survey.title, count),
        key=f"survey:{survey.id}:closed",
        complex_id=survey.complex_id,
    )
    return survey


@dataclass
class QuestionSummary:
    text: str
    kind: str
    answered: int = 0
    counts: list[int] = field(default_factory=list)  # per option (choices)
    average: float | None = None  # scales
    texts: list[str] = field(default_factory=list)  # short texts, never with who wrote them

    def percent(self, i: int) -> int:
        return round(self.counts[i] * 100 / self.answered) if self.answered else 0


@dataclass
class Summary:
    survey: Survey
    responses: int
    questions: list[QuestionSummary]


async def results(uow: UnitOfWork, member: Membership, survey_id: int) -> Summary:
    """For the complex's coordinators, during and after the survey: the submitted responses
    only; counts and % per option, the average of scales, the short texts (no names)."""
    require_coordinator(member)
    survey = await visible_survey(uow, member, survey_id)
    responses = await uow.surveys.responses(survey_id)
    summaries = []
    for i, q in enumerate(survey.questions):
        s = QuestionSummary(q.text, q.kind, counts=[0] * len(q.options))
        values = [r.answers[str(i)] for r in responses if str(i) in r.answers]
        s.answered = len(values)
        for v in values:
            if q.kind == QuestionKind.SINGLE:
                s.counts[v] += 1
            elif q.kind == QuestionKind.MULTI:
                for o in v:
                    s.counts[o] += 1
            elif q.kind == QuestionKind.TEXT:
                s.texts.append(v)
        if q.kind == QuestionKind.SCALE and values:
            s.average = round(sum(values) / len(values), 1)
        summaries.append(s)
    return Summary(survey, len(responses), summaries)

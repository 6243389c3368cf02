"""Creating a survey, answering it one question at a time, and submitting the answers.

Rules:
- Only the complex's coordinators create surveys; residents of other complexes never see or
  answer them (a forged or foreign id reads as missing).
- Each verified resident answers once: one response per resident (the primary key). Answers
  are kept as they are given, so a resident can stop and continue later, and can be changed
  until the deadline; a redelivered 제출 counts once.
- After the deadline (or the close) nothing changes: a clear "survey.closed".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.proxy import ProxyTask, record_proxy
from core.identity.roles import require_coordinator, require_verified
from core.ids import saved
from core.surveys.model import (
    MAX_LENGTH,
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_QUESTION,
    MAX_QUESTIONS,
    MAX_TEXT,
    MAX_TITLE,
    MIN_LENGTH,
    MIN_OPTIONS,
    MIN_QUESTIONS,
    REMINDER,
    SCALE,
    Question,
    QuestionKind,
    Response,
    SubmitOutcome,
    Survey,
    SurveyStatus,
)

if TYPE_CHECKING:
    from core.ports import UnitOfWork

REMIND_JOB, CLOSE_JOB = "survey.remind", "survey.close"
CHOICES = (QuestionKind.SINGLE, QuestionKind.MULTI)


@dataclass(frozen=True)
class NewSurvey:
    title: str
    questions: tuple[Question, ...]
    closes_at: datetime
    anonymous: bool = False


def check_question(q: Question) -> Question:
    """A question (≤ 200 characters) of a known kind; choices have 2–8 distinct options
    (≤ 40 characters each); scales and short texts have none."""
    text = q.text.strip()
    if q.kind not in set(QuestionKind) or not text or len(text) > MAX_QUESTION:
        raise InvalidInput("survey.bad_question", limit=MAX_QUESTION)
    options = tuple(o.strip() for o in q.options if o.strip())
    if q.kind not in CHOICES:
        return Question(q.kind, text)
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS or len(set(options)) != len(options):
        raise InvalidInput("survey.bad_options", low=MIN_OPTIONS, high=MAX_OPTIONS)
    if any(len(o) > MAX_OPTION for o in options):
        raise InvalidInput("vote.option_too_long", limit=MAX_OPTION)
    return Question(q.kind, text, options)


def complex_of(member: Membership) -> int:
    """The member's complex (every verified resident and coordinator has one)."""
    if member.complex_id is None:
        raise Forbidden("not_verified")
    return member.complex_id


def check_creator(member: Membership) -> None:
    """Only the complex's coordinators make surveys (the 설문 만들기 dialog starts for them
    alone, and `create_survey` checks again)."""
    require_coordinator(member)


async def create_survey(
    uow: UnitOfWork, clock: Clock, member: Membership, new: NewSurvey
) -> Survey:
    """Rules: coordinators of the complex only; a title (≤ 100 characters); 1–10 valid
    questions; the deadline 1 hour to 60 days from now. Arms a reminder 24 h before the
    deadline (when that is still ahead) and the close at the deadline."""
    check_creator(member)
    title = new.title.strip()
    if not title or len(title) > MAX_TITLE:
        raise InvalidInput("survey.bad_title", limit=MAX_TITLE)
    if not MIN_QUESTIONS <= len(new.questions) <= MAX_QUESTIONS:
        raise InvalidInput("survey.bad_count", low=MIN_QUESTIONS, high=MAX_QUESTIONS)
    questions = [check_question(q) for q in new.questions]
    now = clock.now()
    if not MIN_LENGTH <= new.closes_at - now <= MAX_LENGTH:
        raise InvalidInput("vote.bad_time")
    survey = await uow.surveys.add(
        Survey(
            complex_of(member),
            member.resident_id,
            title,
            questions,
            new.closes_at,
            now,
            anonymous=new.anonymous,
        )
    )
    survey_id, cid = saved(survey.id), survey.complex_id
    payload = {"survey_id": survey_id}
    if survey.closes_at - REMINDER > now:
        due = survey.closes_at - REMINDER
        await uow.jobs.at(REMIND_JOB, str(survey_id), due, payload, complex_id=cid)
    await uow.jobs.at(CLOSE_JOB, str(survey_id), survey.closes_at, payload, complex_id=cid)
    return survey


async def visible_survey(uow: UnitOfWork, member: Membership, survey_id: int) -> Survey:
    """A survey of the member's complex; another complex's or a forged id reads as missing."""
    survey = await uow.surveys.get(survey_id)
    if survey is None or survey.complex_id != member.complex_id:
        raise NotFound()
    return survey


async def answerable(uow: UnitOfWork, clock: Clock, member: Membership, survey_id: int) -> Survey:
    """The survey, if the member (verified) may still answer it: open and before the deadline."""
    require_verified(member)
    survey = await visible_survey(uow, member, survey_id)
    if survey.status != SurveyStatus.OPEN or clock.now() >= survey.closes_at:
        raise DomainError("survey.closed")
    return survey


def check_answer(question: Question, value: Any) -> Any:
    """Single: one option index; multi: a non-empty set of option indexes; scale: 1–5;
    text: 1–300 characters. Anything else is refused."""
    n = len(question.options)
    if question.kind == QuestionKind.SINGLE and isinstance(value, int) and 0 <= value < n:
        return value
    picked = isinstance(value, list) and value and all(isinstance(i, int) for i in value)
    if question.kind == QuestionKind.MULTI and picked and all(0 <= i < n for i in value):
        return sorted(set(value))
    if question.kind == QuestionKind.SCALE and isinstance(value, int) and value in SCALE:
        return value
    if question.kind == QuestionKind.TEXT and isinstance(value, str):
        text = value.strip()
        if not text or len(text) > MAX_TEXT:
            raise InvalidInput("survey.text_too_long", limit=MAX_TEXT)
        return text
    raise InvalidInput("survey.bad_answer")


async def my_response(uow: UnitOfWork, member: Membership, survey: Survey) -> Response:
    """The member's answers so far (an empty draft before the first one)."""
    survey_id = saved(survey.id)
    found = await uow.surveys.response(survey_id, member.resident_id)
    return found or Response(survey_id, member.resident_id, survey.complex_id)


async def save_answer(
    uow: UnitOfWork, clock: Clock, member: Membership, survey_id: int, index: int, value: Any
) -> Response:
    """Keep one answer (the draft is stored, so the resident can continue later). A submitted
    response stays submitted: the change counts when the resident submits again."""
    survey = await answerable(uow, clock, member, survey_id)
    if not 0 <= index < len(survey.questions):
        raise InvalidInput("survey.bad_answer")
    value = check_answer(survey.questions[index], value)
    if not await uow.surveys.hold(survey_id):
        raise DomainError("survey.closed")
    response = await my_response(uow, member, survey)
    if response.answers.get(str(index)) == value and response.updated_at is not None:
        return response
    response.answers = {**response.answers, str(index): value}
    now = clock.now()
    if response.submitted_at is not None:  # a change after submitting: newer than the submit
        now = max(now, response.submitted_at + timedelta(microseconds=1))
    response.updated_at = now
    await uow.surveys.save_response(response)
    return response


def next_question(survey: Survey, response: Response) -> int | None:
    """The first question not answered yet; None when all are."""
    for i in range(len(survey.questions)):
        if str(i) not in response.answers:
            return i
    return None


async def submit(
    uow: UnitOfWork, clock: Clock, member: Membership, survey_id: int
) -> SubmitOutcome:
    """Submit every answer: NEW the first time, CHANGED when answers changed since the
    last submit, SAME for a repeat (a redelivered 제출 counts once). All questions must be
    answered first. 대신 하기: the household resident's response; each submit (not a
    repeat) is marked, audited and announced (`record_proxy`)."""
    survey = await answerable(uow, clock, member, survey_id)
    response = await my_response(uow, member, survey)
    if next_question(survey, response) is not None:
        raise DomainError("survey.incomplete")
    if not await uow.surveys.hold(survey_id):
        raise DomainError("survey.closed")
    if response.submitted_at is None:
        outcome = SubmitOutcome.NEW
    elif response.updated_at is not None and response.updated_at <= response.submitted_at:
        return SubmitOutcome.SAME
    else:
        outcome = SubmitOutcome.CHANGED
        response.changes += 1
    response.submitted_at = clock.now()
    response.updated_at = response.submitted_at
    await uow.surveys.save_response(response)
    ref = f"survey:{survey_id}:r{response.resident_id}:{response.changes}"
    await record_proxy(uow, clock, member, ProxyTask.SURVEY, ref, what=survey.title)
    return outcome

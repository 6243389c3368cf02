"""투표·설문 → 설문조사: create a survey (the chat's `create_survey`: title, up to
`SLOTS` questions — one choice, several choices, 1–5 scale or a short text — a deadline,
anonymous or not) and read its results while it runs and after (`results`: counts, %,
averages and the short texts, never who answered what).

```mermaid
flowchart LR
    votes[투표·설문] --> create[새 설문: 제목·질문·마감·익명] -->|규칙 위반| create
    create --> results[설문 결과: 응답 수·%·평균·짧은 답]
```
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.desk.votes import list_page as votes_page
from bot.desk.web import act, int_param, page_url, render, scoped, services_of
from core.desk.access import record
from core.errors import InvalidInput
from core.identity.model import Complex, Membership
from core.ids import saved
from core.ports import UnitOfWork
from core.surveys.answering import NewSurvey, create_survey
from core.surveys.lifecycle import results
from core.surveys.model import MAX_QUESTIONS, Question, QuestionKind

routes = web.RouteTableDef()
SLOTS = MAX_QUESTIONS  # question rows on the form: 3 open, the rest under 질문 더 넣기


def _questions(form) -> tuple[Question, ...]:  # type: ignore[no-untyped-def]
    found = []
    for i in range(SLOTS):
        text = str(form.get(f"q{i}_text", "")).strip()
        if not text:
            continue
        kind = str(form.get(f"q{i}_kind", QuestionKind.SINGLE))
        options: tuple[str, ...] = ()
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
            raw = str(form.get(f"q{i}_options", "")).replace(",", "\n")
            options = tuple(o.strip() for o in raw.splitlines() if o.strip())
        found.append(Question(kind, text, options))
    return tuple(found)


@routes.post("/c/{complex}/surveys")
async def create(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    form = await request.post()
    tz = ZoneInfo(services.config.i18n.timezone)

    async def work(uow: UnitOfWork, complex_: Complex, member: Membership) -> str:
        try:
            closes = datetime.fromisoformat(str(form.get("closes_at", ""))).replace(tzinfo=tz)
        except ValueError:
            raise InvalidInput("survey.bad_deadline") from None
        new = NewSurvey(
            title=str(form.get("title", "")),
            questions=_questions(form),
            closes_at=closes,
            anonymous=form.get("anonymous") == "1",
        )
        survey = await create_survey(uow, services.clock, member, new)
        await record(uow, services.clock, member, "survey.create", f"survey #{saved(survey.id)}")
        return page_url(complex_, f"surveys/{saved(survey.id)}")

    return await act(request, work, votes_page)


@routes.get(r"/c/{complex}/surveys/{survey:\d+}")
async def one(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        summary = await results(uow, member, int_param(request.match_info["survey"], 0) or 0)
        return render(request, "survey.html", {"s": summary, "kinds": QuestionKind}, complex_)

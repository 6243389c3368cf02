"""투표·설문: the complex's votes (create with the chat's rules, `create_vote`), one vote's
live turnout by 동 (counts only, never who chose what; polled from `turnout.json`), closing
now (`core.desk.votes.close_now`, then the results announced with their chart as after a
scheduled close), results with the chart (bot/charts.py), paper and proxy ballots with the
household's 동/호 and the reason; and the complex's surveys with their answers count.

```mermaid
flowchart LR
    list[투표 목록] --> create[새 투표: 질문·선택지·동·비밀·정족수·기간] --> list
    list --> one[투표 보기: 동별 참여율 실시간]
    one --> paper[종이·대리 투표: 동/호·선택·이유] --> one
    one -->|지금 마감| results[결과와 그래프]
```
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.desk.web import act, int_param, page_url, render, scoped, services_of
from bot.handlers.votes.coordinator import chart_png
from core.desk.access import record
from core.desk.reading import turnout_by_building
from core.desk.votes import PAPER_REASONS, close_now, paper_ballot
from core.errors import InvalidInput
from core.identity.model import Complex, Membership
from core.ids import saved
from core.ports import UnitOfWork
from core.surveys.model import MAX_QUESTIONS
from core.surveys.reading import own_surveys
from core.votes.ballots import NewVote, create_vote, visible_vote
from core.votes.lifecycle import announce_results
from core.votes.model import VoteStatus
from core.votes.reading import managed_votes, vote_buildings

routes = web.RouteTableDef()
SURVEY_SHOWN = 3  # question rows open on the new-survey form; the rest under 질문 더 넣기


async def list_page(request: web.Request) -> web.Response:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        votes = []
        for vote in (await managed_votes(uow, member)).votes:
            rows = await turnout_by_building(uow, member, saved(vote.id))
            voted, eligible = sum(r.voted for r in rows), sum(r.eligible for r in rows)
            votes.append({"vote": vote, "voted": voted, "eligible": eligible})
        surveys = (await own_surveys(uow, member)).surveys
        return render(
            request,
            "votes.html",
            {
                "votes": votes,
                "surveys": surveys,
                "buildings": await vote_buildings(uow, member),
                "statuses": VoteStatus,
                "survey_slots": MAX_QUESTIONS,
                "survey_shown": SURVEY_SHOWN,
            },
            complex_,
        )


@routes.get("/c/{complex}/votes")
async def votes(request: web.Request) -> web.StreamResponse:
    return await list_page(request)


def _when(request: web.Request, raw: str) -> datetime:
    tz = ZoneInfo(services_of(request).config.i18n.timezone)
    try:
        return datetime.fromisoformat(raw).replace(tzinfo=tz)
    except ValueError:
        raise InvalidInput("vote.bad_time") from None


@routes.post("/c/{complex}/votes")
async def create(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    form = await request.post()
    now = services.clock.now()

    async def work(uow: UnitOfWork, complex_: Complex, member: Membership) -> str:
        opens = str(form.get("opens_at", ""))
        new = NewVote(
            question=str(form.get("question", "")),
            options=tuple(str(form.get("options", "")).splitlines()),
            opens_at=_when(request, opens) if opens else now,
            closes_at=_when(request, str(form.get("closes_at", ""))),
            buildings=tuple(str(b) for b in form.getall("building", [])),
            secret=form.get("secret") == "1",
            quorum=int_param(form.get("quorum")) if form.get("quorum") else None,
        )
        vote = await create_vote(uow, services.clock, member, new)
        await record(uow, services.clock, member, "vote.create", f"vote #{saved(vote.id)}")
        return page_url(complex_, f"votes/{saved(vote.id)}")

    return await act(request, work, list_page)


def _vote_id(request: web.Request) -> int:
    return int_param(request.match_info["vote"], 0) or 0


async def _one(request: web.Request) -> web.Response:
    services = services_of(request)
    async with services.uow() as uow:
        complex_, member = await scoped(uow, request)
        vote = await visible_vote(uow, member, _vote_id(request))
        rows = await turnout_by_building(uow, member, saved(vote.id))
        return render(
            request,
            "vote.html",
            {
                "vote": vote,
                "rows": rows,
                "voted": sum(r.voted for r in rows),
                "eligible": sum(r.eligible for r in rows),
                "closed": vote.status == VoteStatus.CLOSED,
                "reasons": PAPER_REASONS,
            },
            complex_,
        )


@routes.get(r"/c/{complex}/votes/{vote:\d+}")
async def one(request: web.Request) -> web.StreamResponse:
    return await _one(request)


@routes.get(r"/c/{complex}/votes/{vote:\d+}/turnout.json")
async def turnout(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    async with services.uow() as uow:
        _complex, member = await scoped(uow, request)
        rows = await turnout_by_building(uow, member, _vote_id(request))
    return web.json_response(
        {
            "voted": sum(r.voted for r in rows),
            "buildings": [
                {
                    "building": r.building,
                    "eligible": r.eligible,
                    "voted": r.voted,
                    "percent": r.percent,
                }
                for r in rows
            ],
        }
    )


@routes.get(r"/c/{complex}/votes/{vote:\d+}/chart.png")
async def chart(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    async with services.uow() as uow:
        _complex, member = await scoped(uow, request)
        vote = await visible_vote(uow, member, _vote_id(request))
        if vote.status != VoteStatus.CLOSED:
            raise web.HTTPNotFound()
        png = await asyncio.to_thread(chart_png, vote, services.catalogs)
    return web.Response(body=png, content_type="image/png")


@routes.post(r"/c/{complex}/votes/{vote:\d+}/close")
async def close(request: web.Request) -> web.StreamResponse:
    services = services_of(request)

    async def work(uow: UnitOfWork, complex_: Complex, member: Membership) -> str:
        vote = await close_now(uow, services.clock, member, _vote_id(request))
        png = await asyncio.to_thread(chart_png, vote, services.catalogs)
        media_id = await services.media.put(png, "image/png")
        await announce_results(uow, vote, services.media.url(media_id))
        return page_url(complex_, f"votes/{saved(vote.id)}?done=1")

    return await act(request, work, _one)


@routes.post(r"/c/{complex}/votes/{vote:\d+}/paper")
async def paper(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    form = await request.post()

    async def work(uow: UnitOfWork, complex_: Complex, member: Membership) -> str:
        await paper_ballot(
            uow,
            services.clock,
            member,
            _vote_id(request),
            str(form.get("building", "")),
            str(form.get("unit", "")),
            int_param(form.get("option"), -1) or 0,
            str(form.get("reason", "")),
        )
        return page_url(complex_, f"votes/{_vote_id(request)}?done=1")

    return await act(request, work, _one)

"""코디네이터 → 주민투표 만들기 / 투표 관리: start the vote dialog, the complex's votes (no
counts before the close: results stay hidden from everyone), a 대리 투표 for a household that
asked in person, and the vote's jobs: opening, reminders to non-voters, and the close with a
bar chart of the results (bot/charts.py, stored through the media port)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator import COORDINATOR_ENTRIES, OpenCoordinator, require_coordinator
from bot.handlers.votes import OpenVote, results_text
from bot.i18n import N_
from bot.scheduler import JobContext
from bot.screens import Screen
from core.votes import lifecycle
from core.votes.ballots import CLOSE_JOB, OPEN_JOB, REMIND_JOB, visible_vote
from core.votes.model import Vote, VoteStatus

router = Router()
PAGE = 5


@dataclass(frozen=True)
class StartVote(Action, kind="coord.vote.new"):
    pass


@dataclass(frozen=True)
class ManageVotes(Action, kind="coord.votes"):
    offset: int = 0


@dataclass(frozen=True)
class ProxyBallot(Action, kind="coord.vote.proxy"):
    vote_id: int


COORDINATOR_ENTRIES += [
    (N_("주민투표 만들기"), StartVote),
    (N_("투표 관리"), ManageVotes),
]


@router.on(StartVote)
async def start_vote(ctx: Ctx, action: StartVote) -> Screen:
    require_coordinator(ctx)
    buildings = await ctx.uow.notices.buildings(ctx.membership.complex_id)
    return await ctx.start_dialog("vote.create", _buildings=buildings)


@router.on(ManageVotes)
async def manage_votes(ctx: Ctx, action: ManageVotes) -> Screen:
    require_coordinator(ctx)
    offset = max(action.offset, 0)
    statuses = [s.value for s in VoteStatus]
    votes, total = await ctx.uow.votes.for_complex(
        ctx.membership.complex_id, statuses, offset=offset, limit=PAGE
    )
    if not total:
        return ctx.screen(ctx._("아직 만든 투표가 없어요."), back=OpenCoordinator())
    cards = []
    for vote in votes:
        buttons = [ctx.button(ctx._("보기"), OpenVote(vote.id))]
        if vote.status == VoteStatus.OPEN:
            buttons.append(ctx.button(ctx._("대리 투표"), ProxyBallot(vote.id)))
        state = ctx._("마감") if vote.status == VoteStatus.CLOSED else ctx._("투표 중")
        when = ctx.t.datetime(vote.closes_at)
        cards.append(ctx.card(vote.question[:40], f"{state} · {when}", buttons=tuple(buttons)))
    more = []
    if offset + PAGE < total:
        more.append(ctx.button(ctx._("더보기"), ManageVotes(offset + PAGE), nav=True))
    text = ctx._("[투표 관리] 모두 {n}건이에요. 결과는 마감한 뒤에만 보여요.", n=total)
    return ctx.screen(text, *more, cards=tuple(cards), back=OpenCoordinator())


@router.on(ProxyBallot)
async def proxy_ballot(ctx: Ctx, action: ProxyBallot) -> Screen:
    require_coordinator(ctx)
    vote = await visible_vote(ctx.uow, ctx.membership, action.vote_id)
    return await ctx.start_dialog("vote.proxy", vote_id=vote.id, _options=vote.options)


async def open_job(job: JobContext) -> None:
    await lifecycle.open_vote(job.uow, job.services.clock, int(job.payload["vote_id"]))


async def remind_job(job: JobContext) -> None:
    p = job.payload
    await lifecycle.remind_non_voters(
        job.uow, job.services.clock, int(p["vote_id"]), int(p["hours"])
    )


def chart_png(vote: Vote, catalogs) -> bytes:
    from bot.charts import bar_charts

    t = catalogs.get("ko")
    bars = list(zip(vote.options, vote.results, strict=True))
    return bar_charts(vote.question[:40], [(t._("세대 수"), bars)])


async def close_job(job: JobContext) -> None:
    """Close exactly once; the loser of the conditional update (or a repeat) does nothing."""
    s = job.services
    vote = await lifecycle.close_vote(job.uow, s.clock, int(job.payload["vote_id"]))
    if vote is None:
        return
    png = await asyncio.to_thread(chart_png, vote, s.catalogs)
    media_id = await s.media.put(png, "image/png")
    await lifecycle.announce_results(job.uow, vote, s.media.url(media_id))


def register(services) -> None:
    from bot.handlers.votes import register_notifications

    register_notifications(services.notifications)
    services.jobs.register(OPEN_JOB, open_job)
    services.jobs.register(REMIND_JOB, remind_job)
    services.jobs.register(CLOSE_JOB, close_job)


__all__ = ["ManageVotes", "register", "results_text"]

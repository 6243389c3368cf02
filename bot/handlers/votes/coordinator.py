"""코디네이터 → 주민투표 만들기 / 투표 관리: start the vote dialog, the complex's votes (no
counts before the close: results stay hidden from everyone), a 대리 투표 for a household that
asked in person, and the vote's jobs: opening, reminders to non-voters, and the close with a
bar chart of the results (bot/charts.py, stored through the media port)."""

from __future__ import annotations

import asyncio

from bot.charts import bar_charts
from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.votes.actions import (
    CREATE_DIALOG,
    PROXY_DIALOG,
    ManageVotes,
    OpenVote,
    ProxyBallot,
    StartVote,
)
from bot.i18n import Catalogs
from bot.scheduler import JobContext
from bot.screens import Screen
from core.ids import saved
from core.votes import lifecycle
from core.votes.model import Vote, VoteStatus
from core.votes.reading import PAGE, managed_votes, proxy_vote, vote_buildings

router = Router()


@router.on(StartVote)
async def start_vote(ctx: Ctx, action: StartVote) -> Screen:
    buildings = await vote_buildings(ctx.uow, ctx.membership)
    return await ctx.start_dialog(CREATE_DIALOG, _buildings=buildings)


@router.on(ManageVotes)
async def manage_votes(ctx: Ctx, action: ManageVotes) -> Screen:
    page = await managed_votes(ctx.uow, ctx.membership, action.offset)
    if not page.total:
        return ctx.screen(ctx._("아직 만든 투표가 없어요."), back=OpenCoordinator())
    cards = []
    for vote in page.votes:
        buttons = [ctx.button(ctx._("보기"), OpenVote(saved(vote.id)))]
        if vote.status == VoteStatus.OPEN:
            buttons.append(ctx.button(ctx._("대리 투표"), ProxyBallot(saved(vote.id))))
        state = ctx._("마감") if vote.status == VoteStatus.CLOSED else ctx._("투표 중")
        when = ctx.t.datetime(vote.closes_at)
        cards.append(ctx.card(vote.question[:40], f"{state} · {when}", buttons=tuple(buttons)))
    more = []
    if page.offset + PAGE < page.total:
        more.append(ctx.button(ctx._("더보기"), ManageVotes(page.offset + PAGE), nav=True))
    text = ctx._("[투표 관리] 모두 {n}건이에요. 결과는 마감한 뒤에만 보여요.", n=page.total)
    return ctx.screen(text, *more, cards=tuple(cards), back=OpenCoordinator())


@router.on(ProxyBallot)
async def proxy_ballot(ctx: Ctx, action: ProxyBallot) -> Screen:
    vote = await proxy_vote(ctx.uow, ctx.membership, action.vote_id)
    return await ctx.start_dialog(PROXY_DIALOG, vote_id=saved(vote.id), _options=vote.options)


async def open_job(job: JobContext) -> None:
    await lifecycle.open_vote(job.uow, job.services.clock, int(job.payload["vote_id"]))


async def remind_job(job: JobContext) -> None:
    p = job.payload
    await lifecycle.remind_non_voters(
        job.uow, job.services.clock, int(p["vote_id"]), int(p["hours"])
    )


def chart_png(vote: Vote, catalogs: Catalogs) -> bytes:
    t = catalogs.get("ko")
    bars = list(zip(vote.options, vote.results or [], strict=True))
    return bar_charts(vote.question[:40], [(t._("세대 수"), bars)])


async def close_and_announce(uow, services, vote_id: int) -> Vote | None:
    """Close exactly once and tell everyone the results with their chart; the loser of the
    conditional update (or a repeat) does nothing and gets None. Also used by the common
    points' settle job, which may run before the vote's own close job."""
    vote = await lifecycle.close_vote(uow, services.clock, vote_id)
    if vote is None:
        return None
    png = await asyncio.to_thread(chart_png, vote, services.catalogs)
    media_id = await services.media.put(png, "image/png")
    await lifecycle.announce_results(uow, vote, services.media.url(media_id))
    return vote


async def close_job(job: JobContext) -> None:
    await close_and_announce(job.uow, job.services, int(job.payload["vote_id"]))

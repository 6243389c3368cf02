"""공용 포인트 제안 (households decide): 공용 포인트 보기 → 제안과 투표 for every verified
resident (each proposal, its state, 투표하기 while the vote is open, the quote's photo), and
the job "common.settle" that closes the vote if its own job has not yet and settles the
proposal exactly once (core/points/proposals.py)."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.points.actions import CommonPoints, CommonProposals
from bot.handlers.points.render import proposal_title
from bot.handlers.points.words import points
from bot.handlers.votes.actions import OpenVote
from bot.handlers.votes.coordinator import close_and_announce
from bot.scheduler import JobContext
from bot.screens import Button, Screen
from core.points.model import ProposalStatus
from core.points.proposals import proposals_for, settle_proposal

router = Router()


@router.on(CommonProposals)
async def common_proposals(ctx: Ctx, action: CommonProposals) -> Screen:
    found = await proposals_for(ctx.uow, ctx.membership)
    if not found:
        text = ctx._("아직 공용 포인트 제안이 없어요. 코디네이터가 제안하면 세대마다 투표해요.")
        return ctx.screen(text, back=CommonPoints())
    cards = []
    for proposal in found:
        buttons: tuple[Button, ...] = ()
        if proposal.status == ProposalStatus.VOTING:
            buttons = (ctx.button(ctx._("투표하기"), OpenVote(proposal.vote_id)),)
        image = ctx.services.media.url(proposal.photo) if proposal.photo else None
        when = ctx.t.short_day(proposal.created_at)
        lines = [f"{points(ctx.t, proposal.amount)} · {when}"]
        cards.append(
            ctx.card(proposal_title(ctx.t, proposal), *lines, buttons=buttons, image_url=image)
        )
    text = ctx._(
        "[공용 포인트 제안과 투표]\n큰돈은 세대마다 투표해서 찬성이 많으면 써요. 최근 제안이에요."
    )
    return ctx.screen(text, cards=tuple(cards), back=CommonPoints())


async def settle_job(job: JobContext) -> None:
    """At the vote's close: close it (once, with its results) if its own job has not yet,
    then settle the proposal exactly once."""
    s = job.services
    await close_and_announce(job.uow, s, int(job.payload["vote_id"]))
    await settle_proposal(job.uow, s.clock, int(job.payload["proposal_id"]))

"""우리단지 → 주민투표 for residents: the open vote their household has not answered yet at
once when there is just one such vote (3 taps from home to a ballot; 다른 투표 for the rest);
with several unanswered open votes, a list of them with one big button each (the ones not
answered first: 4 taps to a ballot); open votes with one button per option (single-use, so a
redelivered tap counts once), what their household chose, and closed votes' results. Results
are never shown before the close; the notifications read in render.py."""

from __future__ import annotations

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.engine.present import add_choices
from bot.handlers.identity.actions import OpenSection
from bot.handlers.votes.actions import CastVote, OpenVote, VoteList
from bot.handlers.votes.render import denominator_line, results_text
from bot.screens import Button, Screen
from core.ids import saved
from core.votes.ballots import cast_ballot, household_choice, visible_vote
from core.votes.events import VoteResult
from core.votes.model import BallotOutcome, Vote, VoteStatus
from core.votes.reading import PAGE, denominator, resident_votes

router = Router()


def back_to_complex() -> Action:
    return OpenSection("complex")


@router.on(VoteList)
async def vote_list(ctx: Ctx, action: VoteList) -> Screen:
    if not ctx.membership.verified:
        return await ctx.home()
    page = await resident_votes(ctx.uow, ctx.membership, action.offset)
    if not page.total:
        return ctx.screen(ctx._("지금은 주민투표가 없어요."), back=back_to_complex())
    running = [v for v in page.votes if v.status == VoteStatus.OPEN]
    if not action.full and action.offset == 0 and running:
        todo = [v for v in running if await household_choice(ctx.uow, ctx.membership, v) is None]
        if len(todo) == 1 or len(running) == 1:
            screen = await open_vote(ctx, OpenVote(saved((todo or running)[0].id)))
            if page.total > 1:  # the other votes (and closed ones' results) are one tap away
                others = ctx.button(ctx._("다른 투표"), VoteList(full=True))
                screen = add_choices(screen, others)
            return screen
        return _choose_open(ctx, todo, [v for v in running if v not in todo], page.total)
    cards = tuple(
        ctx.card(
            v.question[:40],
            _state(ctx, v),
            buttons=(ctx.button(ctx._("보기"), OpenVote(saved(v.id))),),
        )
        for v in page.votes
    )
    buttons = []
    if page.offset + PAGE < page.total:
        buttons.append(ctx.button(ctx._("투표 더보기"), VoteList(page.offset + PAGE, True)))
    text = ctx._("[주민투표] 진행 중인 투표와 끝난 투표예요.")
    return ctx.screen(text, *buttons, cards=cards, back=back_to_complex())


def _choose_open(ctx: Ctx, todo: list[Vote], done: list[Vote], total: int) -> Screen:
    """Several open votes: one big button each, those the household has not answered first
    (the answered ones marked), then 다른 투표 when closed votes exist too."""
    buttons = [ctx.button(_title(v.question), OpenVote(saved(v.id))) for v in todo]
    buttons += [
        ctx.button(ctx._("{title} (투표함)", title=_title(v.question)), OpenVote(saved(v.id)))
        for v in done
    ]
    if total > len(todo) + len(done):
        buttons.append(ctx.button(ctx._("다른 투표"), VoteList(full=True)))
    text = ctx._(
        "[주민투표] 지금 투표할 수 있는 것이 {n}개 있어요. 하나를 고르세요.",
        n=len(todo) + len(done),
    )
    return ctx.screen(text, *buttons, back=back_to_complex())


def _title(question: str) -> str:
    """A vote's question short enough for a button: without a leading "[…]" tag, and only
    the quoted words when it starts with them (a proposal's purpose)."""
    if question.startswith("[") and "] " in question:
        question = question.split("] ", 1)[1]
    if question[:1] == "'" and question.find("'", 1) > 1:
        question = question[1 : question.find("'", 1)]
    return question if len(question) <= 30 else question[:29] + "…"


def _state(ctx: Ctx, vote: Vote) -> str:
    if vote.status == VoteStatus.CLOSED:
        return ctx._("마감 · {when}", when=ctx.t.day(vote.closes_at))
    return ctx._("투표 중 · {when}까지", when=ctx.t.datetime(vote.closes_at))


@router.on(OpenVote)
async def open_vote(ctx: Ctx, action: OpenVote) -> Screen:
    vote = await visible_vote(ctx.uow, ctx.membership, action.vote_id)
    if vote.status == VoteStatus.CLOSED:
        return ctx.screen(results_text(ctx.t, VoteResult.of(vote)), back=VoteList(full=True))
    lines = [ctx._("[주민투표] {question}", question=vote.question), _state(ctx, vote)]
    lines.append(ctx._("비밀 투표예요.") if vote.secret else ctx._("공개 투표예요."))
    eligible = await denominator(ctx.uow, vote)
    if not ctx.t.easy:  # (쉬운 모드: a short bubble; the count stays in the results)
        lines.append(denominator_line(ctx.t, eligible, vote.quorum))
    buttons: list[Button] = []
    if vote.status == VoteStatus.OPEN and ctx.membership.verified:
        chosen = await household_choice(ctx.uow, ctx.membership, vote)
        if chosen is not None:
            lines.append(
                ctx._(
                    "우리 집은 '{option}'에 투표했어요. 바꾸려면 다른 것을 누르세요.",
                    option=vote.options[chosen],
                )
            )
        buttons = [
            ctx.button(f"{i + 1}. {label}", CastVote(saved(vote.id), i))
            for i, label in enumerate(vote.options)
        ]
    lines.append(ctx._("결과는 마감한 뒤에 알려 드려요."))
    return ctx.screen("\n".join(lines), *buttons, back=VoteList(full=True))


@router.on(CastVote)
async def cast_vote(ctx: Ctx, action: CastVote) -> Screen:
    outcome = await cast_ballot(ctx.uow, ctx.clock, ctx.membership, action.vote_id, action.option)
    vote = await visible_vote(ctx.uow, ctx.membership, action.vote_id)
    option = vote.options[action.option]
    if outcome == BallotOutcome.REPLACED:
        text = ctx._("우리 집 표를 '{option}'(으)로 바꿨어요. 가족에게도 알렸어요.", option=option)
    elif outcome == BallotOutcome.SAME:
        text = ctx._("이미 '{option}'에 투표했어요.", option=option)
    else:
        text = ctx._("'{option}'에 투표했어요. 고마워요!", option=option)
    text += "\n" + ctx._(
        "결과는 {when} 마감 뒤에 알려 드려요.", when=ctx.t.datetime(vote.closes_at)
    )
    return ctx.screen(
        text, ctx.button(ctx._("투표 보기"), OpenVote(saved(vote.id))), back=VoteList(full=True)
    )

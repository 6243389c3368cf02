"""우리단지 → 주민투표 for residents: open votes with one button per option (single-use, so a
redelivered tap counts once), what their household chose, and closed votes' results. The
notifications ("vote.opened", "vote.reminder", "vote.result", "vote.replaced") read here too.
Results are never shown before the close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.i18n import Translator
from bot.screens import Button, Screen
from core.votes.ballots import cast_ballot, household_choice, visible_vote
from core.votes.model import Vote, VoteStatus

router = Router()
PAGE = 5


@dataclass(frozen=True)
class VoteList(Action, kind="vote.list"):
    offset: int = 0


@dataclass(frozen=True)
class OpenVote(Action, kind="vote.open"):
    vote_id: int


@dataclass(frozen=True)
class CastVote(Action, kind="vote.cast", single_use=True):
    vote_id: int
    option: int


def back_to_complex() -> Action:
    from bot.handlers.home import OpenSection

    return OpenSection("complex")


def option_buttons(t: Translator, vote_id: int, options: list[str]) -> tuple[Button, ...]:
    return tuple(
        Button(f"{i + 1}. {label}", CastVote(vote_id, i).dump()) for i, label in enumerate(options)
    )


def results_text(t: Translator, p: dict[str, Any]) -> str:
    eligible = p.get("eligible") or 0
    turnout = p.get("turnout") or 0
    percent = round(turnout * 100 / eligible) if eligible else 0
    lines = [t._("[투표 결과] {question}", question=p["question"])]
    for label, count in zip(p["options"], p["results"], strict=True):
        lines.append(t._("· {option}: {n}세대", option=label, n=count))
    lines.append(
        t._("참여: {turnout} / {eligible}세대 ({percent}%)", turnout=turnout, eligible=eligible,
            percent=percent)
    )  # fmt: skip
    if p.get("quorum"):
        met = t._("넘었어요") if p.get("quorum_met") else t._("못 넘었어요")
        lines.append(t._("정족수 {q}%를 {met}.", q=p["quorum"], met=met))
    return "\n".join(lines)


def _closes(t: Translator, p: dict[str, Any]) -> str:
    return t.datetime(datetime.fromisoformat(p["closes_at"]))


def _opened(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._(
        "[주민투표] {question}\n{closes}까지 세대마다 한 번 투표할 수 있어요. "
        "아래에서 골라 주세요.",
        question=p["question"],
        closes=_closes(t, p),
    )
    return Screen(text, buttons=option_buttons(t, p["vote_id"], p["options"]))


def _reminder(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._(
        "[주민투표 알림] 우리 집은 아직 투표하지 않았어요.\n{question}\n{closes}에 마감해요.",
        question=p["question"],
        closes=_closes(t, p),
    )
    return Screen(text, buttons=option_buttons(t, p["vote_id"], p["options"]))


def _result(t: Translator, p: dict[str, Any]) -> Screen:
    return Screen(
        results_text(t, p),
        image_url=p.get("chart_url") or None,
        image_alt=t._("투표 결과 막대그래프") if p.get("chart_url") else "",
    )


def _replaced(t: Translator, p: dict[str, Any]) -> Screen:
    text = t._(
        "[주민투표] 우리 집 표가 '{option}'(으)로 바뀌었어요. "
        "가족 중 한 분이 다시 투표했어요.\n{question}",
        option=p["option"],
        question=p["question"],
    )
    return Screen(text)


def register_notifications(kinds) -> None:
    for kind, renderer in (
        ("vote.opened", _opened),
        ("vote.reminder", _reminder),
        ("vote.result", _result),
        ("vote.replaced", _replaced),
    ):
        if kind not in kinds:
            kinds.register(kind, renderer)


@router.on(VoteList)
async def vote_list(ctx: Ctx, action: VoteList) -> Screen:
    if not ctx.membership.verified:
        from bot.handlers.home import welcome

        return welcome(ctx)
    statuses = [VoteStatus.OPEN.value, VoteStatus.CLOSED.value]
    offset = max(action.offset, 0)
    votes, total = await ctx.uow.votes.for_complex(
        ctx.membership.complex_id, statuses, offset=offset, limit=PAGE
    )
    if not total:
        return ctx.screen(ctx._("지금은 주민투표가 없어요."), back=back_to_complex())
    cards = tuple(
        ctx.card(
            v.question[:40],
            _state(ctx, v),
            buttons=(ctx.button(ctx._("보기"), OpenVote(v.id)),),
        )
        for v in votes
    )
    buttons = []
    if offset + PAGE < total:
        buttons.append(ctx.button(ctx._("투표 더보기"), VoteList(offset + PAGE)))
    text = ctx._("[주민투표] 진행 중인 투표와 끝난 투표예요.")
    return ctx.screen(text, *buttons, cards=cards, back=back_to_complex())


def _state(ctx: Ctx, vote: Vote) -> str:
    if vote.status == VoteStatus.CLOSED:
        return ctx._("마감 · {when}", when=ctx.t.datetime(vote.closes_at, "M월 d일"))
    return ctx._("투표 중 · {when}까지", when=ctx.t.datetime(vote.closes_at))


@router.on(OpenVote)
async def open_vote(ctx: Ctx, action: OpenVote) -> Screen:
    vote = await visible_vote(ctx.uow, ctx.membership, action.vote_id)
    if vote.status == VoteStatus.CLOSED:
        from core.votes.lifecycle import result_params

        text = results_text(ctx.t, {"question": vote.question, **result_params(vote)})
        return ctx.screen(text, back=VoteList())
    lines = [ctx._("[주민투표] {question}", question=vote.question), _state(ctx, vote)]
    lines.append(ctx._("비밀 투표예요.") if vote.secret else ctx._("공개 투표예요."))
    buttons: list = []
    if vote.status == VoteStatus.OPEN and ctx.membership.verified:
        chosen = await household_choice(ctx.uow, ctx.membership, vote)
        if chosen is not None:
            lines.append(ctx._("우리 집은 '{option}'에 투표했어요. 바꾸려면 다른 것을 누르세요.",
                               option=vote.options[chosen]))  # fmt: skip
        buttons = [
            ctx.button(f"{i + 1}. {label}", CastVote(vote.id, i))
            for i, label in enumerate(vote.options)
        ]
    lines.append(ctx._("결과는 마감한 뒤에 알려 드려요."))
    return ctx.screen("\n".join(lines), *buttons, back=VoteList())


@router.on(CastVote)
async def cast_vote(ctx: Ctx, action: CastVote) -> Screen:
    outcome = await cast_ballot(ctx.uow, ctx.clock, ctx.membership, action.vote_id, action.option)
    vote = await visible_vote(ctx.uow, ctx.membership, action.vote_id)
    option = vote.options[action.option]
    if outcome == "replaced":
        text = ctx._("우리 집 표를 '{option}'(으)로 바꿨어요. 가족에게도 알렸어요.", option=option)
    elif outcome == "same":
        text = ctx._("이미 '{option}'에 투표했어요.", option=option)
    else:
        text = ctx._("'{option}'에 투표했어요. 고맙습니다!", option=option)
    text += "\n" + ctx._(
        "결과는 {when} 마감 뒤에 알려 드려요.", when=ctx.t.datetime(vote.closes_at)
    )
    return ctx.screen(text, ctx.button(ctx._("투표 보기"), OpenVote(vote.id)), back=VoteList())

"""How votes read: the results (in chat and in the "vote.result" notification), and the
notifications "vote.opened", "vote.reminder" (with a single-use button per option) and
"vote.replaced". Results are never shown before the close."""

from __future__ import annotations

from collections.abc import Sequence

from bot.handlers.votes.actions import CastVote
from bot.i18n import Translator
from bot.screens import Button, Screen
from core.votes.events import BallotReplaced, VoteOpened, VoteReminder, VoteResult


def option_buttons(t: Translator, vote_id: int, options: Sequence[str]) -> tuple[Button, ...]:
    return tuple(
        Button(f"{i + 1}. {label}", CastVote(vote_id, i).dump()) for i, label in enumerate(options)
    )


def results_text(t: Translator, p: VoteResult) -> str:
    percent = round(p.turnout * 100 / p.eligible) if p.eligible else 0
    lines = [t._("[투표 결과] {question}", question=p.question)]
    for label, count in zip(p.options, p.results, strict=True):
        lines.append(t._("· {option}: {n}세대", option=label, n=count))
    lines.append(
        t._(
            "참여: {turnout} / {eligible}세대 ({percent}%, 관리동·업체동 제외)",
            turnout=p.turnout,
            eligible=p.eligible,
            percent=percent,
        )
    )
    if p.quorum:
        met = t._("넘었어요") if p.quorum_met else t._("못 넘었어요")
        lines.append(t._("참여가 최소 {q}%를 {met}.", q=p.quorum, met=met))
    return "\n".join(lines)


def denominator_line(t: Translator, eligible: int, quorum: int | None) -> str:
    """What the vote counts against: every home of the eligible 동 (관리동·업체동 never)."""
    line = t._("투표 대상: {n}세대 (관리동·업체동 제외)", n=eligible)
    if quorum:
        need = -(-quorum * eligible // 100)
        line += "\n" + t._("최소 참여: {q}% ({need}세대 이상)", q=quorum, need=need)
    return line


def opened_screen(t: Translator, p: VoteOpened) -> Screen:
    text = t._(
        "[주민투표] {question}\n{closes}까지 세대마다 한 번 투표할 수 있어요. "
        "아래에서 골라 주세요.",
        question=p.question,
        closes=t.datetime(p.closes_at),
    )
    if p.eligible:
        text += "" if t.easy else "\n" + denominator_line(t, p.eligible, p.quorum)
    return Screen(text, buttons=option_buttons(t, p.vote_id, p.options))


def reminder_screen(t: Translator, p: VoteReminder) -> Screen:
    text = t._(
        "[주민투표 알림] 우리 집은 아직 투표하지 않았어요.\n{question}\n{closes}에 마감해요.",
        question=p.question,
        closes=t.datetime(p.closes_at),
    )
    return Screen(text, buttons=option_buttons(t, p.vote_id, p.options))


def result_screen(t: Translator, p: VoteResult) -> Screen:
    return Screen(
        results_text(t, p),
        image_url=p.chart_url or None,
        image_alt=t._("투표 결과 막대그래프") if p.chart_url else "",
    )


def replaced_screen(t: Translator, p: BallotReplaced) -> Screen:
    text = t._(
        "[주민투표] 우리 집 표가 '{option}'(으)로 바뀌었어요. "
        "가족 중 한 분이 다시 투표했어요.\n{question}",
        option=p.option,
        question=p.question,
    )
    return Screen(text)

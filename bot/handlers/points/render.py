"""How 공용 포인트 제안 reads: a proposal's state in residents' words, and the notifications
"points.common_spent" (to every household, with the remaining balance) and
"points.common_short" (to the coordinators: passed, but not enough points at the close)."""

from __future__ import annotations

from bot.handlers.points.actions import CommonPoints, CommonProposals
from bot.handlers.points.words import points
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.points.events import CommonProposalShort, CommonSpent
from core.points.model import CommonProposal, ProposalStatus

STATUS_WORDS: dict[str, str] = {
    ProposalStatus.VOTING: N_("투표 중"),
    ProposalStatus.SPENT: N_("찬성으로 사용함"),
    ProposalStatus.REJECTED: N_("반대가 많아 쓰지 않음"),
    ProposalStatus.NO_QUORUM: N_("참여가 모자라 쓰지 않음"),
    ProposalStatus.SHORT: N_("포인트가 모자라 쓰지 않음"),
}


def status_word(t: Translator, proposal: CommonProposal) -> str:
    return t._(STATUS_WORDS.get(proposal.status, STATUS_WORDS[ProposalStatus.VOTING]))


def proposal_title(t: Translator, proposal: CommonProposal) -> str:
    """ "[투표 중] 놀이터 그늘막 설치": the state first, as every channel shows the title."""
    return f"[{status_word(t, proposal)}] {proposal.purpose}"


def vote_question(t: Translator, purpose: str, amount: int) -> str:
    """The proposal's vote question, in the coordinator's language."""
    return t._(
        "[공용 포인트] '{purpose}'에 공용 포인트 {amount}점을 쓸까요?",
        purpose=purpose,
        amount=t.number(amount),
    )


def spent_screen(t: Translator, p: CommonSpent) -> Screen:
    text = t._(
        "[공용 포인트] 주민투표로 정한 대로 '{purpose}'에 공용 포인트 {amount}점을 썼어요.\n"
        "남은 공용 포인트: {left}",
        purpose=p.purpose,
        amount=t.number(p.amount),
        left=points(t, p.left),
    )
    return Screen(text, buttons=(Button(t._("공용 포인트 보기"), CommonPoints().dump()),))


def short_screen(t: Translator, p: CommonProposalShort) -> Screen:
    text = t._(
        "[공용 포인트] '{purpose}' 제안은 찬성으로 정해졌지만, 지금 공용 포인트가 {have}이라 "
        "{amount}점을 쓸 수 없었어요. 아무것도 쓰지 않았어요.\n"
        "포인트가 모이면 다시 제안해 주세요.",
        purpose=p.purpose,
        have=points(t, p.have),
        amount=t.number(p.amount),
    )
    return Screen(text, buttons=(Button(t._("제안과 투표"), CommonProposals().dump()),))

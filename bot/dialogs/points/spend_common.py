"""공용 포인트 쓰기 (coordinators): up to `[points] common_direct_limit` the spend is recorded
at once (audited); above it the coordinator proposes it and the households decide by a vote
(찬성 / 반대, `common_vote_quorum` %, `common_vote_days` days); the points move only after the
vote passed, once (core/points/proposals.py). Every resident sees both in 공용 포인트 보기.

```mermaid
flowchart TD
    S[공용 포인트 보기 / 코디네이터 → 공용 포인트 쓰기] -->|0점| N[공용 포인트가 없어요]
    S --> A[얼마: 숫자 적기]
    A -->|0 이하, 숫자 아님, 잔액보다 많음| A
    A --> P[어디에: 적기, 100자까지]
    P -->|한도 이하| C[확인: 기록하기 / 고치기]
    P -->|한도 넘음| F[견적서·사진 한 장 / 건너뛰기]
    F --> V[확인: 투표 올리기 / 고치기]
    C -->|기록하기, 한 번만| R[spend_common → 기록했어요]
    V -->|투표 올리기, 한 번만| T[propose_common_spend → 세대 투표 시작]
    C & V -->|고치기| A
    A & P & F & C & V -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.defects.photos import one_photo
from bot.dialogs.points.pay_rent import parse_points
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.points.actions import SPEND_COMMON_DIALOG, CommonPoints, CommonProposals
from bot.handlers.points.render import vote_question
from bot.handlers.points.words import points
from bot.screens import Expect, Screen
from core.points.model import DIRECT_LIMIT, MAX_PURPOSE, CommonPolicy
from core.points.proposals import NewProposal, propose_common_spend
from core.points.reading import common_to_spend
from core.points.use_cases import spend_common

NAME = SPEND_COMMON_DIALOG


def _purpose(ctx: Ctx, text: str, a: dict) -> str:
    text = " ".join(text.split())
    if not text or len(text) > MAX_PURPOSE:
        raise Invalid(ctx._("어디에 쓰는지 {limit}자 안으로 적어 주세요.", limit=MAX_PURPOSE))
    return text


def _policy(ctx: Ctx) -> CommonPolicy:
    cfg = ctx.services.config.points
    return CommonPolicy(cfg.common_direct_limit, cfg.common_vote_quorum, cfg.common_vote_days)


def _by_vote(ctx: Ctx, a: dict) -> bool:
    """Above the direct limit (asked before the amount is known: not yet)."""
    return int(a.get("amount") or 0) > int(a.get("_limit", DIRECT_LIMIT))


def _confirm(ctx: Ctx, a: dict) -> str:
    amount, purpose = ctx.t.number(a["amount"]), a["purpose"]
    if not _by_vote(ctx, a):
        return ctx._(
            "[확인]\n공용 포인트 {amount}점을 '{purpose}'에 써요.\n이대로 기록할까요?",
            amount=amount,
            purpose=purpose,
        )
    policy = _policy(ctx)
    return ctx._(
        "[확인]\n'{purpose}'에 공용 포인트 {amount}점을 쓰자고 제안해요.\n"
        "{limit}점이 넘어서 세대마다 투표로 정해요. {days}일 동안 투표하고, "
        "최소 {quorum}% 세대가 참여해 찬성이 더 많으면 마감 뒤에 써요.\n투표를 올릴까요?",
        purpose=purpose,
        amount=amount,
        limit=ctx.t.number(a.get("_limit", DIRECT_LIMIT)),
        days=policy.days,
        quorum=policy.quorum,
    )


async def _propose(ctx: Ctx, a: dict) -> Screen:
    new = NewProposal(
        purpose=a["purpose"],
        amount=a["amount"],
        question=vote_question(ctx.t, a["purpose"], a["amount"]),
        yes=ctx._("찬성"),
        no=ctx._("반대"),
        photo=a.get("photo") or "",
    )
    await propose_common_spend(ctx.uow, ctx.clock, ctx.membership, new, _policy(ctx))
    text = ctx._(
        "'{purpose}'에 {amount}점을 쓰는 주민투표를 올렸어요. 세대마다 알림이 가요.\n"
        "찬성이 많으면 마감 뒤에 한 번만 쓰고, 남은 포인트와 함께 알려 드려요.",
        purpose=a["purpose"],
        amount=ctx.t.number(a["amount"]),
    )
    return ctx.screen(text, ctx.button(ctx._("제안과 투표"), CommonProposals()))


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "fix":
        have = await common_to_spend(ctx.uow, ctx.membership)
        limit = a.get("_limit", DIRECT_LIMIT)
        return await ctx.start_dialog(NAME, _balance=have, _limit=limit)
    if _by_vote(ctx, a):
        return await _propose(ctx, a)
    spent = await spend_common(
        ctx.uow,
        ctx.clock,
        ctx.membership,
        a["amount"],
        a["purpose"],
        direct_limit=a.get("_limit", DIRECT_LIMIT),
    )
    left = await common_to_spend(ctx.uow, ctx.membership)
    text = ctx._(
        "공용 포인트 {amount}점을 '{purpose}'에 쓴 것으로 기록했어요.\n남은 공용 포인트: {left}\n"
        "주민 누구나 '공용 포인트 보기'에서 볼 수 있어요.",
        amount=ctx.t.number(spent.amount),
        purpose=spent.purpose,
        left=points(ctx.t, left),
    )
    return ctx.screen(text, ctx.button(ctx._("공용 포인트 보기"), CommonPoints()))


def _choices(ctx: Ctx, a: dict) -> list[Choice]:
    go = ctx._("투표 올리기") if _by_vote(ctx, a) else ctx._("기록하기")
    return [Choice(go, "yes", once=True), Choice(ctx._("고치기"), "fix")]


dialog = Dialog(
    NAME,
    [
        Step(
            "amount",
            prompt=lambda ctx, a: ctx._(
                "공용 포인트를 얼마 쓸까요? 지금 {points}점이 있어요. 숫자로 적어 주세요.",
                points=ctx.t.number(a["_balance"]),
            ),
            expect=Expect.NUMBER,
            parse=lambda ctx, text, a: parse_points(ctx, text, a["_balance"]),
            placeholder=lambda ctx: ctx._("예: 30000"),
        ),
        Step(
            "purpose",
            prompt=lambda ctx, a: ctx._("어디에 쓰나요? 주민들이 볼 수 있게 적어 주세요."),
            expect=Expect.TEXT,
            parse=_purpose,
            placeholder=lambda ctx: ctx._("예: 놀이방 장난감"),
        ),
        Step(
            "photo",
            prompt=lambda ctx, a: ctx._(
                "견적서나 사진이 있으면 한 장 보내 주세요. 주민들이 투표할 때 봐요. "
                "없으면 '건너뛰기'를 눌러 주세요."
            ),
            expect=Expect.PHOTO,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            photo=one_photo,
            skip=lambda ctx, a: not _by_vote(ctx, a),
            follow_up=True,
        ),
        Step("confirm", prompt=_confirm, choices=_choices),
    ],
    on_done=_done,
)

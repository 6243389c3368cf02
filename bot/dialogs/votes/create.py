"""주민투표 만들기 (coordinators). A vote opens at once and its rules never change after
that. (대리 투표 is bot/dialogs/votes/proxy.py.)

```mermaid
flowchart TD
    M[코디네이터 → 주민투표 만들기] --> Q[질문 적기, 300자까지]
    Q --> O[선택지 2~10개: 줄마다 또는 쉼표로]
    O -->|1개뿐, 11개 이상, 같은 것| O
    O --> D[기간: 1일 / 3일 / 7일]
    D --> G[투표할 세대: 단지 전체 / 동 적기]
    G --> S[비밀 투표 / 공개 투표]
    S --> N[정족수: 없음 / 30% / 50%]
    N --> C[확인: 시작 / 취소]
    C -->|시작, 한 번만| V[create_vote → 알림 예약: 시작, 24시간 전, 3시간 전, 마감]
```
"""

from __future__ import annotations

import re
from datetime import timedelta

from bot.dialogs.votes.options import OptionRules, options_step, question_parser
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.votes.actions import CREATE_DIALOG, ManageVotes
from bot.i18n import N_
from bot.screens import Expect, Screen
from core.votes.ballots import NewVote, create_vote
from core.votes.model import MAX_OPTION, MAX_OPTIONS, MAX_QUESTION, MIN_OPTIONS

OPTIONS = OptionRules(
    low=MIN_OPTIONS,
    high=MAX_OPTIONS,
    longest=MAX_OPTION,
    bad_count=N_("서로 다른 선택지를 {low}~{high}개 적어 주세요. 예: 찬성, 반대"),
    prompt=N_("선택지를 적어 주세요. 줄을 바꾸거나 쉼표로 나눠 주세요. (예: 찬성, 반대)"),
    example_label=N_("찬성, 반대"),
    example=("찬성", "반대"),
)


def _buildings(ctx: Ctx, text: str, a: dict) -> list[str]:
    wanted = sorted({w.removesuffix("동") for w in re.split(r"[,\s]+", text.strip()) if w})
    if not wanted or any(w not in a.get("_buildings", []) for w in wanted):
        raise Invalid(ctx._("우리 단지에 있는 동을 '101, 102'처럼 적어 주세요."))
    return wanted


def _summary(ctx: Ctx, a: dict) -> str:
    target = (
        ctx._("{list}동", list=", ".join(a["buildings"]))
        if a.get("buildings")
        else ctx._("단지 전체")
    )
    lines = [
        ctx._("[주민투표 확인]"),
        ctx._("질문: {q}", q=a["question"]),
        *(f"{i + 1}. {o}" for i, o in enumerate(a["options"])),
        ctx._("기간: 지금부터 {days}일", days=a["days"]),
        ctx._("투표할 세대: {target}", target=target),
        ctx._("비밀 투표") if a.get("secret", True) else ctx._("공개 투표"),
        ctx._("최소 참여: {q}%", q=a["quorum"]) if a.get("quorum") else ctx._("최소 참여: 없음"),
        ctx._("시작하면 내용을 바꿀 수 없어요. 시작할까요?"),
    ]
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "start":
        return ctx.screen(ctx._("투표를 만들지 않았어요."), back=OpenCoordinator())
    now = ctx.clock.now()
    new = NewVote(
        question=a["question"],
        options=tuple(a["options"]),
        opens_at=now,
        closes_at=now + timedelta(days=int(a["days"])),
        buildings=tuple(a.get("buildings") or ()),
        secret=bool(a.get("secret", True)),
        quorum=a.get("quorum") or None,
    )
    vote = await create_vote(ctx.uow, ctx.clock, ctx.membership, new)
    text = ctx._(
        "투표를 열었어요. 곧 세대마다 알림이 가요. 마감: {when}",
        when=ctx.t.datetime(vote.closes_at),
    )
    return ctx.screen(text, ctx.button(ctx._("투표 관리"), ManageVotes()), back=OpenCoordinator())


dialog = Dialog(
    CREATE_DIALOG,
    [
        Step(
            "question",
            prompt=lambda ctx, a: ctx._("무엇을 물어볼까요? 질문을 적어 주세요."),
            expect=Expect.TEXT,
            parse=question_parser(MAX_QUESTION),
        ),
        options_step("options", OPTIONS),
        Step(
            "days",
            prompt=lambda ctx, a: ctx._("며칠 동안 투표할까요?"),
            choices=lambda ctx, a: [Choice(ctx._("{n}일", n=n), n) for n in (1, 3, 7)],
        ),
        Step(
            "target",
            prompt=lambda ctx, a: ctx._("어느 세대가 투표하나요?"),
            choices=lambda ctx, a: [
                Choice(ctx._("단지 전체"), "all"),
                Choice(ctx._("동 고르기"), "some"),
            ],
        ),
        Step(
            "buildings",
            prompt=lambda ctx, a: ctx._("몇 동인가요? '101, 102'처럼 적어 주세요."),
            expect=Expect.TEXT,
            parse=_buildings,
            skip=lambda ctx, a: a.get("target") != "some",
            follow_up=True,  # asked only after some answers: no change of total
        ),
        Step(
            "secret",
            prompt=lambda ctx, a: ctx._("비밀 투표로 할까요?"),
            choices=lambda ctx, a: [
                Choice(ctx._("비밀 투표"), True),
                Choice(ctx._("공개 투표"), False),
            ],
        ),
        Step(
            "quorum",
            prompt=lambda ctx, a: ctx._(
                "최소 참여가 있나요? (투표할 세대 중 몇 %가 참여해야 하나요)"
            ),
            choices=lambda ctx, a: [
                Choice(ctx._("없음"), 0),
                Choice("30%", 30),
                Choice("50%", 50),
            ],
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("시작"), "start", once=True),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
    ],
    on_done=_done,
)

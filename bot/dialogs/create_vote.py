"""주민투표 만들기 (coordinators) and 대리 투표 (a ballot recorded for a household that asked
in person). A vote opens at once and its rules never change after that.

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
    P[투표 관리 → 대리 투표] --> B[동] --> U[호] --> X[선택지] --> K[확인: 기록 / 취소]
    K -->|기록, 한 번만| R[cast_proxy_ballot → 감사 기록]
```
"""

from __future__ import annotations

import re
from datetime import timedelta

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.screens import Expect, Screen
from core.votes.ballots import NewVote, cast_proxy_ballot, create_vote
from core.votes.model import MAX_OPTION, MAX_OPTIONS, MAX_QUESTION, MIN_OPTIONS


def _question(ctx: Ctx, text: str, a: dict) -> str:
    text = text.strip()
    if not text or len(text) > MAX_QUESTION:
        raise Invalid(ctx._("질문을 {limit}자 안으로 적어 주세요.", limit=MAX_QUESTION))
    return text


def _options(ctx: Ctx, text: str, a: dict) -> list[str]:
    options = [o.strip() for o in re.split(r"[\n,]", text) if o.strip()]
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS or len(set(options)) != len(options):
        raise Invalid(ctx._("서로 다른 선택지를 {low}~{high}개 적어 주세요. 예: 찬성, 반대",
                            low=MIN_OPTIONS, high=MAX_OPTIONS))  # fmt: skip
    if any(len(o) > MAX_OPTION for o in options):
        raise Invalid(ctx._("선택지는 하나에 {limit}자까지예요.", limit=MAX_OPTION))
    return options


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
        ctx._("정족수: {q}%", q=a["quorum"]) if a.get("quorum") else ctx._("정족수: 없음"),
        ctx._("시작하면 내용을 바꿀 수 없어요. 시작할까요?"),
    ]
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    from bot.handlers.coordinator import OpenCoordinator
    from bot.handlers.coordinator_votes import ManageVotes

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
    text = ctx._("투표를 열었어요. 곧 세대마다 알림이 가요. 마감: {when}",
                 when=ctx.t.datetime(vote.closes_at))  # fmt: skip
    return ctx.screen(text, ctx.button(ctx._("투표 관리"), ManageVotes()), back=OpenCoordinator())


dialog = Dialog(
    "vote.create",
    [
        Step("question", prompt=lambda ctx, a: ctx._("무엇을 물어볼까요? 질문을 적어 주세요."),
             expect=Expect.TEXT, parse=_question),
        Step("options", prompt=lambda ctx, a: ctx._(
                 "선택지를 적어 주세요. 줄을 바꾸거나 쉼표로 나눠 주세요. (예: 찬성, 반대)"),
             expect=Expect.TEXT, parse=_options,
             choices=lambda ctx, a: [Choice(ctx._("찬성, 반대"), ["찬성", "반대"])]),
        Step("days", prompt=lambda ctx, a: ctx._("며칠 동안 투표할까요?"),
             choices=lambda ctx, a: [Choice(ctx._("{n}일", n=n), n) for n in (1, 3, 7)]),
        Step("target", prompt=lambda ctx, a: ctx._("어느 세대가 투표하나요?"),
             choices=lambda ctx, a: [Choice(ctx._("단지 전체"), "all"),
                                     Choice(ctx._("동 고르기"), "some")]),
        Step("buildings", prompt=lambda ctx, a: ctx._("몇 동인가요? '101, 102'처럼 적어 주세요."),
             expect=Expect.TEXT, parse=_buildings,
             skip=lambda ctx, a: a.get("target") != "some"),
        Step("secret", prompt=lambda ctx, a: ctx._("비밀 투표로 할까요?"),
             choices=lambda ctx, a: [Choice(ctx._("비밀 투표"), True),
                                     Choice(ctx._("공개 투표"), False)]),
        Step("quorum", prompt=lambda ctx, a: ctx._(
                 "정족수가 있나요? (투표할 세대 중 몇 %가 참여해야 하나요)"),
             choices=lambda ctx, a: [Choice(ctx._("없음"), 0), Choice("30%", 30),
                                     Choice("50%", 50)]),
        Step("confirm", prompt=_summary,
             choices=lambda ctx, a: [Choice(ctx._("시작"), "start", once=True),
                                     Choice(ctx._("취소"), "cancel")]),
    ],
    on_done=_done,
)  # fmt: skip


def _part(suffix: str):
    def parse(ctx: Ctx, text: str, a: dict) -> str:
        value = text.strip().removesuffix(suffix).strip()
        if not re.fullmatch(r"[0-9A-Za-z가-힣]{1,10}", value):
            raise Invalid(ctx._("숫자나 글자 10자 이내로 적어 주세요 (예: 101, 1203)."))
        return value

    return parse


async def _proxy_done(ctx: Ctx, a: dict) -> Screen:
    from bot.handlers.coordinator_votes import ManageVotes

    if a["confirm"] != "record":
        return ctx.screen(ctx._("기록하지 않았어요."), back=ManageVotes())
    await cast_proxy_ballot(
        ctx.uow, ctx.clock, ctx.membership, a["vote_id"], a["building"], a["unit"], a["option"]
    )
    text = ctx._("{b}동 {u}호의 표를 대리 투표로 기록했어요. 감사 기록에 남았어요.",
                 b=a["building"], u=a["unit"])  # fmt: skip
    return ctx.screen(text, back=ManageVotes())


proxy_dialog = Dialog(
    "vote.proxy",
    [
        Step("building", prompt=lambda ctx, a: ctx._("도움을 요청한 세대는 몇 동인가요?"),
             expect=Expect.TEXT, parse=_part("동")),
        Step("unit", prompt=lambda ctx, a: ctx._("몇 호인가요?"), expect=Expect.TEXT,
             parse=_part("호")),
        Step("option", prompt=lambda ctx, a: ctx._("세대가 고른 것을 눌러 주세요."),
             choices=lambda ctx, a: [Choice(f"{i + 1}. {o}", i)
                                     for i, o in enumerate(a["_options"])]),
        Step("confirm", prompt=lambda ctx, a: ctx._(
                 "{b}동 {u}호: '{o}'. 세대가 직접 요청했나요? 대리 투표로 기록할까요?",
                 b=a["building"], u=a["unit"], o=a["_options"][a["option"]]),
             choices=lambda ctx, a: [Choice(ctx._("기록"), "record", once=True),
                                     Choice(ctx._("취소"), "cancel")]),
    ],
    on_done=_proxy_done,
)  # fmt: skip

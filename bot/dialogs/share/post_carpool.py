"""카풀 올리기: 출발지, 도착지, 시각, 인원, 비용 — buttons first, typing understood.

A quick pick ("지난번처럼", or a common route of the complex: carpool_quick) answers the
whole ride in one tap and goes to the summary. The time is ONE screen of common times plus
다른 시간 (carpool_when); "내일 오전 8시" or "12/3 18:30" typed there answers it too. Only
future times are offered; the destination list leaves out the place of departure; 실비 분담
is offered only when a paid ride may leave then (a 평일 that is not a public holiday, 07–09
or 18–20). A typed past time, zero or seven seats, a place over 50 characters or the same
place twice is explained, naming why, and asked again.

```mermaid
flowchart TD
    S[공유마켓 → 카풀 → 글 올리기] --> A[해드려요: 태워 드려요 / 구해요: 태워 주세요]
    A --> Q[자주 가는 길: 지난번처럼 … / 단지의 자주 가는 길 / 직접 고르기 — 있을 때만]
    Q -->|고른 길| K
    Q -->|직접 고르기| O
    A --> O[출발지: 단지 정문 동탄역 … 또는 적기] --> D[도착지: 출발지 빼고]
    D --> W[시각 한 화면: 오늘 오후 6시 / 내일 오전 8시 / 내일 오후 6시 / 다른 시간]
    W -->|시각 고름·적음| N
    W -->|다른 시간| WD[날짜] --> B[시간대: 아침 5~8시 … 밤 9~11시]
    B --> H[시: 미래의 시각만] --> M[분: 00 15 30 45]
    M --> N[인원 1–6]
    N --> C[비용: 무료 / 실비 분담 — 실비는 평일 07–09·18–20, 공휴일 아닐 때만 보여요]
    C -->|실비 분담| P[금액]
    C -->|무료| RP[평일마다 반복할까요? 한 번만 / 평일마다 반복]
    P --> RP --> T[덧붙일 말 / 건너뛰기] --> K[확인: 올리기 한 번만 / 취소]
    K -->|올리기| R[post_carpool → 30분 전 알림, 출발 때 마감 예약]
    R -->|반복| NX[마감 작업이 다음 평일 카풀을 올림, 공휴일은 건너뜀, 마감·삭제하면 멈춤]
    W & H & M & N & C & P & RP & T & K -->|이전 / 처음으로| X[앞 질문 / 처음 메뉴, 임시 저장]
```
"""

from __future__ import annotations

from bot.dialogs.share.carpool_choices import (
    cost_choices,
    cost_prompt,
    destination_choices,
    parse_destination,
    place_choices,
)
from bot.dialogs.share.carpool_quick import QUICK_STEP
from bot.dialogs.share.carpool_when import TIME_STEPS, departure, paid_refusal
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.engine.fields import text_limit, won_amount
from bot.handlers.share.actions import POST_CARPOOL, OpenCarpool, OpenListing
from bot.screens import Expect, Screen
from core.share.carpool import NewRide, post_carpool
from core.share.model import MAX_PLACE, MAX_RIDE_PRICE, MAX_SEATS, MAX_TEXT, Side, id_of


def _parse_seats(ctx: Ctx, text: str, a: dict) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or not 1 <= int(digits) <= MAX_SEATS:
        raise Invalid(ctx._("인원은 1명부터 {max}명까지예요. 숫자로 골라 주세요.", max=MAX_SEATS))
    return int(digits)


def _parse_amount(ctx: Ctx, text: str, a: dict) -> int:
    amount = won_amount(ctx, text, MAX_RIDE_PRICE)
    refusal = paid_refusal(ctx, a)  # a weekend, a public holiday or outside 07–09 / 18–20
    if refusal:
        raise Invalid(refusal)
    return amount


def _summary(ctx: Ctx, a: dict) -> str:
    side = ctx._("태워 드려요") if a["side"] == Side.OFFER else ctx._("태워 주세요")
    price = (
        ctx._("무료")
        if not a.get("amount")
        else ctx._("기름값 나누기 {amount}", amount=ctx.t.won(a["amount"]))
    )
    lines = [
        ctx._("[카풀 확인] {side}", side=side),
        ctx._("{origin} → {destination}", origin=a["origin"], destination=a["destination"]),
        ctx._("출발: {when}", when=ctx.t.datetime(departure(ctx, a))),
        ctx._("인원: {n}명", n=a["seats"]),
        ctx._("비용: {price}", price=price),
    ]
    if a.get("repeat"):
        lines.append(ctx._("반복: 평일마다 (월~금, 공휴일 빼고)"))
    if a.get("note"):
        lines.append(ctx._("덧붙인 말: {text}", text=a["note"]))
    lines.append(ctx._("이대로 올릴까요?"))
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "cancel":
        return (await ctx.home()).with_notices(ctx._("카풀 올리기를 취소했어요."))
    new = NewRide(
        side=a["side"],
        origin=a["origin"],
        destination=a["destination"],
        departs_at=departure(ctx, a),
        seats=a["seats"],
        price=a.get("amount") or 0,
        details=a.get("note", ""),
        repeat=bool(a.get("repeat")),
    )
    listing = await post_carpool(ctx.uow, ctx.clock, ctx.membership, new, ctx.services.holidays)
    text = ctx._("카풀을 올렸어요. 출발 30분 전에 알려 드릴게요.")
    if listing.side == Side.OFFER:
        text += "\n" + ctx._("같이 타겠다는 신청이 오면 바로 알려 드릴게요.")
    return ctx.screen(
        text,
        ctx.button(ctx._("글 보기"), OpenListing(id_of(listing))),
        ctx.button(ctx._("카풀 목록"), OpenCarpool()),
    )


dialog = Dialog(
    POST_CARPOOL,
    [
        Step(
            "side",
            prompt=lambda ctx, a: ctx._("운전해서 태워 드리나요, 타고 갈 차를 구하나요?"),
            choices=lambda ctx, a: [
                Choice(ctx._("태워 드려요 (해드려요)"), Side.OFFER.value),
                Choice(ctx._("태워 주세요 (구해요)"), Side.REQUEST.value),
            ],
            # already said when the dialog was started from 카풀 태워 드려요 / 구해요
            skip=lambda ctx, a: bool(a.get("_side_given")),
        ),
        QUICK_STEP,
        Step(
            "origin",
            prompt=lambda ctx, a: ctx._("어디에서 출발하나요? 버튼을 누르거나 짧게 적어 주세요."),
            expect=Expect.TEXT,
            choices=place_choices,
            parse=text_limit(MAX_PLACE),
            placeholder=lambda ctx: ctx._("예: 102동 앞"),
        ),
        Step(
            "destination",
            prompt=lambda ctx, a: ctx._("어디로 가나요? 버튼을 누르거나 짧게 적어 주세요."),
            expect=Expect.TEXT,
            choices=destination_choices,
            parse=parse_destination,
            placeholder=lambda ctx: ctx._("예: 동탄역"),
        ),
        *TIME_STEPS,
        Step(
            "seats",
            prompt=lambda ctx, a: (
                ctx._("몇 명 태울 수 있나요?")
                if a.get("side") == Side.OFFER
                else ctx._("몇 명이 타나요?")
            ),
            expect=Expect.NUMBER,
            choices=lambda ctx, a: [
                Choice(ctx._("{n}명", n=n), n) for n in range(1, MAX_SEATS + 1)
            ],
            parse=_parse_seats,
        ),
        Step(
            "cost",
            prompt=cost_prompt,
            choices=cost_choices,
        ),
        Step(
            "amount",
            prompt=lambda ctx, a: ctx._("한 사람이 낼 기름값을 원 단위 숫자로 적어 주세요."),
            expect=Expect.NUMBER,
            choices=lambda ctx, a: [Choice(ctx._("무료로 할게요"), 0)],
            parse=_parse_amount,
            skip=lambda ctx, a: a.get("cost") != "paid",
            follow_up=True,
            placeholder=lambda ctx: ctx._("예: 3000"),
        ),
        Step(
            "repeat",
            prompt=lambda ctx, a: ctx._(
                "평일마다 반복할까요? 반복하면 차가 떠날 때 다음 평일 같은 시각의 카풀이 새로 "
                "올라가요. 공휴일은 건너뛰어요. 마감하거나 지우면 멈춰요."
            ),
            choices=lambda ctx, a: [
                Choice(ctx._("한 번만"), False),
                Choice(ctx._("평일마다 반복"), True),
            ],
        ),
        Step(
            "note",
            prompt=lambda ctx, a: ctx._(
                "덧붙일 말이 있으면 적어 주세요. (예: 트렁크에 짐 하나 실을 수 있어요) "
                "없으면 '건너뛰기'를 눌러 주세요."
            ),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            parse=text_limit(MAX_TEXT),
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("올리기"), "submit", once=True),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
    ],
    on_done=_done,
)

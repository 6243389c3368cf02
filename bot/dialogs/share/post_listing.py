"""돌봄·육아·간병·등하교·물품·재능 글 올리기: one dialog for every kind but 카풀, asking only
what the kind needs — 해드려요/구해요, 제목, 언제 (한 번 또는 매주), 어디, 누구 (care kinds:
the age, never a name), 비용 (무료 or won), 덧붙일 말, 사진 (goods only, one, optional),
then 올리기.

```mermaid
flowchart TD
    S[공유마켓 → 돌봄·나눔 보기 → 종류 → 글 올리기] --> A[해드려요 / 구해요]
    A --> T[제목, 50자까지] --> W[언제: 버튼 또는 적기, 100자까지]
    W --> P[어디: 우리 단지 안 / 적기] --> O{돌봄 종류?}
    O -->|돌봄 육아 간병 등하교| U[누구: 나이 등, 이름은 적지 않기]
    O -->|물품 재능| C
    U --> C[비용: 무료 / 금액 적기]
    C --> D[자세한 내용 500자 / 건너뛰기] --> G{물품?}
    G -->|물품 나눔·대여| F[물건 사진 한 장 / 건너뛰기]
    F -->|사진 아님, 10MB 넘음, 두 장 이상| F
    G -->|그 밖의 종류| K
    F --> K[확인: 올리기 한 번만 / 취소]
    K -->|올리기| R[post_listing]
    A & T & W & P & U & C & D & F & K -->|이전 / 처음으로| X[앞 질문 / 처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.share.listing_photo import photo_line, photo_step
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.engine.fields import text_limit, won_amount
from bot.handlers.share.actions import POST_LISTING, OpenKind, OpenListing
from bot.handlers.share.words import kind_word
from bot.screens import Expect, Screen
from core.share.listings import NewListing, post_listing
from core.share.model import (
    CARE_KINDS,
    MAX_PLACE,
    MAX_PRICE,
    MAX_TEXT,
    MAX_TITLE,
    MAX_WHEN,
    MAX_WHO,
    Side,
    id_of,
)


def _price(ctx: Ctx, text: str, a: dict) -> int:
    if "무료" in text:
        return 0
    return won_amount(ctx, text, MAX_PRICE)


def _summary(ctx: Ctx, a: dict) -> str:
    side = ctx._("해드려요") if a["side"] == Side.OFFER else ctx._("구해요")
    price = ctx.t.won(a["price"]) if a.get("price") else ctx._("무료")
    lines = [
        ctx._("[{kind} 글 확인] {side}", kind=kind_word(ctx.t, a["kind"]), side=side),
        ctx._("제목: {title}", title=a["title"]),
        ctx._("언제: {when}", when=a["when"]),
        ctx._("어디: {place}", place=a["place"]),
    ]
    if a.get("who"):
        lines.append(ctx._("누구: {who}", who=a["who"]))
    lines.append(ctx._("비용: {price}", price=price))
    if a.get("details"):
        lines.append(ctx._("내용: {text}", text=a["details"]))
    lines += photo_line(ctx, a)
    lines.append(ctx._("이대로 올릴까요?"))
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "cancel":
        return (await ctx.home()).with_notices(ctx._("글 올리기를 취소했어요."))
    new = NewListing(
        kind=a["kind"],
        side=a["side"],
        title=a["title"],
        when_text=a["when"],
        place=a["place"],
        who=a.get("who", ""),
        details=a.get("details", ""),
        price=a.get("price") or 0,
        photo=a.get("photo") or None,
    )
    listing = await post_listing(ctx.uow, ctx.clock, ctx.membership, new)
    return ctx.screen(
        ctx._("글을 올렸어요. 이웃이 연락하면 알려 드릴게요."),
        ctx.button(ctx._("글 보기"), OpenListing(id_of(listing))),
        ctx.button(ctx._("목록 보기"), OpenKind(listing.kind)),
    )


def _no_names(ctx: Ctx, text: str, a: dict) -> str:
    text = text_limit(MAX_WHO)(ctx, text, a)
    if any(word in text for word in ("이름", "성함")):
        raise Invalid(ctx._("이름은 적지 말아 주세요. 나이나 필요한 도움만 적어 주세요."))
    return text


dialog = Dialog(
    POST_LISTING,
    [
        Step(
            "side",
            prompt=lambda ctx, a: ctx._(
                "[{kind}] 해 드리나요, 구하나요?", kind=kind_word(ctx.t, a["kind"])
            ),
            choices=lambda ctx, a: [
                Choice(ctx._("해드려요"), Side.OFFER.value),
                Choice(ctx._("구해요"), Side.REQUEST.value),
            ],
        ),
        Step(
            "title",
            prompt=lambda ctx, a: ctx._("제목을 짧게 적어 주세요."),
            expect=Expect.TEXT,
            parse=text_limit(MAX_TITLE),
            placeholder=lambda ctx: ctx._("예: 평일 오후 아이 돌봐 드려요"),
        ),
        Step(
            "when",
            prompt=lambda ctx, a: ctx._(
                "언제인가요? 한 번이면 날짜를, 매주라면 요일과 시간을 적어 주세요."
            ),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [
                Choice(ctx._("평일 낮"), ctx._("평일 낮")),
                Choice(ctx._("평일 저녁"), ctx._("평일 저녁")),
                Choice(ctx._("주말"), ctx._("주말")),
                Choice(ctx._("시간 맞춰요"), ctx._("시간 맞춰요")),
            ],
            parse=text_limit(MAX_WHEN),
            placeholder=lambda ctx: ctx._("예: 매주 화·목 오후 3~6시"),
        ),
        Step(
            "place",
            prompt=lambda ctx, a: ctx._("어디에서인가요? 버튼을 누르거나 짧게 적어 주세요."),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [
                Choice(ctx._("우리 단지 안"), ctx._("우리 단지 안")),
                Choice(ctx._("집으로 방문"), ctx._("집으로 방문")),
            ],
            parse=text_limit(MAX_PLACE),
        ),
        Step(
            "who",
            prompt=lambda ctx, a: ctx._(
                "누구를 돕나요? 나이 같은 것만 적고 이름은 적지 말아 주세요. (예: 7살 아이)"
            ),
            expect=Expect.TEXT,
            parse=_no_names,
            skip=lambda ctx, a: a.get("kind") not in CARE_KINDS,
        ),
        Step(
            "price",
            prompt=lambda ctx, a: ctx._(
                "비용이 있나요? 무료면 버튼을, 있으면 금액을 적어 주세요."
            ),
            expect=Expect.NUMBER,
            choices=lambda ctx, a: [Choice(ctx._("무료"), 0)],
            parse=_price,
            placeholder=lambda ctx: ctx._("예: 10000"),
        ),
        Step(
            "details",
            prompt=lambda ctx, a: ctx._(
                "자세한 내용을 적어 주세요. 없으면 '건너뛰기'를 눌러 주세요. (500자까지)"
            ),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            parse=text_limit(MAX_TEXT),
        ),
        photo_step(),
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

"""내 글 → 고치기: the poster picks what to change — 제목, 언제, 어디, 비용 or 내용 — and writes
the new value, checked as when posting (the same limits, "무료" or won). A carpool's route,
time, seats and cost stay as posted (passengers booked on them): only its 내용 changes.
A goods listing (물품 나눔·대여) can also change its 사진: a new one, or 사진 빼기.

```mermaid
flowchart TD
    E[내 글 → 고치기] --> O{카풀?}
    O -->|아니요| F[무엇을: 제목 / 언제 / 어디 / 비용 / 내용 / 사진: 물품만]
    O -->|예| V
    F --> V[새 값: 버튼 또는 적기] --> D[edit_listing → 글 보기]
    F -->|사진| P[새 사진 한 장 / 사진 빼기] --> D
    P -->|사진 아님, 10MB 넘음, 두 장 이상| P
    F & V & P -->|이전 / 처음으로| Z[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.share.listing_photo import new_photo_step
from bot.dialogs.share.post_listing import _price
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.engine.fields import text_limit
from bot.handlers.share.actions import EDIT, OpenListing
from bot.i18n import N_
from bot.screens import Expect, Screen
from core.share import listings
from core.share.model import MAX_PLACE, MAX_TEXT, MAX_TITLE, MAX_WHEN, Kind

FIELDS = (
    ("title", N_("제목")),
    ("when_text", N_("언제")),
    ("place", N_("어디")),
    ("price", N_("비용")),
    ("details", N_("내용")),
    ("photo", N_("사진")),  # goods only
)
PROMPTS = {
    "title": N_("새 제목을 적어 주세요. ({limit}자까지)"),
    "when_text": N_("언제인가요? 새로 적어 주세요. ({limit}자까지)"),
    "place": N_("어디에서인가요? 새로 적어 주세요. ({limit}자까지)"),
    "price": N_("비용이 있나요? 무료면 버튼을, 있으면 금액을 적어 주세요."),
    "details": N_("새 내용을 적어 주세요. ({limit}자까지)"),
}
LIMITS = {"title": MAX_TITLE, "when_text": MAX_WHEN, "place": MAX_PLACE, "details": MAX_TEXT}


def _field(a: dict) -> str:
    return "details" if a.get("kind") == Kind.CARPOOL else a.get("field", "details")


def _parse(ctx: Ctx, text: str, a: dict):
    field = _field(a)
    if field == "price":
        return _price(ctx, text, a)
    return text_limit(LIMITS[field])(ctx, text, a)


async def _edit(ctx: Ctx, a: dict) -> Screen:
    field = _field(a)
    value = a["photo"] if field == "photo" else a["value"]
    await listings.edit_listing(ctx.uow, ctx.clock, ctx.membership, a["listing_id"], field, value)
    return ctx.screen(
        ctx._("글을 고쳤어요."), ctx.button(ctx._("글 보기"), OpenListing(a["listing_id"]))
    )


dialog = Dialog(
    EDIT,
    [
        Step(
            "field",
            prompt=lambda ctx, a: ctx._("무엇을 고칠까요?"),
            choices=lambda ctx, a: [
                Choice(ctx._(label), name)
                for name, label in FIELDS
                if name != "photo" or a.get("kind") == Kind.GOODS
            ],
            skip=lambda ctx, a: a.get("kind") == Kind.CARPOOL,
        ),
        Step(
            "value",
            prompt=lambda ctx, a: ctx._(PROMPTS[_field(a)], limit=LIMITS.get(_field(a), 0)),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("무료"), 0)] if _field(a) == "price" else [],
            parse=_parse,
            skip=lambda ctx, a: _field(a) == "photo",
            follow_up=True,  # asked only after some answers: no change of total
        ),
        new_photo_step(skip=lambda ctx, a: _field(a) != "photo"),
    ],
    on_done=_edit,
)

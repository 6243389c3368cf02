"""A vendor adds a product (name → price → unit → stock → photo → description → 올리기) or
changes one field of it (무엇을 → new value). Photos go through the media port.

```mermaid
flowchart TD
    A[내 가게 → 상품 추가] --> N[이름] --> P[가격: 숫자] --> U[단위: 버튼 또는 적기]
    U --> S[재고: 숫자] --> F[사진 또는 건너뛰기] --> D[설명 또는 건너뛰기]
    D --> K[확인: 올리기 (한 번만) / 그만두기] -->|올리기| R[add_product → 내 상품]
    E[내 상품 → 수정] --> W[무엇을: 이름 가격 재고 설명 판매 중지/재개]
    W --> V[새 값] --> X[edit_product]
    P & S & V -->|숫자 아님, 범위 밖| P & S & V
    N & P & U & S & F & D & K & W & V -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.shop.order import _whole
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.shop.actions import (
    ADD_PRODUCT_DIALOG,
    EDIT_PRODUCT_DIALOG,
    AddProduct,
    VendorMenu,
    VendorProducts,
)
from bot.screens import Expect, Photo, Screen
from core.media import MAX_PHOTO_BYTES, sniff_image
from core.shop.model import MAX_DESCRIPTION, MAX_NAME, MAX_PRICE, MAX_STOCK, MAX_UNIT
from core.shop.vendors import NewProduct, add_product, edit_product

UNITS = ("1개", "1kg", "1봉", "1박스")


def text_of(limit: int):
    def parse(ctx: Ctx, text: str, a: dict) -> str:
        text = " ".join(text.split())
        if not text or len(text) > limit:
            raise Invalid(ctx._("{limit}자 안으로 적어 주세요.", limit=limit))
        return text

    return parse


def number_in(low: int, high: int):
    def parse(ctx: Ctx, text: str, a: dict) -> int:
        n = _whole(ctx, text.replace("원", ""))
        if not low <= n <= high:
            raise Invalid(ctx._("{low}부터 {high}까지의 숫자로 적어 주세요.", low=low, high=high))
        return n

    return parse


async def store_photo(ctx: Ctx, photos: tuple[Photo, ...], a: dict) -> str:
    if len(photos) != 1:
        raise Invalid(ctx._("사진은 한 장만 보내 주세요."))
    data = photos[0].data
    kind = sniff_image(data)
    if len(data) > MAX_PHOTO_BYTES or kind is None:
        raise Invalid(ctx._("10MB보다 작은 사진 파일을 보내 주세요."))
    return await ctx.services.media.put(data, kind)


def _summary(ctx: Ctx, a: dict) -> str:
    lines = [
        ctx._("[상품 확인]"),
        ctx._(
            "{name} · {price} / {unit}",
            name=a["name"],
            price=ctx.t.won(a["price"]),
            unit=a["unit"],
        ),
        ctx._("재고: {n}", n=a["stock"]),
        ctx._("사진: 있음") if a.get("photo") else ctx._("사진: 없음"),
    ]
    if a.get("description"):
        lines.append(a["description"])
    lines.append(ctx._("이대로 올릴까요?"))
    return "\n".join(lines)


async def _added(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "go":
        return ctx.screen(ctx._("상품 올리기를 그만뒀어요."), back=VendorMenu())
    new = NewProduct(
        a["name"], a["price"], a["unit"], a["stock"], a.get("description", ""), a.get("photo", "")
    )
    product = await add_product(ctx.uow, ctx.clock, ctx.membership, new)
    return ctx.screen(
        ctx._("'{name}'을(를) 올렸어요. 이웃들이 알뜰쇼핑에서 볼 수 있어요.", name=product.name),
        ctx.button(ctx._("내 상품"), VendorProducts()),
        ctx.button(ctx._("상품 추가"), AddProduct()),
        back=VendorMenu(),
    )


add_dialog = Dialog(
    ADD_PRODUCT_DIALOG,
    [
        Step(
            "name",
            lambda ctx, a: ctx._("상품 이름을 적어 주세요."),
            Expect.TEXT,
            parse=text_of(MAX_NAME),
            placeholder=lambda ctx: ctx._("예: 햇사과"),
        ),
        Step(
            "price",
            lambda ctx, a: ctx._("한 단위 가격은 얼마인가요? 숫자로 적어 주세요."),
            Expect.NUMBER,
            parse=number_in(1, MAX_PRICE),
        ),
        Step(
            "unit",
            lambda ctx, a: ctx._("파는 단위를 골라 주거나 적어 주세요."),
            Expect.TEXT,
            choices=lambda ctx, a: [Choice(u, u) for u in UNITS],
            parse=text_of(MAX_UNIT),
        ),
        Step(
            "stock",
            lambda ctx, a: ctx._("지금 몇 개 팔 수 있나요?"),
            Expect.NUMBER,
            parse=number_in(0, MAX_STOCK),
        ),
        Step(
            "photo",
            lambda ctx, a: ctx._("상품 사진을 보내 주세요. 없으면 '건너뛰기'를 눌러 주세요."),
            Expect.PHOTO,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            photo=store_photo,
        ),
        Step(
            "description",
            lambda ctx, a: ctx._("짧은 설명을 적어 주세요. 없으면 '건너뛰기'를 눌러 주세요."),
            Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            parse=text_of(MAX_DESCRIPTION),
        ),
        Step(
            "confirm",
            _summary,
            choices=lambda ctx, a: [
                Choice(ctx._("올리기"), "go", once=True),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ],
    on_done=_added,
)

FIELDS = {
    "name": (lambda ctx: ctx._("이름"), Expect.TEXT, text_of(MAX_NAME)),
    "price": (lambda ctx: ctx._("가격"), Expect.NUMBER, number_in(1, MAX_PRICE)),
    "stock": (lambda ctx: ctx._("재고"), Expect.NUMBER, number_in(0, MAX_STOCK)),
    "description": (lambda ctx: ctx._("설명"), Expect.TEXT, text_of(MAX_DESCRIPTION)),
}


def _value_parse(ctx: Ctx, text: str, a: dict):
    return FIELDS[a["field"]][2](ctx, text, a)


async def _edited(ctx: Ctx, a: dict) -> Screen:
    field, value = a["field"], a.get("value")
    if field in ("stop", "resume"):
        field, value = "active", field == "resume"
    product = await edit_product(ctx.uow, ctx.membership, a["_product_id"], field, value)
    return ctx.screen(
        ctx._("'{name}'을(를) 고쳤어요.", name=product.name),
        ctx.button(ctx._("내 상품"), VendorProducts()),
        back=VendorMenu(),
    )


edit_dialog = Dialog(
    EDIT_PRODUCT_DIALOG,
    [
        Step(
            "field",
            lambda ctx, a: ctx._("'{name}'의 무엇을 고칠까요?", name=a["_name"]),
            choices=lambda ctx, a: [
                *(Choice(word(ctx), key) for key, (word, _, _) in FIELDS.items()),
                Choice(ctx._("판매 중지"), "stop"),
                Choice(ctx._("판매 다시 하기"), "resume"),
            ],
        ),
        Step(
            "value",
            lambda ctx, a: ctx._("새 {what}을(를) 적어 주세요.", what=FIELDS[a["field"]][0](ctx)),
            Expect.TEXT,
            parse=_value_parse,
            skip=lambda ctx, a: a.get("field") not in FIELDS,
            follow_up=True,  # asked only after some answers: no change of total
        ),
    ],
    on_done=_edited,
)

DIALOGS = (add_dialog, edit_dialog)

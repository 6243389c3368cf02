"""고장 신고's "무슨 일인가요?": description buttons per category, so that nobody has to type.

A button answers more than the description when its words say it: where it happened (우리
집, or a common place such as 우리 동 승강기, named after the resident's 동) and, for the
categories where 급함 applies, how urgent it is ("물이 많이 새요" is urgent, "천장에서 물이
떨어져요" is not). The questions it answered are then not asked; the summary shows every
answer and 수정 changes any of them. Typing, photos and 건너뛰기 (the category alone says
what it is) stay possible; after them 어디·급한 정도 are asked as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.engine.context import Ctx
from bot.engine.dialog import Choice
from bot.i18n import N_
from core.defects.model import Category, Where

ALWAYS_COMMON = frozenset({Category.ELEVATOR, Category.COMMON})  # never inside a home


@dataclass(frozen=True)
class Described:
    text: str  # marked with N_; the translated words become the report's description
    where: str | None = None  # None: asked (우리 집 / 공용부)
    urgent: bool | None = None  # None: asked (only where 급함 applies)
    place: str = ""  # a common place, "{building}" being the resident's 동 ("" : asked)


DESCRIPTIONS: dict[str, tuple[Described, ...]] = {
    Category.LEAK: (
        Described(N_("물이 많이 새요"), Where.HOME, True),
        Described(N_("천장에서 물이 떨어져요"), Where.HOME, False),
        Described(N_("배수구가 막혔어요"), Where.HOME, False),
    ),
    Category.ELECTRIC: (
        Described(N_("집 전기가 나갔어요"), Where.HOME, True),
        Described(N_("콘센트가 안 돼요"), Where.HOME, False),
        Described(N_("복도 불이 꺼졌어요"), Where.COMMON, False, N_("{building}동 복도")),
    ),
    Category.HEATING: (
        Described(N_("난방이 안 돼요"), Where.HOME, True),
        Described(N_("온수가 안 나와요"), Where.HOME, True),
        Described(N_("보일러 소리가 나요"), Where.HOME, False),
    ),
    Category.ELEVATOR: (
        Described(N_("멈췄어요"), Where.COMMON, True, N_("{building}동 승강기")),
        Described(N_("문이 안 열려요"), Where.COMMON, True, N_("{building}동 승강기")),
        Described(N_("소리가 나요"), Where.COMMON, False, N_("{building}동 승강기")),
    ),
    Category.COMMON: (
        Described(N_("복도 전등이 나갔어요"), Where.COMMON, None, N_("{building}동 복도")),
        Described(N_("공동현관 문이 고장 났어요"), Where.COMMON, None, N_("{building}동 현관")),
        Described(N_("놀이터·주차장이 고장 났어요"), Where.COMMON),
    ),
    Category.OTHER: (),
}
SKIPPED = {"text": ""}  # 건너뛰기: the category alone says what it is


def description_choices(ctx: Ctx, a: dict) -> list[Choice]:
    """The category's description buttons, then 건너뛰기."""
    building = a.get("_building", "")
    choices = []
    for d in DESCRIPTIONS.get(a.get("category", ""), ()):
        value: dict[str, Any] = {"text": ctx._(d.text)}
        if d.where is not None:
            value["where"] = d.where
        if d.urgent is not None:
            value["urgent"] = d.urgent
        if d.place and building:
            value["place"] = ctx._(d.place, building=building)
        choices.append(Choice(ctx._(d.text), value))
    choices.append(Choice(ctx._("건너뛰기"), dict(SKIPPED)))
    return choices


def _said(a: dict, key: str) -> Any:
    what = a.get("what")
    return what.get(key) if isinstance(what, dict) else None


def where_of(a: dict) -> str | None:
    """우리 집 / 공용부: answered, said by the description, or fixed by the category."""
    if a.get("where"):
        return str(a["where"])
    said = _said(a, "where")
    if said:
        return str(said)
    return Where.COMMON.value if a.get("category") in ALWAYS_COMMON else None


def place_of(a: dict) -> str:
    return str(a.get("place") or _said(a, "place") or "")


def urgent_of(a: dict) -> bool:
    if "urgent" in a:
        return bool(a["urgent"])
    return bool(_said(a, "urgent"))


def said(a: dict, key: str) -> bool:
    """The description button already answered `key` (where, place, urgent)."""
    return _said(a, key) is not None


def forget(a: dict, *keys: str) -> dict:
    """The answers with what the description said about `keys` taken back (for 수정)."""
    what = a.get("what")
    if isinstance(what, dict):
        a = {**a, "what": {k: v for k, v in what.items() if k not in keys}}
    return a

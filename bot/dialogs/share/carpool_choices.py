"""카풀 올리기's place and cost questions: the complex's places as buttons, never the place of
departure as the destination (from ≠ to, also refused in core), and 실비 분담 offered only when
a paid ride may leave at the chosen time (core's `paid_ride_refusal`), saying why it is not."""

from __future__ import annotations

from bot.dialogs.share.carpool_when import paid_refusal
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Invalid
from bot.engine.fields import text_limit
from bot.handlers.share.words import LEGAL_NOTE
from core.share.model import MAX_PLACE
from core.share.quick import same_place


def place_choices(ctx: Ctx, a: dict) -> list[Choice]:
    return [Choice(place, place) for place in ctx.services.config.share.places]


def destination_choices(ctx: Ctx, a: dict) -> list[Choice]:
    """The places, without the place of departure (from ≠ to)."""
    origin = a.get("origin", "")
    return [c for c in place_choices(ctx, a) if not same_place(c.value, origin)]


def parse_destination(ctx: Ctx, text: str, a: dict) -> str:
    place = text_limit(MAX_PLACE)(ctx, text, a)
    if same_place(place, a.get("origin", "")):
        raise Invalid(ctx._("출발지와 도착지가 같아요. 다른 도착지를 골라 주세요."))
    return place


def cost_choices(ctx: Ctx, a: dict) -> list[Choice]:
    """무료, and 실비 분담 only when a paid ride may leave at the chosen time."""
    choices = [Choice(ctx._("무료"), "free")]
    if paid_refusal(ctx, a) is None:
        choices.append(Choice(ctx._("기름값 나누기"), "paid"))
    return choices


def cost_prompt(ctx: Ctx, a: dict) -> str:
    text = ctx._("비용은 어떻게 할까요?") + "\n" + ctx._(LEGAL_NOTE)
    if paid_refusal(ctx, a) is not None:
        text += "\n" + ctx._("이 시간에는 무료로만 올릴 수 있어요.")
    return text

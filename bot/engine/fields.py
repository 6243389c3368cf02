"""Answer checks shared by the dialogs: free text within a limit, an amount in won, a 동 or 호.
Each raises Invalid with a plain Korean message, so the same question is asked again."""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Invalid
from core.identity.admin import BUILDING


def text_limit(limit: int):
    """A step's parse: the text, not empty and at most `limit` characters."""

    def parse(ctx: Ctx, text: str, a: dict) -> str:
        if not text:
            raise Invalid(ctx._("내용을 적어 주세요."))
        if len(text) > limit:
            raise Invalid(
                ctx._("{limit}자까지 적을 수 있어요. 조금 줄여서 다시 적어 주세요.", limit=limit)
            )
        return text

    return parse


def won_amount(ctx: Ctx, text: str, limit: int) -> int:
    """The digits of `text` as won, 1 to `limit`."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or not 1 <= int(digits) <= limit:
        raise Invalid(
            ctx._(
                "금액은 1원부터 {limit}까지 숫자로 적어 주세요. (예: 3000)", limit=ctx.t.won(limit)
            )
        )
    return int(digits)


def address_part(suffix: str):
    """A step's parse for 동 ("동") or 호 ("호"): "101동" and "101" both give "101"; the rule
    for what a 동/호 may be is core's (core.identity.admin)."""

    def parse(ctx: Ctx, text: str, answers: dict) -> str:
        value = text.strip().removesuffix(suffix).strip()
        if not BUILDING.match(value):
            raise Invalid(ctx._("숫자나 글자 10자 이내로 적어 주세요 (예: 101, 1203)."))
        return value

    return parse

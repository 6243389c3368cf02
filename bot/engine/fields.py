"""Answer checks shared by the 공유마켓 dialogs: free text within a limit, an amount in won.
Each raises Invalid with a plain Korean message, so the same question is asked again."""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Invalid


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

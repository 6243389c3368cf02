"""카풀 올리기's quick picks: one button that answers the whole ride ("지난번처럼: 내일 오전
8시 · 단지 정문 → 동탄역 · 3자리 · 무료", or one of the complex's common routes), so that
the next screen is the summary with 올리기. The picks come from core.share.quick, computed
when the dialog starts (bot/handlers/share/listings.py) and kept with its answers as
`_picks`; 직접 고르기 asks every question."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.dialogs.share.carpool_when import when_label
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Step
from core.share.model import Side

PICKS = "_picks"


def _fits(pick: dict[str, Any], side: str) -> bool:
    return pick["side"] in ("", side)


def _label(ctx: Ctx, pick: dict[str, Any], side: str) -> str:
    seats = pick["seats"] if side == Side.OFFER else 1
    parts = [
        when_label(ctx, datetime.fromisoformat(pick["at"])),
        ctx._("{origin} → {destination}", origin=pick["origin"], destination=pick["destination"]),
        ctx._("{n}자리", n=seats) if side == Side.OFFER else ctx._("{n}명", n=seats),
        ctx.t.won(pick["price"]) if pick["price"] else ctx._("무료"),
    ]
    text = " · ".join(parts)
    return ctx._("지난번처럼: {ride}", ride=text) if pick["last"] else text


def _answers(pick: dict[str, Any], side: str) -> dict[str, Any]:
    """The answers the pick gives, as if each question had been answered."""
    at = datetime.fromisoformat(pick["at"])
    return {
        "origin": pick["origin"],
        "destination": pick["destination"],
        "day": {"date": at.date().isoformat(), "time": f"{at.hour:02d}:{at.minute:02d}"},
        "seats": pick["seats"] if side == Side.OFFER else 1,
        "cost": "paid" if pick["price"] else "free",
        "amount": pick["price"],
        "repeat": bool(pick["repeat"]),
        "note": "",
    }


def _choices(ctx: Ctx, a: dict) -> list[Choice]:
    side = a.get("side", "")
    shown = [p for p in a.get(PICKS, ()) if _fits(p, side)]
    choices = [Choice(_label(ctx, p, side), _answers(p, side)) for p in shown]
    choices.append(Choice(ctx._("직접 고르기"), {}))
    return choices


def _prompt(ctx: Ctx, a: dict) -> str:
    return ctx._(
        "자주 가는 길이에요. 누르면 바로 확인 화면으로 가요. "
        "다른 길이면 '직접 고르기'를 눌러 주세요."
    )


QUICK_STEP = Step(
    "quick",
    prompt=_prompt,
    choices=_choices,
    fills=True,
    # Not counted: whether there are picks for the side is known once the side is chosen.
    follow_up=True,
    skip=lambda ctx, a: not any(_fits(p, a.get("side", "")) for p in a.get(PICKS, ())),
)

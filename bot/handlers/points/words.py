"""How points read to residents: each ledger entry in plain words ("6/3 로컬푸드 주문 적립
+120"), amounts with their sign, months as "12월분", and the expiry notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time

from bot.handlers.points.actions import MyPoints, PayRent
from bot.handlers.shop.words import kind_word
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.points.events import ExpirySoon
from core.points.model import Kind, Line
from core.shop.words import KIND_BY_WORD

OTHER_KIND = N_("포인트 이동")
KIND_WORDS: dict[str, str] = {
    Kind.REWARD: N_("주문 적립"),
    Kind.REWARD_REVERSAL: N_("환불로 적립 취소"),
    Kind.SPEND: N_("주문에 사용"),
    Kind.SPEND_RETURN: N_("주문 취소로 돌려받음"),
    Kind.RENT: N_("임대료로 냄"),
    Kind.EXPIRE: N_("기한이 지나 사라짐"),
    Kind.COMMON_SPEND: N_("공용 포인트 사용"),
    Kind.REFUND_SETTLEMENT: N_("환불로 적립 취소"),
}
PURCHASES = (
    Kind.REWARD,
    Kind.REWARD_REVERSAL,
    Kind.SPEND,
    Kind.SPEND_RETURN,
    Kind.REFUND_SETTLEMENT,
)


def signed(t: Translator, amount: int) -> str:
    return ("+" if amount > 0 else "-") + t.number(abs(amount))


def points(t: Translator, amount: int) -> str:
    return t._("{n}점", n=t.number(amount))


def month_word(t: Translator, month: str) -> str:
    """ "2026-12" -> "12월분"."""
    return t._("{month}월분", month=int(month[5:]))


def memo_text(t: Translator, memo: str) -> str:
    """A purchase's memo is the shop kind's Korean word ("로컬푸드", kept as written in the
    ledger): shown in the resident's language; a shop's own name stays as it is."""
    return kind_word(t, KIND_BY_WORD[memo]) if memo in KIND_BY_WORD else memo


def line_text(t: Translator, line: Line, *, common: bool = False) -> str:
    """One entry in plain words: date, what it was, the signed amount."""
    word = t._(KIND_WORDS.get(line.kind, OTHER_KIND))
    if line.kind in PURCHASES:
        line = replace(line, memo=memo_text(t, line.memo))
    if line.kind == Kind.RENT:
        what = f"{month_word(t, line.memo)} {word}" if line.memo else word
    elif line.kind == Kind.COMMON_SPEND:
        what = f"{line.memo} ({word})" if line.memo else word
    elif common and line.kind == Kind.REWARD:
        memo_and_word = f"{line.memo} {word}".strip()
        what = t._("이웃 {what}", what=memo_and_word)
    else:
        what = f"{line.memo} {word}".strip()
    when = t.short_day(line.at)
    return f"{when} {what} {signed(t, line.amount)}"


def history_text(t: Translator, lines: list[Line], *, common: bool = False) -> str:
    if not lines:
        return t._("아직 내역이 없어요.")
    return "\n".join(f"· {line_text(t, line, common=common)}" for line in lines)


def expiry_notice(t: Translator, p: ExpirySoon) -> Screen:
    """ "points.expiry_soon": points that will expire, with the way to use them."""
    on = datetime.combine(p.on, time(3), UTC)
    text = t._(
        "[포인트 안내]\n포인트 {amount}점이 {date}에 사라져요. ({days}일 남았어요)\n"
        "그 전에 임대료로 내거나 알뜰쇼핑에서 써 주세요.",
        amount=t.number(p.amount),
        date=t.day(on),
        days=p.days,
    )
    buttons = (
        Button(t._("임대료로 내기"), PayRent().dump()),
        Button(t._("내 포인트"), MyPoints().dump()),
    )
    return Screen(text, buttons=buttons)

"""Universal navigation, available on every screen and understood when typed:
처음으로 (home), 이전 (back), 취소 (cancel), 도움말 (help), and 더보기 (the next page)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action
from bot.i18n import N_


@dataclass(frozen=True)
class Nav(Action, kind="nav"):
    to: str  # home | back | cancel | help | more
    offset: int = 0  # for "more": where the next page starts


# Typed words that mean a universal command (compared without spaces, case-insensitively),
# in every catalog language: the Korean source and its translations are both accepted.
UNIVERSAL_WORDS = {
    "home": (N_("처음으로"), N_("메뉴"), N_("홈")),
    "back": (N_("이전"), N_("뒤로")),
    "cancel": (N_("취소"), N_("그만")),
    "help": (N_("도움말"), N_("도움")),
    "more": (N_("더보기"),),
}


def normalize_words(text: str) -> str:
    return "".join(text.split()).casefold()

"""The home menu's typed actions: a leaf module every feature may import for its 이전 buttons
(back to a section) without importing the home handlers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

VERIFY = "verify"  # dialog: 초대코드 입력
LINK_ACCOUNT = "link_account"  # dialog: 연결 코드 입력


@dataclass(frozen=True)
class OpenSection(Action, kind="home.section"):
    section: str


@dataclass(frozen=True)
class ShowHousehold(Action, kind="home.household"):
    pass


@dataclass(frozen=True)
class StartVerify(Action, kind="home.verify"):
    pass


@dataclass(frozen=True)
class Greet(Action, kind="home.greet"):
    """A typed greeting (안녕하세요): a friendly word, then home."""

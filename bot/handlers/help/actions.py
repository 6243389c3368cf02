"""도움말's typed actions and dialog id: a leaf module the help dialog may import without
importing the handlers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

ALERT_PHONE = "help.alert_phone"  # 알림톡 번호 입력 (bot/dialogs/help/alert_phone.py)


@dataclass(frozen=True)
class HowAlerts(Action, kind="help.alerts"):
    """알림 받는 방법: how this resident's notifications reach them, channel by channel."""


@dataclass(frozen=True)
class AlimtalkConsent(Action, kind="help.alimtalk"):
    """What 알림톡 sends and keeps, before any number is asked."""


@dataclass(frozen=True)
class EnterAlertPhone(Action, kind="help.alimtalk.enter"):
    """The resident agreed: ask the number (the dialog)."""


@dataclass(frozen=True)
class RemoveAlertPhone(Action, kind="help.alimtalk.remove", single_use=True):
    """번호 지우기: the number is deleted."""


@dataclass(frozen=True)
class ToggleEasyMode(Action, kind="help.easy"):
    """쉬운 모드 켜기/끄기, from 도움말 (`origin` "help"), from home ("home") or from the one
    question asked after sign-up ("signup"): each goes back where it came from."""

    on: bool
    origin: str = "help"

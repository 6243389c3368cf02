"""도움말's typed actions and dialog id: a leaf module the help dialog may import without
importing the handlers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

ALERT_PHONE = "help.alert_phone"  # 알림톡 번호 입력 (bot/dialogs/help/alert_phone.py)
MOVED_OUT = "help.moved_out"  # 이사 간 세대 정보 지우기 (bot/dialogs/help/moved_out.py)


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


@dataclass(frozen=True)
class MyData(Action, kind="help.my_data"):
    """내 정보: what the service holds about me, with 내 정보 받기 and 탈퇴하기."""


@dataclass(frozen=True)
class MyCopy(Action, kind="help.my_copy"):
    """내 정보 받기: a link to a copy of it, valid 24 hours."""


@dataclass(frozen=True)
class AskLeave(Action, kind="help.leave"):
    """탈퇴하기: what leaving does, and the second tap that confirms it."""


@dataclass(frozen=True)
class ConfirmLeave(Action, kind="help.leave.confirm", single_use=True):
    """네, 탈퇴할게요: the accounts are unlinked and personal data erased."""


@dataclass(frozen=True)
class StartMovedOut(Action, kind="help.moved_out"):
    """코디네이터 → 이사 간 세대: erase the residents of a household that moved out."""

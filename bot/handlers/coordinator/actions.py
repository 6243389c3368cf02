"""The 코디네이터 menu's typed actions: a leaf every feature may import for its 이전 button
(back to the coordinator menu)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

INVITE = "coordinator.invite"  # dialog: 초대코드 만들기


@dataclass(frozen=True)
class OpenCoordinator(Action, kind="coord.menu"):
    pass


@dataclass(frozen=True)
class StartInvite(Action, kind="coord.invite"):
    pass


@dataclass(frozen=True)
class InviteVendor(Action, kind="coord.vendor"):
    pass


@dataclass(frozen=True)
class OpenDesk(Action, kind="coord.desk"):
    pass

"""포인트's typed actions and dialog ids: a leaf that dialogs, notifications and other
features import for their buttons without importing the points handlers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action
from bot.handlers.identity.actions import OpenSection

RENT_DIALOG = "points.rent"  # 임대료로 내기 (bot/dialogs/points/pay_rent.py)
SPEND_COMMON_DIALOG = "points.spend_common"  # 공용 포인트 쓰기 (spend_common.py)


@dataclass(frozen=True)
class MyPoints(Action, kind="points.mine"):
    pass


@dataclass(frozen=True)
class PayRent(Action, kind="points.rent"):
    pass


@dataclass(frozen=True)
class CommonPoints(Action, kind="points.common"):
    pass


@dataclass(frozen=True)
class CommonProposals(Action, kind="points.proposals"):
    """공용 포인트 → 제안과 투표: what the coordinators proposed and what households decided."""


@dataclass(frozen=True)
class HowToEarn(Action, kind="points.how"):
    pass


@dataclass(frozen=True)
class SpendCommon(Action, kind="points.spend"):
    pass


def back_to_points() -> Action:
    return OpenSection("points")

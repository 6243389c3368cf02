"""고장 신고's typed actions and dialog ids: a leaf the dialogs, the notifications and other
features import (it imports no handler module)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action
from bot.handlers.identity.actions import OpenSection

# The dialogs (bot/dialogs/defects/), started by these names.
FILE = "defect.file"  # 고장 신고
RATE = "defect.rate"  # 평가하기, after the points were tapped
REOPEN = "defect.reopen"  # 다시 신고
HOLD = "defect.hold"  # 보류: until when
REJECT = "defect.reject"  # 반려: why
COMMENT = "defect.comment"  # 댓글 쓰기
BUILDING = "defect.building"  # the queue's 동 typed


def back_to_complex() -> Action:
    """이전 from the residents' screens: the 우리단지 section."""
    return OpenSection("complex")


# Residents: filing, 내 신고 내역, one report, rating and reopening.


@dataclass(frozen=True)
class StartFiling(Action, kind="defect.new"):
    # given when coming back from the list of common reports, or understood from a typed
    # sentence (엘리베이터가 멈췄어요 → elevator): the dialog starts with it chosen
    category: str = ""
    where: str = ""


@dataclass(frozen=True)
class MyReports(Action, kind="defect.mine"):
    offset: int = 0


@dataclass(frozen=True)
class OpenReport(Action, kind="defect.open"):
    report_id: int


@dataclass(frozen=True)
class RateReport(Action, kind="defect.rate"):
    report_id: int


@dataclass(frozen=True)
class RateStars(Action, kind="defect.stars"):
    report_id: int
    stars: int


@dataclass(frozen=True)
class ReopenReport(Action, kind="defect.reopen"):
    report_id: int


# Residents: the complex's open common-area reports and "같은 문제예요".


@dataclass(frozen=True)
class CommonReports(Action, kind="defect.common"):
    offset: int = 0
    category: str = ""  # set when opened from the filing dialog: offer to go on filing


@dataclass(frozen=True)
class SupportReport(Action, kind="defect.support"):
    report_id: int


# Coordinators: one report and its workflow.


@dataclass(frozen=True)
class OpenDefect(Action, kind="coord.defect"):
    report_id: int


@dataclass(frozen=True)
class ChangeStatus(Action, kind="coord.defect.status", single_use=True):
    report_id: int
    target: str


@dataclass(frozen=True)
class AskMore(Action, kind="coord.defect.ask"):
    """보류 (a date), 반려 (a reason) or 댓글 (a text): start the small dialog for it."""

    report_id: int
    dialog: str  # HOLD | REJECT | COMMENT


# Coordinators: the queue and its filters.


@dataclass(frozen=True)
class OpenDefectQueue(Action, kind="coord.defects"):
    status: str = ""  # "" = every open status
    category: str = ""
    building: str = ""
    offset: int = 0


@dataclass(frozen=True)
class PickFilter(Action, kind="coord.defects.pick"):
    what: str  # status | category | building
    current: OpenDefectQueue | None = None


@dataclass(frozen=True)
class TypeBuilding(Action, kind="coord.defects.building"):
    status: str = ""
    category: str = ""


# Coordinators: the monthly summary.


@dataclass(frozen=True)
class AskSummaryMonth(Action, kind="coord.defects.summary"):
    pass


@dataclass(frozen=True)
class ShowSummary(Action, kind="coord.defects.summary.show"):
    months_back: int  # 0 = this month, 1 = last month

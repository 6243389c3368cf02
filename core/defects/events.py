"""What the defect use cases tell people (typed notification payloads): the household hears
of a status change or a coordinator's comment; the complex's coordinators hear of an urgent
report, a reopened one, and a report nobody acknowledged in time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.defects.model import DefectReport
from core.ids import saved
from core.notifications import Notification


@dataclass(frozen=True)
class ReportFacts:
    """The report as every defect notification names it (never the unit number)."""

    report_id: int
    number: str
    category: str
    status: str
    where: str
    place: str
    urgent: bool

    @classmethod
    def of(cls, report: DefectReport) -> ReportFacts:
        return cls(
            report_id=saved(report.id),
            number=report.number,
            category=report.category,
            status=report.status,
            where=report.where,
            place=report.place,
            urgent=report.urgent,
        )


@dataclass(frozen=True)
class StatusChanged(Notification, kind="defect.status"):
    """To the household: the report moved along the workflow (보류 with its date, 반려 with
    its reason)."""

    report: ReportFacts
    reason: str = ""
    hold_until: datetime | None = None


@dataclass(frozen=True)
class CommentAdded(Notification, kind="defect.comment"):
    """To the household: a coordinator left a note on the report."""

    report: ReportFacts
    text: str


@dataclass(frozen=True)
class UrgentFiled(Notification, kind="defect.urgent"):
    """To the coordinators: an urgent report was filed."""

    report: ReportFacts


@dataclass(frozen=True)
class Reopened(Notification, kind="defect.reopened"):
    """To the coordinators: the household reported a completed fix again."""

    report: ReportFacts
    reason: str


@dataclass(frozen=True)
class AckReminder(Notification, kind="defect.ack_reminder"):
    """To the coordinators: nobody acknowledged the report in time."""

    report: ReportFacts

"""What reaches a complex's coordinators about defect reports without them asking: an urgent
report, a reopened one, and the reminder when nobody acknowledged a report in time (the
scheduled job "defect.ack", armed by core when the report is filed or reopened). Each
message has a button that opens the report in the coordinator's view. Messages name the
place kind, never a unit number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.handlers.defects.actions import OpenDefect
from bot.handlers.defects.words import category_word
from bot.i18n import N_, Translator
from bot.scheduler import JobContext
from bot.screens import Button, Screen
from core.defects.events import AckReminder, Reopened, ReportFacts, UrgentFiled
from core.defects.filing import ACK_JOB
from core.defects.handling import remind_unacknowledged
from core.defects.model import Where

if TYPE_CHECKING:
    from bot.app import Services


def _headline(t: Translator, report: ReportFacts) -> str:
    where = (
        t._("함께 쓰는 곳: {place}", place=report.place)
        if report.where == Where.COMMON
        else t._("세대 안")
    )
    urgent = t._(" · 급함") if report.urgent else ""
    kind = category_word(t, report.category)
    return f"{report.number} · {kind}{urgent}\n{where}"


def _open(t: Translator, report: ReportFacts) -> tuple[Button, ...]:
    return (Button(t._("신고 열기"), OpenDefect(report.report_id).dump()),)


def urgent(t: Translator, p: UrgentFiled) -> Screen:
    text = t._(
        "[급한 고장 신고]\n{headline}\n바로 확인해 주세요.", headline=_headline(t, p.report)
    )
    return Screen(text, buttons=_open(t, p.report))


def reopened(t: Translator, p: Reopened) -> Screen:
    text = t._(
        "[다시 접수된 고장 신고]\n{headline}\n"
        "완료했던 신고를 세대가 다시 접수했어요. 사유: {reason}",
        headline=_headline(t, p.report),
        reason=p.reason,
    )
    return Screen(text, buttons=_open(t, p.report))


def ack_reminder(t: Translator, p: AckReminder) -> Screen:
    text = t._(
        "[확인 알림]\n{headline}\n아직 아무도 확인하지 않았어요. "
        "신고를 열어 '확인'을 눌러 주세요.",
        headline=_headline(t, p.report),
    )
    return Screen(text, buttons=_open(t, p.report))


async def remind_ack(job: JobContext) -> None:
    """The "defect.ack" job: remind the coordinators if the report is still 접수. A report
    acknowledged meanwhile, or a repeated firing (the outbox key is per report and reopening),
    sends nothing more."""
    await remind_unacknowledged(job.uow, int(job.payload["report_id"]))


def register(services: Services) -> None:
    """Notification kinds and the job kind; building the engine twice registers once."""
    kinds = services.notifications
    if UrgentFiled not in kinds:
        kinds.register(UrgentFiled, urgent, N_("급한 고장 신고"))
    if Reopened not in kinds:
        kinds.register(Reopened, reopened, N_("다시 연 신고"))
    if AckReminder not in kinds:
        kinds.register(AckReminder, ack_reminder, N_("확인 안 된 신고"))
    services.jobs.register(ACK_JOB, remind_ack)

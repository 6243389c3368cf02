"""Who hears about a report: every member of the household that filed it, or every
coordinator of its complex. Each notification is keyed by its cause, so it is queued once."""

from __future__ import annotations

from core.defects.model import DefectReport
from core.identity.model import Role


def _params(report: DefectReport, extra: dict) -> dict:
    return {
        "report_id": report.id,
        "number": report.number,
        "category": report.category,
        "status": report.status,
        "place": report.place,
        "where": report.where,
        "urgent": report.urgent,
        **extra,
    }


async def notify_household(uow, report: DefectReport, kind: str, *, key: str, **extra) -> None:
    for resident_id in await uow.residents.ids_in_household(report.household_id):
        await uow.notifier.notify(
            resident_id, kind, _params(report, extra), key=key, complex_id=report.complex_id
        )


async def notify_coordinators(uow, report: DefectReport, kind: str, *, key: str, **extra) -> None:
    for resident_id in await uow.roles.holders(Role.COORDINATOR, report.complex_id):
        await uow.notifier.notify(
            resident_id,
            kind,
            _params(report, extra),
            key=key,
            urgent=report.urgent,
            complex_id=report.complex_id,
        )

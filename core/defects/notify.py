"""Who hears about a report: every member of the household that filed it, or every
coordinator of its complex. Each notification is keyed by its cause, so it is queued once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.defects.model import DefectReport
from core.identity.model import Role
from core.notifications import Notification

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def notify_household(
    uow: UnitOfWork, report: DefectReport, payload: Notification, *, key: str
) -> None:
    for resident_id in await uow.residents.ids_in_household(report.household_id):
        await uow.notifier.notify(resident_id, payload, key=key, complex_id=report.complex_id)


async def notify_coordinators(
    uow: UnitOfWork, report: DefectReport, payload: Notification, *, key: str
) -> None:
    for resident_id in await uow.roles.holders(Role.COORDINATOR, report.complex_id):
        await uow.notifier.notify(
            resident_id, payload, key=key, urgent=report.urgent, complex_id=report.complex_id
        )

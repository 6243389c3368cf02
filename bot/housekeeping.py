"""Nightly housekeeping as a scheduled row ("purge.daily", one per night, claimed once by
whichever process's runner gets it; each run arms the next night's):

- residents never verified (a first message creates resident, account and conversation
  rows) and idle for `purge.unverified_days` are deleted with those rows, in batches;
- photo files no row refers to (a dialog gone back or abandoned after its photo) and older
  than `purge.orphan_photo_hours` are deleted. Deleting files cannot roll back, and need
  not: an orphan stays an orphan, and a photo stored again is touched fresh (storage/media).

Every process arms the next run when its scheduler starts; (kind, key) is unique, so they
all arm the same row.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.scheduler import JobContext
from storage.repositories.purge import SqlPurgeRepository

log = logging.getLogger("naechingu.housekeeping")
PURGE_JOB = "purge.daily"
BATCH = 500


def next_night(services, now: datetime) -> datetime:
    """The next `purge.hour` o'clock in the configured time zone, after `now`."""
    zone = ZoneInfo(services.config.i18n.timezone)
    local = now.astimezone(zone)
    at = local.replace(hour=services.config.purge.hour, minute=0, second=0, microsecond=0)
    if at <= local:
        at += timedelta(days=1)
    return at


async def arm_purge(uow, services) -> bool:
    """Arm the next night's run (the same row whoever arms it)."""
    at = next_night(services, services.clock.now())
    return bool(await uow.jobs.at(PURGE_JOB, at.date().isoformat(), at))


async def purge(ctx: JobContext) -> None:
    """The "purge.daily" job: strangers, then orphaned photos; then arm tomorrow's."""
    cfg = ctx.services.config.purge
    repo = SqlPurgeRepository(ctx.uow.session)
    before = ctx.now - timedelta(days=cfg.unverified_days)
    residents = 0
    while ids := await repo.strangers(before, limit=BATCH):
        residents += await repo.delete_residents(ids)
        if len(ids) < BATCH:
            break
    keep = await repo.referenced_media()
    older_than = time.time() - cfg.orphan_photo_hours * 3600
    photos = await asyncio.to_thread(ctx.services.media.sweep, keep, older_than)
    await arm_purge(ctx.uow, ctx.services)
    log.info("purged %d unverified residents and %d orphaned photos", residents, photos)


def register(services) -> None:
    services.jobs.register(PURGE_JOB, purge)

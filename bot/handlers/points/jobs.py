"""The points' scheduled work and notifications: the daily expiry sweep of a complex
("points.expiry", armed by core when points are credited) and the "points.expiry_soon"
notice residents get 60, 30 and 3 days before points expire."""

from __future__ import annotations

from datetime import datetime

from bot.handlers.points.words import expiry_notice
from bot.i18n import N_
from bot.scheduler import JobContext
from core.points.events import ExpirySoon
from core.points.expiry import SWEEP_JOB, ExpiryPolicy, sweep


def policy_of(config) -> ExpiryPolicy:
    cfg = config.points
    return ExpiryPolicy(int(cfg.valid_years), tuple(int(d) for d in cfg.notice_days))


async def run_sweep(job: JobContext) -> None:
    """Expire and warn for one complex. Never skipped when late: expiry must happen, and the
    warnings of the missed days are covered by `since` (each is sent once)."""
    await sweep(
        job.uow,
        job.services.clock,
        int(job.payload["complex_id"]),
        since=datetime.fromisoformat(job.payload["since"]),
        policy=policy_of(job.services.config),
    )


def register(services) -> None:
    if ExpirySoon not in services.notifications:
        services.notifications.register(ExpirySoon, expiry_notice, N_("포인트 소멸 예정"))
    services.jobs.register(SWEEP_JOB, run_sweep)

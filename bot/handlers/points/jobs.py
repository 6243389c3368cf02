"""The points' scheduled work and notifications: the daily expiry sweep of a complex
("points.expiry", armed by core when points are credited), the "points.expiry_soon"
notice residents get 60, 30 and 3 days before points expire, and 공용 포인트 제안's settle
("common.settle", bot/handlers/points/common.py) with its notifications."""

from __future__ import annotations

from datetime import datetime

from bot.handlers.points.common import settle_job
from bot.handlers.points.render import short_screen, spent_screen
from bot.handlers.points.words import expiry_notice
from bot.i18n import N_
from bot.scheduler import JobContext
from core.points.events import CommonProposalShort, CommonSpent, ExpirySoon
from core.points.expiry import SWEEP_JOB, ExpiryPolicy, sweep
from core.points.model import CommonPolicy
from core.points.proposals import SETTLE_JOB


def policy_of(config) -> ExpiryPolicy:
    cfg = config.points
    return ExpiryPolicy(int(cfg.valid_years), tuple(int(d) for d in cfg.notice_days))


def common_policy(config) -> CommonPolicy:
    cfg = config.points
    return CommonPolicy(
        int(cfg.common_direct_limit), int(cfg.common_vote_quorum), int(cfg.common_vote_days)
    )


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
    kinds = services.notifications
    for kind, renderer, label in (
        (ExpirySoon, expiry_notice, N_("포인트 소멸 예정")),
        (CommonSpent, spent_screen, N_("공용 포인트 사용")),
        (CommonProposalShort, short_screen, N_("공용 포인트 부족")),
    ):
        if kind not in kinds:
            kinds.register(kind, renderer, label)
    services.jobs.register(SWEEP_JOB, run_sweep)
    services.jobs.register(SETTLE_JOB, settle_job)

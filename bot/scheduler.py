"""Scheduled work: features register job kinds; the runner claims due rows and runs them.

Rules:
- The rows (`scheduled_jobs`, armed by use cases with `uow.jobs.at()`) are the truth.
  APScheduler 3 only ticks: an AsyncIOScheduler with its MemoryJobStore and an interval job
  "jobs-tick". Nothing is persisted in it, so processes never share a job store, and a job due
  while the process was down runs at the first tick after the start (APScheduler's own misfire
  rule would have dropped a one-shot job; here it only decides when to look at the rows).
- Exactly once: a claim takes a batch of due jobs with a lease; each job then runs in its own
  unit of work and is marked done, fenced by the lease, in that same transaction. Its effect
  (domain rows, outbox rows through `uow.notifier`) and "done" commit together; a crash before
  the commit leaves the job running until the lease expires, and it is run again. Handlers
  therefore do all their work through `ctx.uow`: no direct sends, no I/O that cannot roll back.
- Lateness: `ctx.late` is how many seconds after `due_at` the job runs (downtime, retries,
  backlog). Each handler decides whether a late job still makes sense: a "3 hours left"
  reminder that is 4 hours late should just return (the job is done), a vote must still close.
- Failures: an exception rolls the handler's work back; the job is retried with exponential
  backoff up to `scheduler.max_attempts`, then marked dead. An unknown kind is dead at once,
  and so is a job claimed more than max_attempts times (its runs kept crashing the runner).
  Logs and `last_error` carry the kind, the job id, the exception class and where it was
  raised, never its message or the payload (either may hold personal data).
- Maintenance (hourly, first a minute after the start): purges expired button tokens and
  handled deliveries older than 48 h (Telegram redelivers an update for up to 24 h).
"""

from __future__ import annotations

import asyncio
import logging
import random
import traceback
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.process import lease_owner
from core.privacy.model import Retention
from core.privacy.retention import purge_expired

log = logging.getLogger("naechingu.scheduler")

DELIVERY_MEMORY = timedelta(hours=48)  # must stay >= 24 h: Telegram's redelivery window
TICK_JOB_ID = "jobs-tick"
MAINTENANCE_JOB_ID = "maintenance"


@dataclass(frozen=True)
class JobContext:
    uow: Any  # the job's own unit of work; the runner commits it together with "done"
    services: Any
    job: dict[str, Any]  # the claimed row: id, kind, key, due_at, payload, attempts, ...
    now: datetime

    @property
    def payload(self) -> dict[str, Any]:
        return self.job["payload"]

    @property
    def late(self) -> float:
        """Seconds between the due time and now (0 when on time)."""
        return max(0.0, (self.now - self.job["due_at"]).total_seconds())


Handler = Callable[[JobContext], Awaitable[None]]


class JobKinds:
    """kind → handler. `kinds.register("vote.close", close_vote)` or as a decorator."""

    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}

    def register(self, kind: str, handler: Handler | None = None):
        def add(fn: Handler) -> Handler:
            if len(kind) > 48:
                raise ValueError(f"job kind {kind!r} is longer than 48 characters")
            if self._handlers.get(kind, fn) is not fn:
                raise ValueError(f"job kind {kind!r} already has another handler")
            self._handlers[kind] = fn
            return fn

        return add if handler is None else add(handler)

    def get(self, kind: str) -> Handler | None:
        return self._handlers.get(kind)

    def __contains__(self, kind: str) -> bool:
        return kind in self._handlers


def describe(exc: BaseException) -> str:
    """The exception's class and where it was raised, without its message."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}{where}"[:200]


def retry_delay(attempts: int, base: float = 30.0, cap: float = 3600.0) -> float:
    """Exponential backoff with "equal jitter": at least half of the step, at most the step."""
    step = min(cap, base * 2 ** max(attempts - 1, 0))
    return step / 2 + random.uniform(0, step / 2)


class JobRunner:
    def __init__(self, services, kinds: JobKinds, *, batch: int | None = None) -> None:
        self.s = services
        self.kinds = kinds
        cfg = services.config.scheduler
        self.batch = batch or cfg.batch
        self.lease = cfg.lease_seconds
        self.max_attempts = cfg.max_attempts
        self.owner = lease_owner("jobs", services.config)
        self.stats: Counter[str] = Counter()  # done, retried, dead, lost
        self._busy = asyncio.Lock()
        self._stop: asyncio.Event | None = None

    async def tick(self) -> int:
        """Claim one batch of due jobs and run each; returns how many were claimed."""
        async with self.s.uow() as uow:
            jobs = await uow.jobs.claim(
                self.s.clock.now(), limit=self.batch, owner=self.owner, lease_s=self.lease
            )
            await uow.commit()
        for job in jobs:
            try:
                await self._run(job)
            except Exception as exc:  # recording the outcome failed: the lease will expire
                args = (job["kind"], job["id"], describe(exc))
                log.error("job %s #%d: outcome not recorded: %s", *args)
        return len(jobs)

    async def _run(self, job: dict[str, Any]) -> None:
        handler = self.kinds.get(job["kind"])
        if handler is None or job["attempts"] > self.max_attempts:  # > : it crashed runners
            await self._failed(job, "unknown kind" if handler is None else "crashed", final=True)
            return
        try:
            async with self.s.uow() as uow:
                ctx = JobContext(uow=uow, services=self.s, job=job, now=self.s.clock.now())
                await handler(ctx)
                if not await uow.jobs.finish(job["id"], self.owner, "done", ctx.now):
                    self.stats["lost"] += 1  # cancelled or taken over: roll the effect back
                    log.warning("job %s #%d: lease lost, rolled back", job["kind"], job["id"])
                    return
                await uow.commit()
        except Exception as exc:
            await self._failed(job, describe(exc), final=job["attempts"] >= self.max_attempts)
            return
        self.stats["done"] += 1

    async def _failed(self, job: dict[str, Any], error: str, *, final: bool) -> None:
        now = self.s.clock.now()
        async with self.s.uow() as uow:
            if final:
                recorded = await uow.jobs.finish(job["id"], self.owner, "dead", now, error)
            else:
                when = now + timedelta(seconds=retry_delay(job["attempts"]))
                recorded = await uow.jobs.retry_at(job["id"], self.owner, when, error)
            await uow.commit()
        if not recorded:
            return
        outcome = "dead" if final else "retried"
        self.stats[outcome] += 1
        level = logging.ERROR if final else logging.WARNING
        args = (job["kind"], job["id"], job["attempts"], outcome, error)
        log.log(level, "job %s #%d attempt %d failed (%s): %s", *args)

    async def maintain(self) -> dict[str, int]:
        """Purge expired button tokens and deliveries older than DELIVERY_MEMORY, and run
        the retention job ([privacy]: relay chats, closed reports' photos, audit details)."""
        now = self.s.clock.now()
        privacy = self.s.config.privacy
        retention = Retention(
            privacy.relay_chat_days, privacy.report_photo_days, privacy.audit_detail_days
        )
        async with self.s.uow() as uow:
            tokens = await uow.tokens.purge_expired(now)
            deliveries = await uow.deliveries.purge_before(now - DELIVERY_MEMORY)
            purged = await purge_expired(uow, self.s.clock, retention)
            await uow.commit()
        self.s.media.delete(purged.media)  # files only once nothing refers to them
        return {"tokens": tokens, "deliveries": deliveries, **purged.counts}

    async def _tick_job(self) -> None:
        async with self._busy:
            try:
                while await self.tick() >= self.batch and not self._stop.is_set():
                    pass  # a full batch: more may be due
            except Exception as exc:
                log.error("jobs tick failed: %s", describe(exc))

    async def _maintenance_job(self) -> None:
        try:
            log.info("maintenance purged %s", await self.maintain())
        except Exception as exc:
            log.error("maintenance failed: %s", describe(exc))

    async def run(self, stop: asyncio.Event) -> None:
        """Tick every `scheduler.tick_seconds` (first at once) until `stop` is set."""
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        self._stop = stop
        aps = logging.getLogger("apscheduler")
        if aps.level == logging.NOTSET:
            aps.setLevel(logging.WARNING)  # not one INFO line per tick
        scheduler = AsyncIOScheduler(timezone=UTC)  # MemoryJobStore: nothing persisted
        now = self.s.clock.now()
        every = {"replace_existing": True, "max_instances": 1, "coalesce": True}
        every["misfire_grace_time"] = None  # a late tick still ticks (once: coalesce)
        tick_s = self.s.config.scheduler.tick_seconds
        scheduler.add_job(
            self._tick_job, "interval", seconds=tick_s, id=TICK_JOB_ID, next_run_time=now, **every
        )
        first = now + timedelta(minutes=1)
        scheduler.add_job(
            self._maintenance_job,
            "interval",
            hours=1,
            id=MAINTENANCE_JOB_ID,
            next_run_time=first,
            **every,
        )
        scheduler.start()
        try:
            await stop.wait()
        finally:
            scheduler.pause()
            async with self._busy:  # let a tick in progress finish its batch
                scheduler.shutdown(wait=False)

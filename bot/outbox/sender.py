"""The outbox sender: claims due rows with a lease, delivers them through each channel's
deliverer within its rate limits, and records every outcome.

- 429 (RetryAfter): the row waits `retry_after` and the deliverer pauses that channel.
- 403 (Unreachable): the row is `blocked` and the account marked unreachable.
- transient errors: retried with exponential backoff and jitter, `failed` after max attempts.
- a lease that ran out before a row's turn (a stalled process): the row is not sent and
  nothing is recorded; it is claimed again (by whoever holds it next) and sent once.
- a crash: rows whose lease expired are claimed again, so at most the in-flight ones repeat;
  outcomes are committed in small groups as they come in (a deliverer's `record_every`,
  e.g. 20 rows for Telegram), so a crash repeats at most the group on the wire, not the
  whole claimed batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.channels.base import DeliveryError, RetryAfter, TransientError, Unreachable
from bot.process import lease_owner

log = logging.getLogger("naechingu.outbox")


@dataclass(frozen=True)
class Outcome:
    status: str  # sent | retry | blocked | failed
    error: str = ""
    retry_in: float = 0.0


SENT = Outcome("sent")
LOST = Outcome("lost")  # the lease ran out before sending: not sent, not recorded


class LeaseLost(Exception):
    """Raised by a deliverer instead of sending a row whose lease (`row["_deadline"]`, a
    loop-clock reading set when it was claimed) has run out: another sender may own it."""


def lease_lost(row: dict) -> bool:
    deadline = row.get("_deadline")
    return deadline is not None and asyncio.get_running_loop().time() >= deadline


class Deliverer(Protocol):
    record_every: int | None  # outcomes recorded every N rows; None = once per batch
    # True: the channel's rate limit is per bot, not per process, so only the designated
    # sender (the holder of the channel's role, see SqlOutboxRepository.hold_role) sends.
    exclusive: bool

    async def deliver(self, rows: list[dict]) -> dict[int, Outcome]:
        """Send the rows (one channel); every row id gets an outcome."""


async def deliver_each(rows: list[dict], send) -> dict[int, Outcome]:
    """Deliver rows one call each, concurrently; map channel errors to outcomes."""

    async def one(row: dict) -> tuple[int, Outcome]:
        try:
            await send(row)
        except LeaseLost:
            return row["id"], LOST
        except RetryAfter as exc:
            return row["id"], Outcome("retry", "429", retry_in=exc.seconds)
        except Unreachable as exc:
            return row["id"], Outcome("blocked", str(exc)[:200] or "blocked")
        except TransientError as exc:
            return row["id"], Outcome("retry", str(exc)[:200] or "transient")
        except DeliveryError as exc:
            return row["id"], Outcome("failed", str(exc)[:200] or "refused")
        return row["id"], SENT

    return dict(await asyncio.gather(*(one(r) for r in rows)))


def backoff_seconds(attempts: int, base: float = 2.0, cap: float = 600.0) -> float:
    """Exponential backoff with full jitter (AWS architecture blog's recommendation)."""
    return random.uniform(0, min(cap, base * 2 ** max(attempts - 1, 0)))


class OutboxSender:
    def __init__(self, services, deliverers: dict[str, Deliverer], *, batch: int = 100) -> None:
        self.s = services
        self.deliverers = deliverers
        self.batch = batch
        self.owner = lease_owner("sender", services.config)
        cfg = services.config.outbox
        self.max_attempts = cfg.max_attempts
        self.lease = cfg.lease_seconds
        # This sender's own transactions (claims, outcomes) take turns here instead of
        # racing for SQLite's write lock, whose busy handler sleeps in growing steps: a
        # claim that kept losing to outcome writes once waited 1 s while the line ran dry.
        self._turn = asyncio.Lock()
        self.roles: list[str] = []  # exclusive channels this sender holds now

    async def run(self, stop: asyncio.Event, *, idle: float = 0.5, pipeline: int = 2) -> None:
        """Deliver until `stop`. `pipeline` loops share the deliverers (and so their rate
        limits): while one delivers a batch, another records its outcomes and claims the next
        batch, so the channel never idles between batches. Claims never overlap (leases)."""

        async def loop() -> None:
            while not stop.is_set():
                try:
                    handled = await self.tick()
                except Exception:
                    log.exception("outbox tick failed")
                    handled = 0
                if not handled:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), idle)

        try:
            await asyncio.gather(*(loop() for _ in range(max(pipeline, 1))))
        finally:
            with contextlib.suppress(Exception):  # a dead database: the lease runs out
                await self.release()

    async def tick(self) -> int:
        """Claim one batch and deliver it; returns how many rows were handled."""
        if not self.deliverers:
            return 0
        async with self._turn, self.s.uow() as uow:
            now = self.s.clock.now()
            channels = await self._channels(uow, now)
            rows = await uow.outbox.claim(
                channels,
                now,
                limit=self.batch,
                owner=self.owner,
                lease_s=self.lease,
            )
            await uow.commit()
        # Rows must be sent (and recorded) well inside their lease, or another sender could
        # claim them too; a deliverer checks this deadline right before each send.
        deadline = asyncio.get_running_loop().time() + self.lease - min(5.0, self.lease / 4)
        by_channel: dict[str, list[dict]] = {}
        for row in rows:
            row["_deadline"] = deadline
            by_channel.setdefault(row["channel"], []).append(row)
        await asyncio.gather(
            *(self._deliver(channel, group) for channel, group in by_channel.items())
        )
        return len(rows)

    async def _channels(self, uow, now: datetime) -> list[str]:
        """The channels this sender claims now: every one, except an exclusive channel whose
        role another sender holds. Holding it is renewed on every tick (a lease of
        `outbox.lease_seconds`: a dead holder's role passes on when its rows' leases do)."""
        until = now + timedelta(seconds=self.lease)
        channels = []
        for channel, deliverer in self.deliverers.items():
            exclusive = getattr(deliverer, "exclusive", False)
            if exclusive and not await uow.outbox.hold_role(channel, self.owner, now, until):
                continue
            channels.append(channel)
        self.roles = [c for c in channels if getattr(self.deliverers[c], "exclusive", False)]
        return channels

    async def release(self) -> None:
        """Stopping: give up the designated-sender roles, so another process sends at once."""
        async with self._turn, self.s.uow() as uow:
            await uow.outbox.release_roles(self.owner, self.s.clock.now())
            await uow.commit()

    async def _deliver(self, channel: str, rows: list[dict]) -> None:
        step = getattr(self.deliverers[channel], "record_every", None) or len(rows)
        parts = [rows[i : i + step] for i in range(0, len(rows), step)]
        await asyncio.gather(*(self._deliver_part(channel, part) for part in parts))

    async def _deliver_part(self, channel: str, rows: list[dict]) -> None:
        try:
            outcomes = await self.deliverers[channel].deliver(rows)
        except Exception as exc:  # a deliverer bug must not strand the rows
            log.exception("deliverer %s failed", channel)
            outcomes = {r["id"]: Outcome("retry", type(exc).__name__) for r in rows}
        async with self._turn, self.s.uow() as uow:
            now = self.s.clock.now()
            sent = [r["id"] for r in rows if outcomes.get(r["id"]) == SENT]
            await uow.outbox.finish_sent(sent, self.owner, now)  # the usual case: one UPDATE
            for row in rows:
                outcome = outcomes.get(row["id"], Outcome("retry"))
                if outcome != LOST:
                    self.s.metrics.delivered(channel, outcome.status, outcome.error)
                if outcome == LOST:
                    log.warning("outbox row %d: lease ran out before its turn", row["id"])
                elif outcome != SENT:
                    await self._record(uow, row, outcome, now)
            await uow.commit()

    async def _record(self, uow, row: dict, outcome: Outcome, now: datetime) -> None:
        repo = uow.outbox
        if outcome.status == "sent":
            await repo.finish(row["id"], self.owner, "sent", now)
        elif outcome.status == "blocked":
            if await repo.finish(row["id"], self.owner, "blocked", now, outcome.error):
                account = await uow.accounts.get(row["account_id"])
                if account is not None and account.channel == row["channel"]:
                    account.unreachable = True  # (an 알림톡 row's account is not its address)
        elif outcome.status == "retry" and (
            outcome.retry_in or row["attempts"] < self.max_attempts
        ):  # a "slow down" (429) is not a failed attempt
            delay = outcome.retry_in or backoff_seconds(row["attempts"])
            await repo.retry_at(
                row["id"], self.owner, now + timedelta(seconds=delay), outcome.error
            )
        else:
            await repo.finish(row["id"], self.owner, "failed", now, outcome.error or "gave up")

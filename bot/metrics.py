"""Prometheus metrics, served at GET /metrics.

One registry per process, built by the composition root (no global registry: tests and
several apps in one process never share counters). The engine counts every inbound step by
channel and outcome and times it; the outbox sender counts what it sent, retried and what a
channel told it to slow down (429); at scrape time the outbox queue, due and late scheduled
jobs and the database pool are read fresh. Nothing personal is ever a label.

The endpoint answers loopback clients; from elsewhere it needs
`Authorization: Bearer <[http] metrics_token>` (and with no token set, it refuses them).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

if TYPE_CHECKING:
    from bot.app import Services

log = logging.getLogger("naechingu.metrics")
STEP_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = r = CollectorRegistry(auto_describe=True)
        self.steps = Counter(
            "naechingu_inbound_steps",
            "Inbound messages handled, by channel and outcome (ok, duplicate, error)",
            ["channel", "outcome"],
            registry=r,
        )
        self.step_seconds = Histogram(
            "naechingu_inbound_step_seconds",
            "Time to handle one inbound message (one transaction), by channel",
            ["channel"],
            buckets=STEP_BUCKETS,
            registry=r,
        )
        self.conflicts = Counter(
            "naechingu_inbound_conflicts",
            "Inbound transactions retried after a concurrency conflict",
            registry=r,
        )
        self.sent = Counter(
            "naechingu_outbox_deliveries",
            "Outbox rows delivered or not, by channel and status (sent, retry, blocked, failed)",
            ["channel", "status"],
            registry=r,
        )
        self.rate_limited = Counter(
            "naechingu_outbox_rate_limited",
            "Sends a channel answered with 'too many requests' (429), by channel",
            ["channel"],
            registry=r,
        )
        self.queue = Gauge(
            "naechingu_outbox_queue_depth",
            "Outbox rows waiting to be sent, by channel",
            ["channel"],
            registry=r,
        )
        self.jobs_due = Gauge(
            "naechingu_scheduled_jobs_due", "Scheduled jobs due and not done", registry=r
        )
        self.jobs_late = Gauge(
            "naechingu_scheduled_jobs_late",
            "Scheduled jobs due for over a minute and not done",
            registry=r,
        )
        self.pool_in_use = Gauge(
            "naechingu_db_pool_in_use", "Database connections checked out", registry=r
        )
        self.pool_size = Gauge(
            "naechingu_db_pool_size", "Database connections the pool keeps open", registry=r
        )
        self._channels: set[str] = set()

    def step(self, channel: str, outcome: str, seconds: float) -> None:
        self.steps.labels(channel, outcome).inc()
        self.step_seconds.labels(channel).observe(seconds)

    def delivered(self, channel: str, status: str, error: str = "") -> None:
        self.sent.labels(channel, status).inc()
        if error == "429":
            self.rate_limited.labels(channel).inc()

    async def refresh(self, services: Services) -> None:
        """Read the figures that live in the database and the pool."""
        async with services.uow() as uow:
            pending = await uow.figures.outbox_pending()
            due, late = await uow.figures.jobs_due(services.clock.now())
        self._channels.update(pending)  # a channel that emptied shows 0, not its last depth
        for channel in self._channels:
            self.queue.labels(channel).set(pending.get(channel, 0))
        self.jobs_due.set(due)
        self.jobs_late.set(late)
        pool = services.db.sync_engine.pool
        self.pool_in_use.set(getattr(pool, "checkedout", lambda: 0)())
        self.pool_size.set(getattr(pool, "size", lambda: 1)())

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


def allowed(request: web.Request, token: str) -> bool:
    """Loopback clients, or anyone presenting the configured bearer token."""
    if token:
        given = request.headers.get("Authorization", "")
        if hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return True
    peer = request.remote or ""
    try:
        return ipaddress.ip_address(peer).is_loopback
    except ValueError:
        return False


async def metrics_view(request: web.Request) -> web.Response:
    from bot.server import SERVICES

    services = request.app[SERVICES]
    if not allowed(request, services.config.http.metrics_token):
        return web.Response(status=403, text="forbidden\n")
    try:
        await services.metrics.refresh(services)
    except Exception:  # the counters still answer when the database does not
        log.exception("metrics: reading the database failed")
    body = services.metrics.exposition()
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

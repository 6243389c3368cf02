"""This process among others: its stable id on the leases it takes, and taking back at start
what its previous run held when it died (urgent sends resume within seconds, not after the
60–120 s leases run out)."""

from __future__ import annotations

import logging
import re
import socket
import uuid

from bot.config import Config

log = logging.getLogger("naechingu.process")


def process_id(config: Config) -> str:
    """`process.id`, else "<host>-<http.port>"; "" when the port is chosen at start (0)."""
    if config.process.id:
        return config.process.id
    if not config.http.port:
        return ""
    host = re.sub(r"[^A-Za-z0-9.-]", "-", socket.gethostname())[:17] or "host"
    return f"{host}-{config.http.port}"


def lease_owner(role: str, config: Config) -> str:
    """`<role>-<process id>-<run>` (at most 40 characters, the column's size): the process id
    finds the previous run's leases; the run part tells runs and runners apart."""
    run = uuid.uuid4().hex[:8]
    process = process_id(config)
    return f"{role}-{process}-{run}" if process else f"{role}-{run}"


async def reclaim(services) -> dict[str, int]:
    """End now the leases of this process's previous run (outbox rows it was sending, jobs it
    was running): call once at start, before this run's sender and runner claim anything."""
    process = process_id(services.config)
    if not process:
        return {"outbox": 0, "jobs": 0}
    now = services.clock.now()
    async with services.uow() as uow:
        rows = await uow.outbox.release_owned(f"sender-{process}-", now)
        await uow.outbox.release_roles(f"sender-{process}-", now)  # designated sender
        jobs = await uow.jobs.release_owned(f"jobs-{process}-", now)
        await uow.commit()
    if rows or jobs:
        log.info("took back %d outbox rows and %d jobs of this process's last run", rows, jobs)
    return {"outbox": rows, "jobs": jobs}

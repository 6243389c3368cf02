"""Defect 9: a process restarted after a crash takes back at once what its previous run held
(outbox rows it was sending, jobs it was running), found by the process id on the lease, so
an urgent notice caught in the crash goes out within seconds instead of after its lease
(60–120 s). Another process's leases are left alone."""

from __future__ import annotations

from bot.app import build_engine
from tests.fakes.telegram_server import FakeTelegramServer
from tests.reliability.outbox_helpers import (
    notify,
    outbox_rows,
    running,
    texts,
    verified,
    wait_until,
)
from tests.support.jobs import arm, create_effect_tables, job, recording

CHAT = 777001


async def _crashed_run_held_everything(services, owner_process: str) -> None:
    """What a run that died mid-send leaves: a row `sending` and a job `running`, leased."""
    now = services.clock.now()
    async with services.uow() as uow:
        rows = await uow.outbox.claim(
            ["telegram"], now, limit=10, owner=f"sender-{owner_process}-0badc0de", lease_s=60
        )
        owner = f"jobs-{owner_process}-0badc0de"
        jobs = await uow.jobs.claim(now, limit=10, owner=owner, lease_s=120)
        await uow.commit()
    assert len(rows) == 1 and len(jobs) == 1


async def test_a_restarted_process_resumes_its_own_sends_and_jobs_at_once(services, demo, clock):
    await create_effect_tables(services)
    runs: list = []
    services.jobs.register("test.effect", recording(runs).get("test.effect"))
    resident = await verified(build_engine(services), demo, CHAT)
    await notify(services, resident, "긴급: 단수 안내", key="urgent:1")
    await arm(services, "test.effect", ["r:1"], clock.now())
    await _crashed_run_held_everything(services, "web-1")
    config = {"process": {"id": "web-1"}, "scheduler": {"tick_seconds": 1}}
    async with FakeTelegramServer() as fake, running(services, fake, **config):
        await wait_until(lambda: "긴급: 단수 안내" in " ".join(texts(fake, CHAT)), within=5)
        await wait_until(lambda: len(runs) == 1, within=5)
    assert (await job(services, "test.effect", "r:1"))["status"] == "done"
    assert [r["status"] for r in await outbox_rows(services, channel="telegram")] == ["sent"]


async def test_another_process_leases_are_left_alone(services, demo, clock):
    resident = await verified(build_engine(services), demo, CHAT)
    await notify(services, resident, "알림", key="n:1")
    await arm(services, "test.unknown", ["r:1"], clock.now())
    await _crashed_run_held_everything(services, "web-2")
    config = {"process": {"id": "web-1"}, "scheduler": {"tick_seconds": 1}}
    async with FakeTelegramServer() as fake, running(services, fake, **config):
        rows = await outbox_rows(services, channel="telegram")
        assert [r["status"] for r in rows] == ["sending"]
        assert rows[0]["lease_owner"].startswith("sender-web-2-")
        assert texts(fake, CHAT) == [] or "알림" not in " ".join(texts(fake, CHAT))

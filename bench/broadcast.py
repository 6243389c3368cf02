"""Broadcast: one notice to N households with Telegram accounts, through the real outbox
sender (bot/outbox/sender.py + TelegramDeliverer) against the local fake Bot API server
(tests/fakes/telegram_server.py) enforcing a scaled global rate and 1 message/s per chat.

Resident rows are generated directly in the database; the notice is written by the core use
case and queued by the "notice.send" job in chunks (as in production). Enqueue and send each
run in a subprocess, so their peak RSS is measured alone; the crash run SIGKILLs the sender
halfway and starts a new one, which reclaims the dead sender's rows when their lease expires.

    python bench/broadcast.py [--households 26000] [--limit 150] [--sizes 1000,26000]
                              [--big] [--db URL]

Only 127.0.0.1 is touched; every subprocess and server stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Config  # noqa: E402

LEASE_S = 10  # the crash run: a dead sender's claimed rows come back after this
BATCH = 200  # rows a loop claims at once; outcomes are recorded every 20 (record_every)


def make_config(url: str, folder: str, *, api_base: str = "", rate: float = 25.0) -> Config:
    return Config().replace(
        database={"url": url},
        security={"secret_key": "bench-secret", "secret_key_file": f"{folder}/k"},
        media={"dir": f"{folder}/media"},
        telegram={"token": "123:ABC", "api_base": api_base},
        outbox={"telegram_rate": rate, "lease_seconds": LEASE_S},
    )


def rss_mb() -> float:
    """This process's peak RSS since it started. VmHWM, not ru_maxrss: Linux folds the
    forked parent's size into ru_maxrss at exec, so a conductor that has grown (it keeps
    every message the fake received) made each child look as big as itself."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- role: seed + enqueue (a subprocess) --------------------------------------------------


async def seed(services, households: int) -> int:
    """A complex with `households` households, one resident and one Telegram account each."""
    from storage import tables

    now = datetime.now(UTC)
    async with services.uow() as uow:
        s = uow.session
        cid = (
            await s.execute(tables.complexes.insert().values(code="BENCH", name="벤치"))
        ).inserted_primary_key[0]
        for start in range(0, households, 5000):
            ids = range(start, min(start + 5000, households))
            await s.execute(
                tables.households.insert(),
                [
                    {
                        "id": i + 1,
                        "complex_id": cid,
                        "building": str(101 + i // 1000),
                        "unit": str(i % 1000 + 1),
                    }
                    for i in ids
                ],
            )
            await s.execute(
                tables.residents.insert(),
                [
                    {
                        "id": i + 1,
                        "created_at": now,
                        "locale": "ko",
                        "easy_mode": False,
                        "household_id": i + 1,
                        "complex_id": cid,
                    }
                    for i in ids
                ],
            )
            await s.execute(
                tables.channel_accounts.insert(),
                [
                    {
                        "channel": "telegram",
                        "external_id": str(i + 1),
                        "resident_id": i + 1,
                        "created_at": now,
                        "address": str(1_000_000 + i),
                        "unreachable": False,
                    }
                    for i in ids
                ],
            )
        await uow.commit()
    return cid


async def enqueue(url: str, folder: str, households: int) -> dict:
    from bot.app import build_engine, build_services
    from bot.scheduler import JobRunner
    from core.identity.model import Membership
    from core.notices.broadcast import NewNotice, create_notice

    services = build_services(make_config(url, folder))
    build_engine(services)  # registers the "notice" kind and the "notice.send" job
    cid = await seed(services, households)
    coordinator = Membership(1, cid, 1, frozenset({("coordinator", cid)}))
    t0 = time.perf_counter()
    async with services.uow() as uow:
        text = NewNotice("12월 3일 오전 10시부터 2시간 단수가 있어요.")
        notice = await create_notice(uow, services.clock, coordinator, text)
        await uow.commit()
    runner = JobRunner(services, services.jobs, batch=5)
    while await runner.tick():
        pass
    seconds = time.perf_counter() - t0
    await services.close()
    return {"notice": notice.id, "enqueue_s": seconds, "rss_mb": rss_mb()}


# -- role: sender (a subprocess, the one that gets killed) --------------------------------


async def send(url: str, folder: str, api_base: str, rate: float, senders: int = 2) -> dict:
    import telegram
    from sqlalchemy import func, select

    from bot.app import build_services
    from bot.channels.telegram.adapter import TelegramChannel
    from bot.cli.commands import settle_heap
    from bot.outbox.sender import OutboxSender
    from bot.outbox.telegram import TelegramDeliverer
    from storage import tables

    services = build_services(make_config(url, folder, api_base=api_base, rate=rate))
    bot = telegram.Bot("123:ABC", base_url=f"{api_base}/bot", base_file_url=f"{api_base}/file/bot")
    await bot.initialize()
    deliverer = TelegramDeliverer(TelegramChannel(bot, None), rate=rate, per_chat=1.0)
    o = tables.outbox.c
    left = select(func.count()).where(o.status.in_(["pending", "sending"]))
    settle_heap()  # as `python -m bot run` does once it has started

    async def loop(sender: OutboxSender) -> None:
        while True:
            if not await sender.tick():
                async with services.uow() as uow:
                    if not await uow.session.scalar(left):
                        return
                await asyncio.sleep(0.2)  # noqa: ASYNC110  (a dead sender's rows: their lease)

    # Two loops share one sender and its deliverer (one pacer), as OutboxSender.run does:
    # one delivers while the other records and claims the next batch, so the line never
    # idles between batches. (run() itself never returns; these stop when all is sent.)
    sender = OutboxSender(services, {"telegram": deliverer}, batch=BATCH)
    await asyncio.gather(*(loop(sender) for _ in range(senders)))
    await bot.shutdown()
    await services.close()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"sent": deliverer.sent, "rss_mb": rss_mb(), "cpu_s": ru.ru_utime + ru.ru_stime}


# -- the conductor ------------------------------------------------------------------------


def spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)


def result(proc: subprocess.Popen) -> dict:
    out, _ = proc.communicate(timeout=1800)
    if proc.returncode != 0:
        raise SystemExit(f"subprocess failed ({proc.returncode})")
    return json.loads(out.strip().splitlines()[-1])


async def wait_proc(proc: subprocess.Popen) -> dict:
    return await asyncio.to_thread(result, proc)


def fresh_db(base: str | None, folder: str, name: str) -> str:
    from storage.migrate import upgrade

    if base:  # PostgreSQL: a database per run
        from tests.support.db import create_pg_database

        url, _ = asyncio.run(create_pg_database())
    else:
        url = f"sqlite+aiosqlite:///{folder}/{name}.db"
    upgrade(url)
    return url


async def run_size(srv, url, folder, households, rate, *, crash: bool) -> dict:
    srv.sent.clear()
    srv.count_429 = 0
    srv.chats.clear()
    queued = await wait_proc(spawn("enqueue", url, folder, str(households)))
    t0 = time.perf_counter()
    proc = spawn("send", url, folder, srv.base_url, str(rate))
    restarted = None
    if crash:
        while len(srv.sent) < households // 2:  # noqa: ASYNC110  (the fake server's counter)
            await asyncio.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_at = len(srv.sent)
        restarted = {"killed_after": killed_at}
        proc = spawn("send", url, folder, srv.base_url, str(rate))
    sent = await wait_proc(proc)
    wall = time.perf_counter() - t0
    per_chat = collections.Counter(p["chat_id"] for _, p, _ in srv.sent)
    times = sorted(t for *_, t in srv.sent)
    active = (times[-1] - times[0]) if len(times) > 1 else 0.0
    return {
        "households": households,
        "enqueue_s": queued["enqueue_s"],
        "enqueue_rss_mb": queued["rss_mb"],
        "sender_rss_mb": sent["rss_mb"],
        "sender_cpu_ms": sent["cpu_s"] * 1000 / max(1, sent["sent"]),
        "delivered_chats": len(per_chat),
        "duplicates": sum(n - 1 for n in per_chat.values()),
        "lost": households - len(per_chat),
        "rate": (len(srv.sent) - 1) / active if active else 0.0,
        "share_429": srv.count_429 / max(1, len(srv.sent) + srv.count_429),
        "wall_s": wall,
        "crash": restarted,
    }


async def conduct(args) -> None:
    from tests.fakes.telegram_server import FakeTelegramServer

    rate = args.limit * args.headroom
    folder = tempfile.mkdtemp(prefix="bench-broadcast-")
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.big else [])
    async with FakeTelegramServer(global_rate=args.limit, per_chat_rate=1.0) as srv:
        print(
            f"fake Bot API at {srv.base_url}: {args.limit:g}/s overall, 1/s per chat; "
            f"outbox.telegram_rate = {rate:g}/s"
        )
        rows = []
        for n in sizes:
            url = await asyncio.to_thread(fresh_db, args.db, folder, f"n{n}")
            row = await run_size(srv, url, folder, n, rate, crash=False)
            rows.append(row)
            print(
                f"{n:>7} households: enqueue {row['enqueue_s']:.1f} s "
                f"(RSS {row['enqueue_rss_mb']:.0f} MB), send {row['wall_s']:.1f} s "
                f"(sender RSS {row['sender_rss_mb']:.0f} MB), rate {row['rate']:.0f}/s = "
                f"{row['rate'] / args.limit:.3f} of the limit, 429 {row['share_429']:.2%}, "
                f"duplicates {row['duplicates']}, lost {row['lost']}, sender CPU "
                f"{row['sender_cpu_ms']:.1f} ms a message",
                flush=True,
            )
        url = await asyncio.to_thread(fresh_db, args.db, folder, "crash")
        crash = await run_size(srv, url, folder, args.households, rate, crash=True)
        print(
            f"crash run, {args.households} households: sender SIGKILLed after "
            f"{crash['crash']['killed_after']} messages and restarted; delivered to "
            f"{crash['delivered_chats']} chats, duplicates {crash['duplicates']} "
            f"(in flight at the kill), lost {crash['lost']}, total {crash['wall_s']:.1f} s "
            f"(incl. the {LEASE_S} s lease)"
        )
    first, last = rows[0], rows[-1]
    print(
        f"sender RSS {first['households']} → {last['households']}: "
        f"{first['sender_rss_mb']:.0f} → {last['sender_rss_mb']:.0f} MB "
        f"(growth {last['sender_rss_mb'] - first['sender_rss_mb']:.1f} MB); enqueue RSS "
        f"{first['enqueue_rss_mb']:.0f} → {last['enqueue_rss_mb']:.0f} MB"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("enqueue", "send"):
        role, url, folder, *rest = sys.argv[1:]
        if role == "enqueue":
            out = asyncio.run(enqueue(url, folder, int(rest[0])))
        else:
            out = asyncio.run(send(url, folder, rest[0], float(rest[1])))
        print(json.dumps(out))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=26_000, help="the crash run's size")
    parser.add_argument("--limit", type=float, default=150.0, help="the fake's global rate")
    parser.add_argument("--headroom", type=float, default=0.99, help="our rate / the limit")
    parser.add_argument("--sizes", default="1000,26000")
    parser.add_argument("--big", action="store_true", help="also 100,000 households")
    parser.add_argument("--db", help="a PostgreSQL URL (any value: a scratch database)")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    asyncio.run(conduct(args))


if __name__ == "__main__":
    main()

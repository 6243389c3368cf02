"""Inbound load: verified KakaoTalk residents tapping menu buttons against the real app.

Each server is a separate process (`bot run`'s Runtime, no scheduler), so the figures include
nothing of the load generator and the server's CPU per step is read from /proc. Residents
onboard with a demo-style invite code first (not timed), then tap through the menus
concurrently: every timed request is a full durable dialog step (one transaction). Prints, in
one run, for SQLite and PostgreSQL with 1 and 2 workers: steps/s, p50/p99, server CPU ms per
step, and the same load against a bare aiohttp echo of the same payload (ratio ours / bare);
also the load generator's own CPU per step ("client ms": a lean kept-alive client,
bench/wire.py), how busy the whole machine was, and the largest worker's RSS at the end.

    python bench/inbound.py [--users 300] [--steps 10] [--concurrency 32]
                            [--db sqlite,pg1,pg2] [--pg postgresql+asyncpg://postgres@127.0.0.1/test]
                            [--profile] [--code /work/main] [--identity-cache N]

`--profile` runs each worker under cProfile during the timed part (slower: read the shares,
not the rate) and prints where its CPU went, by package and by function. `--code DIR` runs
another checkout's app (e.g. main's) with this load, for same-run comparisons.

With 2 workers the residents are spread over the workers' ports (a load balancer's job).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from aiohttp import web


def _code_dir() -> str:
    if "--code" in sys.argv:
        return str(Path(sys.argv[sys.argv.index("--code") + 1]).resolve())
    return str(Path(__file__).resolve().parent.parent)


sys.path.insert(0, _code_dir())  # (spawned workers inherit it)

from bench.cpu_report import print_profile  # noqa: E402
from bench.wire import Wire, WireResident  # noqa: E402
from tests.support.drivers import KakaoDriver, answer_easy_offer  # noqa: E402

PATH = ["우리단지", "공지사항", "이전", "처음으로", "도움말", "처음으로", "공유마켓", "처음으로"]
# --mix: 10 taps a resident, 2 of them effectful (20%): a ballot or a defect report filed,
# and a group-buy join; each effect is checked in the answer ("*" marks the effectful tap).
# A label starting with "~" taps the first button starting with the rest, if there is one.
MIXES = [
    ["우리단지", "주민투표", "~놀이터 바닥을", "*1. 찬성", "처음으로"],
    ["우리단지", "고장 신고", "누수", "물이 많이 새요", "*접수"],
]
JOIN = ["처음으로", "알뜰쇼핑", "공동구매", "1번 1개 참여", "*참여하기"]
DONE = ("투표했어요", "접수 번호는", "공동구매에 참여했어요")
TICK = os.sysconf("SC_CLK_TCK")


def _config(url: str, tmp: str):
    from bot.config import Config

    database: dict = {"url": url}
    if "BENCH_IDENTITY_CACHE" in os.environ:  # (--identity-cache; the workers inherit it)
        database["identity_cache"] = int(os.environ["BENCH_IDENTITY_CACHE"])
    return Config().replace(
        database=database,
        security={"secret_key": "bench", "secret_key_file": f"{tmp}/k"},
        http={"port": 0},
        log={"level": "WARNING"},
        scheduler={"enabled": False},
    )


async def _prepare(url: str, tmp: str, users: int) -> list[str]:
    """Migrate, seed the demo complex and issue one household's code per resident."""
    from bot.app import build_engine, build_services
    from bot.demo.seed import seed_demo
    from core.identity.admin import issue_invite
    from storage.migrate import upgrade

    await asyncio.to_thread(upgrade, url)
    services = build_services(_config(url, tmp))
    build_engine(services)  # registers the notification kinds the demo's samples use
    await seed_demo(services)
    codes = []
    async with services.uow() as uow:
        for i in range(users):
            issued = await issue_invite(
                uow,
                services.clock,
                services.invite_key,
                complex_code="DEMO",
                building=str(101 + i // 100),
                unit=str(100 + i % 100),
            )
            codes.append(issued.display)
        await uow.commit()
    await services.close()
    return codes


def _serve(url: str, tmp: str, pipe, profile: str) -> None:
    """A worker process: the app's Runtime on a free port until told to stop; with `profile`,
    under cProfile from "profile" to "stop" (stats written to that file)."""
    import cProfile

    profiler = cProfile.Profile()

    async def run() -> None:
        from bot.app import build_engine, build_services
        from bot.cli.commands import settle_heap
        from bot.runtime import Runtime

        services = build_services(_config(url, tmp))
        runtime = Runtime(services, build_engine(services))
        await runtime.start()
        settle_heap()  # as `bot run` does after start-up
        pipe.send(runtime.port)
        loop = asyncio.get_running_loop()
        while await loop.run_in_executor(None, pipe.recv) == "profile":
            loop.call_soon_threadsafe(profiler.enable)  # on the loop's thread
        profiler.disable()
        await runtime.stop()
        await services.close()

    asyncio.run(run())
    if profile:
        profiler.dump_stats(profile)


def _machine_seconds() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine so far, all cores (/proc/stat)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields) - idle) / TICK, sum(fields) / TICK


def _rss_mb(pid: int) -> float:
    """A process's resident memory now (VmRSS), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


async def _load(
    ports, codes, steps, concurrency, mark, mix, client_cpu
) -> tuple[list[float], float]:
    latencies: list[float] = []
    failures: list[str] = []
    effects: list[bool] = []
    sem = asyncio.Semaphore(concurrency)
    wire = Wire()
    try:
        people = []
        for i, code in enumerate(codes):  # onboarding, not timed
            person = WireResident(wire, ports[i % len(ports)])
            people.append((person, code))

        async def onboard(person, code) -> None:
            async with sem:
                await person.say("안녕하세요")
                await person.tap("초대코드 입력")
                await person.say(code)
                await answer_easy_offer(person, False)  # the one 쉬운 모드 question

        await asyncio.gather(*(onboard(p, c) for p, c in people))
        mark()  # the timed part starts here

        async def browse(n: int, person) -> None:
            path = [*MIXES[n % len(MIXES)], *JOIN] if mix else PATH
            for i in range(len(path) if mix else steps):
                label = path[i % len(path)]
                shown = person.labels
                if label.startswith("~") and not any(b.startswith(label[1:]) for b in shown):
                    continue  # (one vote open: the ballot is shown at once)
                if label == "처음으로" and "처음으로" not in shown:
                    continue  # (home already)
                async with sem:
                    t0 = time.perf_counter()
                    try:
                        if label.startswith("~"):
                            label = next(b for b in person.labels if b.startswith(label[1:]))
                        await person.tap(label.removeprefix("*"))
                        if label.startswith("*"):
                            effects.append(any(word in person.text for word in DONE))
                    except (AssertionError, StopIteration):  # "busy" (over 5 s), or no such
                        failures.append(label)  # button: start over
                        await person.say("처음으로")
                    latencies.append((time.perf_counter() - t0) * 1000)

        t0, cpu0 = time.perf_counter(), time.process_time()
        await asyncio.gather(*(browse(n, p) for n, (p, _) in enumerate(people)))
        client_cpu[0] = time.process_time() - cpu0
        if failures:
            print(
                f"  {len(failures)} steps answered 'busy' or without the expected button:",
                sorted(set(failures)),
            )
        if mix:
            print(
                f"  effectful steps: {len(effects)} of {len(latencies)}"
                f" ({len(effects) / len(latencies):.0%}), {sum(effects)} written, the rest refused"
                " politely (the demo group buy fills up)"
            )
        return latencies, time.perf_counter() - t0
    finally:
        await wire.close()


async def bare_rate(requests: int, concurrency: int) -> float:
    """Requests per second of a bare aiohttp handler echoing a fixed SkillResponse."""
    body = {"version": "2.0", "template": {"outputs": [{"simpleText": {"text": "안녕"}}]}}

    async def handler(request: web.Request) -> web.Response:
        await request.json()
        return web.json_response(body)

    app = web.Application()
    app.add_routes([web.post("/kakao/skill", handler)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    payload = json.dumps(KakaoDriver("", None).payload("안녕"), ensure_ascii=False).encode()
    sem = asyncio.Semaphore(concurrency)
    wire = Wire()  # (the same client as the timed steps)

    async def one() -> None:
        async with sem:
            status, _answer = await wire.post(port, "/kakao/skill", payload)
            assert status == 200

    t0 = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(requests)))
    elapsed = time.perf_counter() - t0
    await wire.close()
    await runner.cleanup()
    return requests / elapsed


async def _pg_database(admin: str) -> tuple[str, str]:
    import asyncpg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(admin.replace("postgresql+asyncpg", "postgresql"))
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return f"{admin.rsplit('/', 1)[0]}/{name}", name


async def _drop_pg(admin: str, name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(admin.replace("postgresql+asyncpg", "postgresql"))
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


async def run_one(label: str, url: str, workers: int, tmp: str, args) -> dict:
    """One measured run; `tmp` holds its files (logs, profiles, the SQLite database)."""
    codes = await _prepare(url, tmp, args.users)
    spawn = mp.get_context("spawn")
    procs, pipes, ports, stats = [], [], [], []
    for n in range(workers):
        ours, theirs = spawn.Pipe()
        stats.append(f"{tmp}/worker{n}.prof" if args.profile else "")
        proc = spawn.Process(target=_serve, args=(url, tmp, theirs, stats[n]), daemon=True)
        proc.start()
        procs.append(proc)
        pipes.append(ours)
    for pipe in pipes:
        ports.append(await asyncio.get_running_loop().run_in_executor(None, pipe.recv))
    cpu = [0.0]

    machine = [0.0, 0.0]

    def mark() -> None:
        cpu[0] = sum(_cpu_seconds(p.pid) for p in procs)
        machine[:] = _machine_seconds()
        if args.profile:
            for pipe in pipes:
                pipe.send("profile")

    client_cpu = [0.0]  # the load generator's own CPU seconds in the timed part
    latencies, elapsed = await _load(
        ports, codes, args.steps, args.concurrency, mark, args.mix, client_cpu
    )
    used = sum(_cpu_seconds(p.pid) for p in procs) - cpu[0]
    rss = max(_rss_mb(p.pid) for p in procs)  # (before the workers stop)
    busy, total = (b - a for a, b in zip(machine, _machine_seconds(), strict=True))
    for pipe in pipes:
        pipe.send("stop")
    for proc in procs:
        proc.join(30)
    if args.profile:
        print(f"--- {label}: where the worker's CPU went (cProfile, timed part only)")
        print_profile([s for s in stats if os.path.exists(s)], len(latencies))  # noqa: ASYNC240
    cuts = statistics.quantiles(latencies, n=100)
    steps = len(latencies)
    return {
        "label": label,
        "rate": steps / elapsed,
        "p50": cuts[49],
        "p99": cuts[98],
        "cpu_ms": used * 1000 / steps,
        "client_ms": client_cpu[0] * 1000 / steps,
        "rss": rss,
        "busy": busy / total if total else 0.0,  # of all cores: the workers, the database,
        # this load generator
    }


async def main(args) -> None:
    results = []
    for which in args.db.split(","):
        with tempfile.TemporaryDirectory(prefix="naechingu-bench-") as tmp:  # removed after
            if which == "sqlite":
                url = f"sqlite+aiosqlite:///{tmp}/b.db"
                results.append(await run_one("sqlite, 1 worker", url, 1, tmp, args))
                continue
            workers = int(which.removeprefix("pg"))
            url, name = await _pg_database(args.pg)
            try:
                label = f"postgres, {workers} worker(s)"
                results.append(await run_one(label, url, workers, tmp, args))
            finally:
                await _drop_pg(args.pg, name)
    bare = await bare_rate(args.users * args.steps, args.concurrency)
    what = "10 taps (20% effectful)" if args.mix else f"{args.steps} menu taps"
    print(f"{args.users} residents x {what}, concurrency {args.concurrency}")
    print(
        f"{'':22} {'steps/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms/step':>11} {'/ bare':>7}"
        f" {'client ms':>9} {'machine busy':>12} {'RSS MB':>6}"
    )
    for r in results:
        print(
            f"{r['label']:22} {r['rate']:8.0f} {r['p50']:7.1f} {r['p99']:7.1f}"
            f" {r['cpu_ms']:11.2f} {r['rate'] / bare:7.3f} {r['client_ms']:9.2f}"
            f" {r['busy']:12.0%} {r['rss']:6.0f}"
        )
    print(f"{'bare aiohttp echo':22} {bare:8.0f}")
    pg = {r["label"]: r for r in results}
    one, two = pg.get("postgres, 1 worker(s)"), pg.get("postgres, 2 worker(s)")
    if one and two:
        # With one worker the machine was `busy` of its cores: at the same cost per step, a
        # second worker can only use the rest, about 1 / busy of the first one's rate.
        print(
            f"postgres 2 workers / 1 worker: {two['rate'] / one['rate']:.2f}x (1 worker left"
            f" {1 - one['busy']:.0%} of the cores idle: at its cost per step, 2 workers could"
            f" reach about {1 / one['busy']:.2f}x here)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--db", default="sqlite,pg1,pg2")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--mix", action="store_true", help="20%% effectful steps (see MIXES)")
    parser.add_argument("--code", default="", help="another checkout's app (sys.path)")
    parser.add_argument(
        "--identity-cache", type=int, help="database.identity_cache (0: off), to measure it"
    )
    parser.add_argument(
        "--pg",
        default=os.environ.get("TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"),
    )
    arguments = parser.parse_args()
    if arguments.identity_cache is not None:
        os.environ["BENCH_IDENTITY_CACHE"] = str(arguments.identity_cache)
    asyncio.run(main(arguments))

"""Inbound load: KakaoTalk skill requests against the real app on 127.0.0.1.

Simulated residents (each a KakaoTalk user) onboard with a demo code and then browse the home
menu, sections and help, concurrently. Prints throughput, latency percentiles, the ratio of
p99 to KakaoTalk's 5-second skill limit, and our rate against a bare aiohttp handler that
returns a fixed SkillResponse on the same machine in the same run (the HTTP stack's ceiling).

    python bench/inbound.py [--users 200] [--steps 10] [--concurrency 50] [--db URL]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_engine, build_services  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.demo.seed import seed_demo  # noqa: E402
from bot.runtime import Runtime  # noqa: E402
from core.identity.admin import issue_invite  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.support.drivers import KakaoDriver  # noqa: E402

KAKAO_LIMIT_MS = 5000.0
PATH = [
    "우리단지",
    "우리 집 정보",
    "이전",
    "처음으로",
    "도움말",
    "처음으로",
    "공유마켓",
    "처음으로",
]


async def resident(base, http, code, steps, latencies, sem) -> None:
    person = KakaoDriver(base, http)

    async def timed(coro) -> None:
        async with sem:
            t0 = time.perf_counter()
            await coro
            latencies.append((time.perf_counter() - t0) * 1000)

    await timed(person.say("안녕하세요"))
    await timed(person.tap("초대코드 입력"))
    await timed(person.say(code))
    for i in range(steps):
        await timed(person.tap(PATH[i % len(PATH)]))


async def baseline(requests: int, concurrency: int) -> float:
    """Requests per second of a bare aiohttp handler answering a fixed SkillResponse."""
    body = {"version": "2.0", "template": {"outputs": [{"simpleText": {"text": "안녕"}}]}}

    async def handler(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response(body)

    app = web.Application()
    app.add_routes([web.post("/kakao/skill", handler)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    payload = KakaoDriver("", None).payload("안녕")
    sem = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession() as http:

        async def one() -> None:
            async with sem, http.post(f"http://127.0.0.1:{port}/kakao/skill", json=payload) as r:
                await r.read()

        t0 = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(requests)))
        elapsed = time.perf_counter() - t0
    await runner.cleanup()
    return requests / elapsed


async def main(args) -> None:
    tmp = tempfile.mkdtemp(prefix="naechingu-bench-")
    url = args.db or f"sqlite+aiosqlite:///{tmp}/bench.db"
    await asyncio.to_thread(upgrade, url)
    config = Config().replace(
        database={"url": url},
        security={"secret_key": "bench", "secret_key_file": f"{tmp}/k"},
        http={"port": 0},
        log={"level": "WARNING"},
    )
    services = build_services(config)
    await seed_demo(services)
    codes = []
    async with services.uow() as uow:  # one household (and invite code) per resident
        for i in range(args.users):
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
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    base = f"http://127.0.0.1:{runtime.port}"
    latencies: list[float] = []
    sem = asyncio.Semaphore(args.concurrency)
    connector = aiohttp.TCPConnector(limit=args.concurrency)
    async with aiohttp.ClientSession(connector=connector) as http:
        t0 = time.perf_counter()
        await asyncio.gather(
            *(resident(base, http, code, args.steps, latencies, sem) for code in codes)
        )
        elapsed = time.perf_counter() - t0
    await runtime.stop()
    await services.close()
    ours = len(latencies) / elapsed
    bare = await baseline(min(len(latencies), 5000), args.concurrency)
    cuts = statistics.quantiles(latencies, n=100)
    p50, p99 = cuts[49], cuts[98]
    print(f"database            {url.split(':')[0]}")
    print(f"requests            {len(latencies)} ({args.users} residents, {args.steps} taps each)")
    print(f"throughput          {ours:.0f} requests/s at concurrency {args.concurrency}")
    print(f"latency p50/p99/max {p50:.0f} / {p99:.0f} / {max(latencies):.0f} ms")
    print(f"p99 / Kakao 5 s     {p99 / KAKAO_LIMIT_MS:.3f}")
    print(f"bare aiohttp        {bare:.0f} requests/s")
    print(f"ours / bare         {ours / bare:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--db", default="")
    asyncio.run(main(parser.parse_args()))

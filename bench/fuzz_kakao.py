"""Fuzz the KakaoTalk skill route of the real server: `python -m bot run` in a subprocess
(SQLite, demo data, a free port on 127.0.0.1), then N requests, concurrently: odd bodies
(deep nesting, integers of thousands of digits, lone surrogates in ids and text, wrong types,
not JSON at all; tests/hardening/fuzz_bodies.py, seeded) mixed with well-formed requests of
residents whose ids and words carry lone surrogates, so the engine is exercised too.

Reports the status codes, server errors (5xx), answers that are not valid SkillResponses,
and the tracebacks and ERROR lines the server logged; exit code 1 when any of those is not 0.

    python bench/fuzz_kakao.py [--requests 20000] [--concurrency 32] [--seed 18]

Only 127.0.0.1 is touched; the server stops at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.channels.kakao.limits import validate_skill_response  # noqa: E402
from tests.hardening.fuzz_bodies import dumps, sample  # noqa: E402
from tests.support.drivers import KakaoDriver  # noqa: E402

SECRET = "fuzz-secret-0123456789abcdef"
WORDS = ["안녕", "도움말", "처음으로", "초대코드 입력", "우리단지", "이전", "공유마켓", "취소"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def body_for(n: int, rng: random.Random, base: dict) -> bytes:
    """Two odd bodies for every well-formed one of a (surrogate-named) resident."""
    if n % 3:
        return sample(base, rng)
    said = rng.choice(WORDS) + rng.choice(["", "\ud800", "\udfff"])
    payload = KakaoDriver("", None).payload(said)
    user = f"user{n % 500}" + rng.choice(["", "", "\ud83d"])  # a few ids are refused (400)
    payload["userRequest"]["user"]["id"] = user
    return dumps(payload).encode()


async def fire(base: str, total: int, concurrency: int, seed: int) -> dict:
    rng = random.Random(seed)
    template = KakaoDriver("", None).payload("안녕", {"t": "abc"})
    codes: collections.Counter[int] = collections.Counter()
    invalid = 0
    slowest = 0.0
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(body_for(n, rng, template))
    headers = {"X-Naechingu-Secret": SECRET, "Content-Type": "application/json"}
    timeout = aiohttp.ClientTimeout(total=30)

    async def worker(http: aiohttp.ClientSession) -> None:
        nonlocal invalid, slowest
        while not queue.empty():
            body = queue.get_nowait()
            started = time.perf_counter()
            async with http.post(f"{base}/kakao/skill", data=body, headers=headers) as r:
                codes[r.status] += 1
                if r.status == 200:
                    answer = await r.json()
                    invalid += bool(validate_skill_response(answer))
                else:
                    await r.read()
            slowest = max(slowest, time.perf_counter() - started)

    async with aiohttp.ClientSession(timeout=timeout) as http:
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))
    return {"codes": dict(sorted(codes.items())), "invalid": invalid, "slowest_s": slowest}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=20_000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument(
        "--root", default=str(ROOT), help="the checkout whose server is fuzzed (before/after)"
    )
    args = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="fuzz-kakao-")
    port = free_port()
    env = {
        **os.environ,
        "BOT_DATABASE_URL": f"sqlite+aiosqlite:///{folder}/fuzz.db",
        "BOT_MEDIA_DIR": f"{folder}/media",
        "BOT_SECURITY_SECRET_KEY_FILE": f"{folder}/k",
        "BOT_HTTP_PORT": str(port),
        "BOT_KAKAO_SECRET_VALUE": SECRET,
        "BOT_SCHEDULER_ENABLED": "false",
    }
    log_path = Path(folder) / "server.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=args.root,
            env={**env, "PYTHONPATH": args.root},
            stdout=log,
            stderr=log,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(_ready(base))
            started = time.perf_counter()
            figures = asyncio.run(fire(base, args.requests, args.concurrency, args.seed))
            figures["seconds"] = round(time.perf_counter() - started, 1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log_path.read_text(errors="replace")
    figures["requests"] = args.requests
    figures["server_errors"] = sum(n for code, n in figures["codes"].items() if code >= 500)
    figures["tracebacks"] = text.count("Traceback")
    figures["error_lines"] = sum(" ERROR " in line for line in text.splitlines())
    print(json.dumps(figures, indent=2))
    bad = figures["server_errors"] + figures["tracebacks"] + figures["invalid"]
    return 1 if bad or figures["error_lines"] else 0


async def _ready(base: str) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(600):
            try:
                async with http.get(f"{base}/healthz") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("the server did not start")


if __name__ == "__main__":
    sys.exit(main())

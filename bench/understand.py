"""Typed Korean understanding: accuracy on the evaluation set, latency per utterance, and what
the morphological model costs at start-up.

- accuracy: top-1 on tests/understand/utterances.tsv (no screen around the sentence);
- latency: p50 / p99 / max of one `understand` call per utterance, the model loaded, each
  utterance repeated, and a 10,000-character message (the first 200 characters are read);
- cold start, in fresh processes (median of 3): importing the app and building the services
  and the engine as `python -m bot run` does, without the model (it loads on a thread after
  start-up) and with it loaded before serving; and how long the event loop of a started
  server stalls while the thread loads it (the load holds the GIL).

    python bench/understand.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understand.matcher import Matcher  # noqa: E402
from bot.understand.morph import shared  # noqa: E402
from bot.understand.table import Table  # noqa: E402
from tests.understand.evaluation import cases, predict, right  # noqa: E402

TARGET_P99_MS = 5.0

BUILD = """
import time, tempfile
t0 = time.perf_counter()
from bot.app import build_engine, build_services
from bot.config import Config
tmp = tempfile.mkdtemp()
config = Config().replace(
    database={"url": f"sqlite+aiosqlite:///{tmp}/b.db"},
    security={"secret_key": "bench", "secret_key_file": f"{tmp}/k"},
)
services = build_services(config)
build_engine(services)
if MODEL:
    services.understanding.morphology.preload()
    services.understanding.understand("준비")
print(time.perf_counter() - t0)
"""

STALL = """
import asyncio, time
from bot.understand.morph import shared

async def main():
    shared().preload()
    worst, last = 0.0, time.perf_counter()
    while not shared().loaded:
        await asyncio.sleep(0.001)
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    print(worst)

asyncio.run(main())
"""


def fresh(code: str) -> float:
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def main(args) -> None:
    matcher = Matcher(Table.load(), shared())
    started = time.perf_counter()
    matcher.understand("준비")  # loads the model and compiles the table
    first = time.perf_counter() - started
    every = cases()
    hits = sum(right(c, predict(matcher, c.text)) for c in every)
    times: list[float] = []
    for _ in range(args.repeat):
        for case in every:
            t0 = time.perf_counter()
            matcher.understand(case.text)
            times.append((time.perf_counter() - t0) * 1000)
    long = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        matcher.understand("엘리베이터가 멈췄어요 " * 1000)
        long.append((time.perf_counter() - t0) * 1000)
    cuts = statistics.quantiles(times, n=100)
    p50, p99 = cuts[49], cuts[98]
    without = fresh("MODEL = False\n" + BUILD)
    with_model = fresh("MODEL = True\n" + BUILD)
    stall = fresh(STALL)
    print(f"utterances          {len(every)} (tests/understand/utterances.tsv)")
    print(f"top-1 accuracy      {hits / len(every):.3f} ({hits}/{len(every)})")
    print(f"latency p50/p99/max {p50:.2f} / {p99:.2f} / {max(times):.2f} ms per utterance")
    print(f"p99 / 5 ms target   {p99 / TARGET_P99_MS:.2f}")
    print(f"10,000 characters   {statistics.median(long):.2f} ms (median)")
    print(f"first use (load)    {first:.2f} s in this process (model and table)")
    print(f"cold start          {without:.2f} s without the model (python -m bot run's build)")
    print(f"cold start + model  {with_model:.2f} s if it were loaded before serving")
    print(f"model / cold start  {(with_model - without) / without:.2f}")
    print(f"loop stall on load  {stall:.2f} s once, right after start-up (background thread)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    main(parser.parse_args())

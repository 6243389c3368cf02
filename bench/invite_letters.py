"""Invite letters at scale: N households imported (bench/households_import.py's file), then
`python -m bot invite-sheets` in its own subprocess, which prints its peak RSS (VmHWM) on
exit. A second child times issuing the codes alone (core's bulk use case, no letters).

    python bench/invite_letters.py [--sizes 2000,26000] [--db URL]

Everything is written to a temporary directory and removed. Prints, per size: seconds,
letters per second, files and pages written, peak RSS; and the codes-only seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.households_import import bot, make_file  # noqa: E402


def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(argv: list[str]) -> None:
    """Run one command in this process and report its peak RSS on stderr."""
    from bot.__main__ import main as bot_main

    rc = bot_main(argv)
    print(f"PEAK_RSS_MB {vm_hwm_mb():.0f}", file=sys.stderr)
    sys.exit(rc)


async def issue_only(complex_code: str) -> None:
    from bot.app import build_services
    from bot.config import load_config
    from core.identity.invite_sheets import issue_household_invites

    services = build_services(load_config(None))
    started = time.perf_counter()
    async with services.uow() as uow:
        issued = await issue_household_invites(
            uow, services.clock, services.invite_key, None, complex_code, reissue=True
        )
        await uow.commit()
    print(f"ISSUED {len(issued.codes)} {time.perf_counter() - started:.2f}", file=sys.stderr)
    await services.close()


def run_child(db: str, *args: str) -> tuple[float, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env |= {"BOT_DATABASE_URL": db, "BOT_SECURITY_SECRET_KEY": "bench", "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"failed: {done.stderr.strip()[-2000:]}")
    return time.perf_counter() - started, done.stdout, done.stderr


def measure(size: int, db_url: str | None, tmp: Path) -> None:
    db = db_url or f"sqlite+aiosqlite:///{tmp}/letters-{size}.db"
    code = f"L{size}"
    bot(db, "complex", "add", "--code", code, "--name", "햇살마을 1단지")
    bot(db, "households", "import", "--complex", code, str(make_file(tmp / "h.csv", size)))
    out = tmp / f"letters-{size}.pdf"
    seconds, stdout, stderr = run_child(db, "invite-sheets", "--complex", code, "--out", str(out))
    peak = re.search(r"PEAK_RSS_MB (\d+)", stderr)
    files = re.findall(r"wrote (\d+) letters \((\d+) pages\)", stdout)
    pages = sum(int(p) for _, p in files)
    print(
        f"{size} letters: {seconds:.1f} s ({size / seconds:,.0f}/s), {len(files)} file(s), "
        f"{pages} pages, peak RSS {peak.group(1) if peak else '?'} MB"
    )
    for pdf in tmp.glob("letters-*.pdf"):
        pdf.unlink()
    _, _, stderr = run_child(db, "--issue-only", code)
    issued = re.search(r"ISSUED (\d+) ([\d.]+)", stderr)
    if issued:
        print(f"  codes alone (reissue, bulk): {issued.group(1)} in {issued.group(2)} s")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        if sys.argv[2] == "--issue-only":
            asyncio.run(issue_only(sys.argv[3]))
            return
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,26000")
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file per size)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            measure(size, args.db, Path(tmp))


if __name__ == "__main__":
    main()

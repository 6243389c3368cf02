"""Households import: a generated 26,000-row 세대 file (CP949 CSV with a header, as Korean
spreadsheets export it; or XLSX) through the real command, `python -m bot households import`,
in a subprocess on a fresh database. The time is the whole command's, process start included.

    python bench/households_import.py [--rows 26000] [--xlsx] [--db URL] [--make FILE]

`--make FILE` only writes the file. Prints rows, seconds, rows/s and the ratio to the 60 s
target (< 1 is within it), then re-imports the same file (all existing).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 60.0


def addresses(rows: int):
    """(동, 호) like a large complex: 동 101… of 20 floors × 6 units (1201 = 12층 1호)."""
    n = 0
    building = 101
    while True:
        for floor in range(1, 21):
            for unit in range(1, 7):
                yield str(building), f"{floor}{unit:02d}"
                n += 1
                if n == rows:
                    return
        building += 1


def make_file(path: Path, rows: int, xlsx: bool = False) -> Path:
    if xlsx:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(["동", "호", "세대명"])
        for b, u in addresses(rows):
            sheet.append([int(b), int(u), ""])
        book.save(path)
        return path
    lines = ["동,호,세대명", *(f"{b}동,{u}호," for b, u in addresses(rows))]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp949"))
    return path


def bot(db: str, *args: str) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env |= {"BOT_DATABASE_URL": db, "BOT_SECURITY_SECRET_KEY": "bench", "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}")
    return seconds, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=26000)
    parser.add_argument("--xlsx", action="store_true")
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--make", help="only write the generated file here")
    args = parser.parse_args()
    if args.make:
        print(make_file(Path(args.make), args.rows, args.xlsx))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or f"sqlite+aiosqlite:///{tmp}/bench.db"
        file = make_file(
            Path(tmp) / ("households.xlsx" if args.xlsx else "households.csv"),
            args.rows,
            args.xlsx,
        )
        bot(db, "complex", "add", "--code", "BENCH", "--name", "벤치마크단지")
        seconds, last = bot(db, "households", "import", "--complex", "BENCH", str(file))
        print(
            f"import {args.rows} rows ({file.suffix[1:]}): {seconds:.1f} s, "
            f"{args.rows / seconds:,.0f} rows/s, {seconds / TARGET_S:.2f} of the 60 s target"
        )
        print(f"  {last}")
        seconds, last = bot(db, "households", "import", "--complex", "BENCH", str(file))
        print(f"re-import (all existing): {seconds:.1f} s  [{last}]")


if __name__ == "__main__":
    main()

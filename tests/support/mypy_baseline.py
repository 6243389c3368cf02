"""mypy on bot/ and storage/ against a baseline: `make test` fails on any type error that is
not in tests/mypy-baseline.txt, and says when the baseline can shrink. (core/ has no baseline:
it is checked with --strict and must have no error at all.)

    python -m tests.support.mypy_baseline          # check (what `make test` runs)
    python -m tests.support.mypy_baseline --update # write the current errors as the baseline

Errors are compared without line numbers (`path: message  [code]`), so moving code does not
count as a new error."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "tests" / "mypy-baseline.txt"
ERROR = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*)$")


def current() -> Counter[str]:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "-p", "bot", "-p", "storage", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        sys.exit(f"mypy did not run: {done.stderr or done.stdout}")
    found: Counter[str] = Counter()
    for line in done.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            found[f"{match['path']}: {match['message']}"] += 1
    return found


def main(argv: list[str]) -> int:
    found = current()
    if "--update" in argv:
        BASELINE.write_text("".join(f"{e}\n" for e in sorted(found.elements())), "utf-8")
        print(f"mypy baseline: {sum(found.values())} errors written to {BASELINE.name}")
        return 0
    known = Counter(BASELINE.read_text("utf-8").splitlines()) if BASELINE.exists() else Counter()
    new = found - known
    gone = known - found
    print(f"mypy (bot, storage): {sum(found.values())} errors, baseline {sum(known.values())}")
    if gone:
        print(f"  {sum(gone.values())} fixed: shrink the baseline with `make mypy-baseline`")
    if new:
        print("new type errors (fix them; the baseline only shrinks):")
        for error in sorted(new.elements()):
            print(f"  {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

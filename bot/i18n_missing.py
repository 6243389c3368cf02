"""`python -m bot.i18n_missing LOCALE [--out DIR] [--batch N]` (`make i18n-missing LOCALE=vi`):
the messages a catalog has not translated yet, and translations whose `{placeholders}` differ
from their Korean message. With `--out`, writes them as JSON batches for a translator:
`[{"key": "1a2b3c4d", "ko": "…", "en": "…"}, …]` (the English catalog's text beside the
Korean, for reference); the translations go back with `python -m bot.i18n_merge`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.i18n_tools import key_of, load, messages, placeholders


def missing(locale: str) -> tuple[list[str], list[str]]:
    """(untranslated msgids, msgids whose translation breaks a placeholder)."""
    texts = messages(load(locale))
    empty = [m for m, s in texts.items() if not s]
    broken = [m for m, s in texts.items() if s and placeholders(s) != placeholders(m)]
    return empty, broken


def write_batches(msgids: list[str], out: Path, size: int, locale: str) -> list[Path]:
    english = messages(load("en"))
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for start in range(0, len(msgids), size):
        rows = [{"key": key_of(m), "ko": m, "en": english.get(m, "")} for m in msgids[start:]]
        path = out / f"{locale}-{start // size + 1:02d}.json"
        path.write_text(json.dumps(rows[:size], ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.i18n_missing")
    parser.add_argument("locale")
    parser.add_argument("--out", type=Path, help="write JSON batches into this folder")
    parser.add_argument("--batch", type=int, default=150, help="messages per batch")
    args = parser.parse_args(argv)
    empty, broken = missing(args.locale)
    if args.out:
        for path in write_batches(empty + broken, args.out, args.batch, args.locale):
            print(path)
    else:
        for msgid in empty:
            print(f"missing {key_of(msgid)} {msgid!r}")
        for msgid in broken:
            print(f"placeholders {key_of(msgid)} {msgid!r}")
    print(f"{args.locale}: {len(empty)} missing, {len(broken)} with other placeholders")
    return 1 if empty or broken else 0


if __name__ == "__main__":
    sys.exit(main())

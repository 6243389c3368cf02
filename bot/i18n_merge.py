"""`python -m bot.i18n_merge LOCALE BATCH.json…`: writes translations back into a catalog.
A batch is a JSON object `{key or msgid: translation}` or the list `bot.i18n_missing --out`
wrote with a "tr" field added to each row. A translation whose `{placeholders}` differ from
its Korean message, or whose key matches no message, is refused and listed (exit 1); the
others are merged. Then `make i18n` (or `pybabel compile`) builds the .mo files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.i18n_tools import key_of, load, placeholders, save


def read_batch(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        return {row["key"]: row["tr"] for row in data if row.get("tr")}
    return {str(k): str(v) for k, v in data.items()}


def merge(locale: str, batch: dict[str, str]) -> tuple[int, list[str]]:
    """(messages written, problems)."""
    catalog = load(locale)
    by_key = {key_of(m.id): m for m in catalog if m.id and isinstance(m.id, str)}
    written, problems = 0, []
    for key, text in batch.items():
        message = catalog.get(key) if key not in by_key else by_key[key]
        if message is None or not isinstance(message.id, str) or not message.id:
            problems.append(f"no message {key!r}")
            continue
        if placeholders(text) != placeholders(message.id):
            problems.append(f"placeholders differ {key}: {message.id!r} -> {text!r}")
            continue
        message.string = text
        written += 1
    save(locale, catalog)
    return written, problems


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m bot.i18n_merge LOCALE BATCH.json…", file=sys.stderr)
        return 2
    locale, failed = argv[0], False
    for name in argv[1:]:
        written, problems = merge(locale, read_batch(Path(name)))
        print(f"{name}: {written} translations merged into {locale}")
        for problem in problems:
            print(f"  {problem}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

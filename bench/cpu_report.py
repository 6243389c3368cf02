"""Where a bench worker's CPU went: its cProfile stats summed by package and by function
(`bench/inbound.py --profile`)."""

from __future__ import annotations

from pathlib import Path

BUCKETS = (  # first match wins: (name, substrings of "file:function")
    ("sqlite3 (C)", ("sqlite3.Cursor", "sqlite3.Connection")),
    ("asyncpg", ("asyncpg",)),
    ("sqlalchemy", ("sqlalchemy",)),
    ("aiohttp", ("aiohttp", "multidict", "yarl")),
    ("asyncio", ("asyncio", "selectors", "_asyncio", "select.epoll", "socket")),
    ("json", ("json", "safe_json")),
    ("i18n/babel", ("babel", "gettext", "bot/i18n")),
    ("dataclasses", ("dataclasses",)),
    ("engine", ("bot/engine",)),
    ("screens/channels", ("bot/screens", "bot/channels")),
    ("handlers/dialogs", ("bot/handlers", "bot/dialogs", "bot/outbox", "bot/")),
    ("core", ("core/",)),
    ("storage (ours)", ("storage/",)),
    ("stdlib/other", ("",)),
)


def print_profile(paths: list[str], steps: int, top: int = 25) -> None:
    """Own time by package (share and ms per step) and the most expensive functions."""
    import pstats

    if not paths:
        return
    stats = pstats.Stats(*paths)
    raw: dict = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values()) or 1e-9
    buckets: dict[str, float] = {}
    for (file, _line, func), (_cc, _nc, tt, _ct, _callers) in raw.items():
        where = f"{file}:{func}"
        name = next(n for n, keys in BUCKETS if any(k in where for k in keys))
        buckets[name] = buckets.get(name, 0.0) + tt
    print(f"  profiled CPU {total * 1000 / steps:.2f} ms/step (cProfile inflates it)")
    for name, tt in sorted(buckets.items(), key=lambda kv: -kv[1]):
        print(f"  {name:18} {100 * tt / total:5.1f}%  {tt * 1000 / steps:6.3f} ms/step")
    print(f"  top {top} functions by own time:")
    ranked = sorted(raw.items(), key=lambda kv: -kv[1][2])[:top]
    for (file, line, func), (_cc, nc, tt, _ct, _callers) in ranked:
        short = "/".join(Path(file).parts[-2:]) if file != "~" else "~"
        print(f"  {100 * tt / total:5.1f}% {nc / steps:6.1f}/step  {short}:{line} {func}")

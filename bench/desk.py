"""The desk under a whole complex's load, in one process on a fresh SQLite database: a
26,000-row 세대 file (CP949 CSV) uploaded through `/desk/c/<CODE>/households/import`, the 세대
page with 26,000 households, and invite letters downloaded 2,000 at a time (one 동 each, the
desk's limit) — through HTTP as a browser does, session and CSRF included.

    python bench/desk.py [--rows 26000] [--letters 2000]

Prints seconds per step and the peak RSS of the process; then one download at the limit
(2,000 letters of a complex that size).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiohttp import FormData  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from bench.households_import import addresses  # noqa: E402
from bot.app import build_engine, build_services  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.server import build_http_app  # noqa: E402
from core.identity.admin import add_complex  # noqa: E402
from core.identity.desk_login import add_operator  # noqa: E402
from storage.migrate import upgrade  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def main(rows: int, letters: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    url = f"sqlite+aiosqlite:///{folder}/bench.db"
    await asyncio.to_thread(upgrade, url)
    config = Config().replace(
        database={"url": url},
        security={"secret_key": "bench", "secret_key_file": str(folder / "k")},
        media={"dir": str(folder / "media")},
    )
    services = build_services(config)
    async with services.uow() as uow:
        await add_complex(uow, "BIG", "큰단지")
        _op, issued = await add_operator(uow, services.clock, services.invite_key, "벤치")
        await uow.commit()
    client = TestClient(TestServer(build_http_app(services, build_engine(services))))
    await client.start_server()
    try:
        form = await client.get("/desk/login")
        pre = re.search(r'name="pre" value="([^"]+)"', await form.text()).group(1)
        await client.post("/desk/login", data={"pre": pre, "code": issued.code})
        page = await client.get("/desk/c/BIG/households")
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', await page.text()).group(1)
        text = "동,호,세대명\n" + "".join(f"{b}동,{u}호,\n" for b, u in addresses(rows))
        upload = FormData()
        upload.add_field("csrf", token)
        upload.add_field("file", text.encode("cp949"), filename="세대.csv")
        t = time.perf_counter()
        imported = await client.post("/desk/c/BIG/households/import", data=upload)
        body = await imported.text()
        took = time.perf_counter() - t
        assert imported.status == 200 and f"새로 만든 세대 {rows:,}" in body, body[-500:]
        print(f"import via the desk: {rows} rows, {took:.1f} s (target 60 s)")
        t = time.perf_counter()
        listing = await client.get("/desk/c/BIG/households")
        await listing.text()
        print(f"세대 page with {rows} households: {time.perf_counter() - t:.2f} s")
        per_building = 120  # 20 floors × 6 units, as generated
        buildings = [str(101 + i) for i in range(letters // per_building)]
        t = time.perf_counter()
        total = pages = 0
        for building in buildings:
            pdf = await client.post(
                "/desk/c/BIG/households/letters", data={"csrf": token, "building": building}
            )
            await pdf.read()
            total += int(pdf.headers["X-Letters"])
            pages += int(pdf.headers["X-Pages"])
        took = time.perf_counter() - t
        print(f"letters: {total} in {len(buildings)} downloads, {pages} pages, {took:.1f} s")
        # One download at the limit: a complex of exactly `letters` households, all at once.
        async with services.uow() as uow:
            await add_complex(uow, "TWO", "이천세대")
            await uow.commit()
        small = "".join(f"{b},{u}\n" for b, u in addresses(letters))
        upload = FormData()
        upload.add_field("csrf", token)
        upload.add_field("file", small.encode(), filename="two.csv")
        await client.post("/desk/c/TWO/households/import", data=upload)
        t = time.perf_counter()
        pdf = await client.post("/desk/c/TWO/households/letters", data={"csrf": token})
        size = len(await pdf.read())
        took = time.perf_counter() - t
        print(
            f"one download of {pdf.headers['X-Letters']} letters: {took:.1f} s, "
            f"{pdf.headers['X-Pages']} pages, {size / 1e6:.1f} MB"
        )
        print(f"peak RSS: {rss_mb():.0f} MB")
    finally:
        await client.close()
        await services.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=26000)
    parser.add_argument("--letters", type=int, default=2000)
    args = parser.parse_args()
    asyncio.run(main(args.rows, args.letters))

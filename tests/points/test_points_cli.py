"""`python -m bot ledger check` and `python -m bot rent export`, run as real processes on a
SQLite file that the ledger's use cases filled in-process."""

from __future__ import annotations

import csv

from sqlalchemy import update

from bot.app import build_services
from bot.config import Config
from core.clock import FrozenClock
from core.points.use_cases import award_purchase, pay_rent
from storage import tables
from tests.support.points import in_uow, place
from tests.test_cli import SECRET, bot, ok, url_of


async def fill(tmp_path, db_file):
    config = Config().replace(
        database={"url": url_of(db_file)},
        security={"secret_key": SECRET},
        media={"dir": str(tmp_path / "media")},
    )
    services = build_services(config, clock=FrozenClock())
    try:
        here = await place(services, people=2)
        kim, lee = here.residents
        for n, who in enumerate((kim, kim, lee)):
            await in_uow(
                services,
                award_purchase,
                order_key=f"order:{n}",
                resident_id=who.resident_id,
                complex_id=here.complex_id,
                paid_won=500_000,
            )
        await in_uow(services, pay_rent, kim, "2026-12", 3_000)
        await in_uow(services, pay_rent, kim, "2026-12", 2_000)
        await in_uow(services, pay_rent, lee, "2026-12", 4_000)
        await in_uow(services, pay_rent, lee, "2026-11", 1_000)
    finally:
        await services.close()
    return services


async def test_ledger_check_and_rent_export(tmp_path):
    db_file = tmp_path / "x.db"
    ok(bot(db_file, "migrate"))
    services = await fill(tmp_path, db_file)
    assert ok(bot(db_file, "ledger", "check"))[0].startswith("ledger ok")

    out = tmp_path / "rent.csv"
    (line,) = ok(bot(db_file, "rent", "export", "--month", "2026-12", "--out", str(out)))
    assert line == f"rent 2026-12: 2 households, 9000 points -> {out}"
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [(r["building"], r["unit"], r["points"], r["payments"]) for r in rows] == [
        ("101", "100", "5000", "2"),
        ("101", "101", "4000", "1"),
    ]
    assert rows[0]["complex"] == "PTS" and rows[0]["month"] == "2026-12"
    printed = ok(bot(db_file, "rent", "export", "--month", "2026-11"))
    assert printed[0].startswith("complex,") and len(printed) == 2

    bad = bot(db_file, "rent", "export", "--month", "2026-13")
    assert bad.returncode == 2 and "YYYY-MM" in bad.stderr

    services = build_services(services.config, clock=FrozenClock())
    async with services.uow() as uow:
        a = tables.points_accounts.c
        stmt = update(tables.points_accounts).where(a.id.like("personal:%")).values(balance=1)
        await uow.session.execute(stmt)
        await uow.commit()
    await services.close()
    broken = bot(db_file, "ledger", "check")
    assert broken.returncode == 1
    assert "ledger: 2 discrepancies" in broken.stderr and "stored 1, entries" in broken.stderr

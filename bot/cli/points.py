"""The operator's points commands: `python -m bot ledger check` (every stored balance against
its entries, every transfer and all entries against zero; exit 0 exact, 1 with the
discrepancies) and `python -m bot rent export --month 2026-12 [--out FILE]` (a CSV of the points
paid as rent, one row per household, for the settlement with the management office)."""

from __future__ import annotations

import asyncio
import csv
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

from bot.app import build_services
from bot.config import Config
from core.points.ledger import check_ledger
from storage.migrate import upgrade

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
HEADER = ["complex", "complex_name", "building", "unit", "month", "points", "payments"]


async def ledger_check(config: Config) -> int:
    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        async with services.uow() as uow:
            problems = await check_ledger(uow)
    finally:
        await services.close()
    if not problems:
        print("ledger ok: every balance equals the sum of its entries; all entries sum to 0")
        return 0
    print(f"ledger: {len(problems)} discrepancies", file=sys.stderr)
    for p in problems:
        print(f"  {p.account}: stored {p.stored}, entries {p.summed}", file=sys.stderr)
    return 1


async def _rows(services, month: str) -> list[list]:
    totals: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    async with services.uow() as uow:
        for s in await uow.points.settlements(month):
            total = totals[(s.complex_id, s.household_id)]
            total[0] += s.amount
            total[1] += 1
        rows = []
        for (complex_id, household_id), (amount, count) in sorted(totals.items()):
            complex_ = await uow.complexes.get(complex_id)
            household = await uow.households.get(household_id)
            rows.append(
                [
                    complex_.code,
                    complex_.name,
                    household.building,
                    household.unit,
                    month,
                    amount,
                    count,
                ]
            )
    return rows


async def rent_export(config: Config, month: str, out: str | None) -> int:
    if not MONTH.match(month or ""):
        print("error: --month must be YYYY-MM, e.g. 2026-12", file=sys.stderr)
        return 2
    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        rows = await _rows(services, month)
    finally:
        await services.close()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    if out:
        # utf-8 with a BOM, so that Excel shows the Korean names
        await asyncio.to_thread(Path(out).write_text, buffer.getvalue(), encoding="utf-8-sig")
        total = sum(r[5] for r in rows)
        print(f"rent {month}: {len(rows)} households, {total} points -> {out}")
    else:
        sys.stdout.write(buffer.getvalue())
    return 0

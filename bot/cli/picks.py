"""`python -m bot picks import|list|remove`: 우체국쇼핑 and other outside picks per complex.

Exit codes as for every command: 0 done; 1 a rule said no, or some rows were skipped (the
good rows are imported all the same; each skipped row is reported with its line); 2 bad usage
(unknown complex, a file that is missing or unreadable).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.app import build_services
from bot.cli.commands import fail
from bot.cli.pick_file import PickFileError, read_picks
from bot.config import Config
from bot.handlers.shop.errors import problem_line
from bot.households.letters import translator
from core.errors import DomainError
from core.shop.pick_import import PickRow
from storage.migrate import upgrade

USAGE_ERRORS = {"complex.not_found", "pick.file_missing", "pick.file_unreadable"}
SHOWN_PROBLEMS = 50


def refuse(config: Config, error: DomainError) -> int:
    fail(config, error)
    return 2 if error.code in USAGE_ERRORS else 1


def load_rows(file: str) -> list[PickRow]:
    path = Path(file)
    if not path.is_file():
        raise PickFileError("pick.file_missing", file=file)
    return read_picks(path.read_bytes(), path.name)


async def picks_import(config: Config, complex_code: str | None, file: str) -> int:
    from core.shop.pick_import import import_picks

    try:
        rows = await asyncio.to_thread(load_rows, file)
    except PickFileError as exc:
        return refuse(config, exc)
    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        async with services.uow() as uow:
            report = await import_picks(uow, services.clock, None, complex_code, rows)
            await uow.commit()
    except DomainError as exc:
        return refuse(config, exc)
    finally:
        await services.close()
    t = translator(config)
    print(f"{report.rows} rows in {Path(file).name}")
    for problem in report.problems[:SHOWN_PROBLEMS]:
        print("  " + problem_line(t, problem))
    if len(report.problems) > SHOWN_PROBLEMS:
        print(f"  … {len(report.problems) - SHOWN_PROBLEMS} more skipped rows")
    for c in report.counts:
        print(
            f"{c.complex.code} ({c.complex.name}): created {c.created}, updated {c.updated}, "
            f"unchanged {c.same}, skipped {len(report.problems)}"
        )
    return 1 if report.problems else 0


async def _complex_id(uow, code: str) -> int:  # type: ignore[no-untyped-def]
    from core.errors import NotFound
    from core.ids import saved

    complex_ = await uow.complexes.by_code(code.strip().upper())
    if complex_ is None:
        raise NotFound("complex.not_found", code=code)
    return saved(complex_.id)


async def picks_list(config: Config, complex_code: str) -> int:
    from core.shop.picks import all_picks

    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    t = translator(config)
    try:
        async with services.uow() as uow:
            picks = await all_picks(uow, None, await _complex_id(uow, complex_code))
            lines = [
                f"{p.id}\t{t.won(p.price)}\t{p.source or '-'}\t{p.title}\t{p.link_url}"
                for p in picks
            ]
    except DomainError as exc:
        return refuse(config, exc)
    finally:
        await services.close()
    for line in lines:
        print(line)
    print(f"{len(lines)} picks in {complex_code.upper()}")
    return 0


async def picks_remove(config: Config, complex_code: str, pick_id: int) -> int:
    from core.shop.picks import remove_pick

    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        async with services.uow() as uow:
            pick = await remove_pick(uow, None, await _complex_id(uow, complex_code), pick_id)
            title = pick.title
            await uow.commit()
    except DomainError as exc:
        return refuse(config, exc)
    finally:
        await services.close()
    print(f"removed pick {pick_id}: {title}")
    return 0


def main(config: Config, args) -> int:  # type: ignore[no-untyped-def]
    if args.picks_command == "import":
        code = None if args.all else args.complex_code
        return asyncio.run(picks_import(config, code, args.file))
    if args.picks_command == "list":
        return asyncio.run(picks_list(config, args.complex_code))
    if args.picks_command == "remove":
        return asyncio.run(picks_remove(config, args.complex_code, args.pick_id))
    print(f"unknown command picks {args.picks_command}", file=sys.stderr)
    return 2

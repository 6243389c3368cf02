"""`python -m bot households import`, `invite-sheets` and `operator add`: onboarding a complex.

Exit codes as for every command: 0 done; 1 a rule said no (a file with invalid rows, a 동
with no households); 2 bad usage (unknown complex, a file that is missing or unreadable).
Refusals are one line in the chat's words: `error: <sentence> [code]`. Codes are printed only
into the letters (and an operator's login code to the terminal that asked for it); nothing
here logs them.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime
from pathlib import Path

from bot.app import build_services
from bot.cli.commands import fail
from bot.config import Config
from bot.households.letters import Letter, letter_files, translator
from bot.households.table import TableError, read_rows
from bot.households.words import problem_line
from core.errors import DomainError
from core.identity.households import ImportRow
from storage.migrate import upgrade

USAGE_ERRORS = {"complex.not_found", "household.file_missing", "household.file_unreadable"}
SHOWN_PROBLEMS = 50


def refuse(config: Config, error: DomainError) -> int:
    fail(config, error)
    return 2 if error.code in USAGE_ERRORS else 1


def load_rows(file: str) -> list[ImportRow]:
    path = Path(file)
    if not path.is_file():
        raise TableError("household.file_missing", file=file)
    return read_rows(path.read_bytes(), path.name)


async def households_import(config: Config, complex_code: str, file: str, skip: bool) -> int:
    from core.identity.households import import_households

    try:
        rows = await asyncio.to_thread(load_rows, file)
    except TableError as exc:
        return refuse(config, exc)
    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        async with services.uow() as uow:
            report = await import_households(uow, None, complex_code, rows, skip_invalid=skip)
            where = f"{report.complex.code} ({report.complex.name})"
            if report.written:
                await uow.commit()
    except DomainError as exc:
        return refuse(config, exc)
    finally:
        await services.close()
    t = translator(config)
    print(f"{where}: {report.rows} rows in {Path(file).name}")
    for problem in report.invalid[:SHOWN_PROBLEMS]:
        print("  " + problem_line(t, problem))
    if len(report.invalid) > SHOWN_PROBLEMS:
        print(f"  … {len(report.invalid) - SHOWN_PROBLEMS} more invalid rows")
    if not report.written:
        print(f"would create {report.missing}, existing {report.existing}")
        print("nothing changed (--skip-invalid imports the valid rows and skips the others)")
        error = DomainError("household.file_invalid", count=len(report.invalid))
        return refuse(config, error)
    print(f"created {report.created}, existing {report.existing}, invalid {len(report.invalid)}")
    return 0


def default_out(complex_code: str, building: str | None, now: datetime) -> Path:
    part = f"-{building}" if building else ""
    return Path(f"invites-{complex_code.upper()}{part}-{now:%Y%m%d-%H%M}.pdf")


async def invite_sheets(
    config: Config, complex_code: str, building: str | None, reissue: bool, out: str | None
) -> int:
    from core.identity.invite_sheets import issue_household_invites

    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    target = Path(out) if out else default_out(complex_code, building, services.clock.now())
    written: list[tuple[Path, int, int]] = []
    try:
        async with services.uow() as uow:
            issued = await issue_household_invites(
                uow,
                services.clock,
                services.invite_key,
                None,
                complex_code,
                building=building,
                reissue=reissue,
            )
            letters = [
                Letter(
                    complex_name=issued.complex.name,
                    building=c.household.building,
                    unit=c.household.unit,
                    code=c.code,
                    expires=issued.expires_at,
                )
                for c in issued.codes
            ]
            where = f"{issued.complex.code} ({issued.complex.name})"
            if letters:  # the letters first: codes nobody can read are never committed
                written = await asyncio.to_thread(letter_files, target, letters, config)
            await uow.commit()
    except DomainError as exc:
        return refuse(config, exc)
    except BaseException:
        for path, _, _ in written:
            path.unlink(missing_ok=True)
        raise
    finally:
        await services.close()
    print(
        f"{where}: {len(issued.codes)} new codes, "
        f"{issued.revoked} revoked, {issued.skipped} households kept their active code"
    )
    for path, count, pages in written:
        print(f"wrote {count} letters ({pages} pages) to {path}")
    if not written:
        print("no letters to write: every household has an active code (--reissue for new ones)")
    return 0


async def operator_add(config: Config, name: str) -> int:
    from core.identity.desk_login import add_operator

    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        async with services.uow() as uow:
            resident, issued = await add_operator(uow, services.clock, services.invite_key, name)
            await uow.commit()
    except DomainError as exc:
        return refuse(config, exc)
    finally:
        await services.close()
    print(f"operator #{resident.id} created: {name.strip()} (all complexes)")
    print(f"desk login code (5 minutes, once): {issued.display}")
    return 0


def main(config: Config, args) -> int:
    if args.command == "households":
        return asyncio.run(
            households_import(config, args.complex_code, args.file, args.skip_invalid)
        )
    if args.command == "invite-sheets":
        return asyncio.run(
            invite_sheets(config, args.complex_code, args.building, args.reissue, args.out)
        )
    if args.command == "operator":
        return asyncio.run(operator_add(config, args.name))
    print(f"unknown command {args.command}", file=sys.stderr)
    return 2

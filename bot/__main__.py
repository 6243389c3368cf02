"""Command line: `python -m bot run|migrate|complex add|invite|ledger check|rent export|survey
export|households import|invite-sheets|operator add|vendor serve|approve|refuse|picks
import|list|remove`.

Exit codes: 0 done, 1 a rule said no (the message says which), 2 bad configuration or usage.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.config import ConfigError, check_secrets, load_config


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="내친구 chatbot server")
    parser.add_argument("--config", help="path to bot.toml (default ./bot.toml or $BOT_CONFIG)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="start the bot (HTTP server, channels, outbox, scheduler)")
    sub.add_parser("migrate", help="apply database migrations")
    complex_ = sub.add_parser("complex", help="manage complexes")
    complex_sub = complex_.add_subparsers(dest="complex_command", required=True)
    add = complex_sub.add_parser("add", help="create a complex")
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    invite = sub.add_parser("invite", help="issue an invite code for a household")
    invite.add_argument("--complex", required=True, dest="complex_code")
    invite.add_argument("--building", required=True, help="동, e.g. 101")
    invite.add_argument("--unit", required=True, help="호, e.g. 1203")
    invite.add_argument(
        "--role", default="resident", choices=["resident", "coordinator", "vendor"]
    )
    invite.add_argument("--shop", default="", help="vendor: the shop's name")
    invite.add_argument(
        "--kind", default="", help="vendor, new shop: 로컬푸드 | 사회적경제 | 중소기업 | 제휴상가"
    )
    invite.add_argument("--uses", type=int, default=4)
    invite.add_argument("--days", type=int, default=30)
    ledger = sub.add_parser("ledger", help="points ledger")
    ledger.add_subparsers(dest="ledger_command", required=True).add_parser(
        "check", help="verify balances against entries and the zero sum"
    )
    rent = sub.add_parser("rent", help="rent paid with points")
    export = rent.add_subparsers(dest="rent_command", required=True).add_parser(
        "export", help="CSV of a month's settlements per household"
    )
    export.add_argument("--month", required=True, help="YYYY-MM, e.g. 2026-12")
    export.add_argument("--out", help="CSV file (default: standard output)")
    survey = sub.add_parser("survey", help="설문조사")
    survey_export = survey.add_subparsers(dest="survey_command", required=True).add_parser(
        "export", help="CSV of a survey's responses, one row per response"
    )
    survey_export.add_argument("survey_id", type=int, metavar="ID")
    survey_export.add_argument("--out", help="CSV file (default: standard output)")
    households = sub.add_parser("households", help="세대: import a complex's households")
    imp = households.add_subparsers(dest="households_command", required=True).add_parser(
        "import", help="create missing households from a CSV or XLSX file (동,호[,세대명])"
    )
    imp.add_argument("--complex", required=True, dest="complex_code")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows of a file with errors"
    )
    sheets = sub.add_parser(
        "invite-sheets", help="fresh codes for households without one, as printable letters"
    )
    sheets.add_argument("--complex", required=True, dest="complex_code")
    sheets.add_argument("--building", help="only this 동")
    sheets.add_argument(
        "--reissue", action="store_true", help="new codes for every household, old ones revoked"
    )
    sheets.add_argument("--out", help="PDF file (default invites-<complex>-<time>.pdf)")
    operator = sub.add_parser("operator", help="operators (every complex, the desk)")
    op_add = operator.add_subparsers(dest="operator_command", required=True).add_parser(
        "add", help="create an operator and print a one-time desk login code"
    )
    op_add.add_argument("--name", required=True)
    picks = sub.add_parser("picks", help="우체국쇼핑 and other outside picks per complex")
    picks_sub = picks.add_subparsers(dest="picks_command", required=True)
    picks_imp = picks_sub.add_parser(
        "import", help="add or update picks from a CSV or JSON file (same link = update)"
    )
    where = picks_imp.add_mutually_exclusive_group(required=True)
    where.add_argument("--complex", dest="complex_code")
    where.add_argument("--all", action="store_true", help="every complex")
    picks_imp.add_argument("file", metavar="FILE")
    picks_sub.add_parser("list", help="a complex's picks").add_argument(
        "--complex", required=True, dest="complex_code"
    )
    picks_rm = picks_sub.add_parser("remove", help="remove one pick by its id (see list)")
    picks_rm.add_argument("--complex", required=True, dest="complex_code")
    picks_rm.add_argument("pick_id", type=int, metavar="ID")
    vendor = sub.add_parser("vendor", help="a shop serving several complexes")
    vendor_sub = vendor.add_subparsers(dest="vendor_command", required=True)
    for name, what in (
        ("serve", "ask that the shop serve another complex (its coordinators approve)"),
        ("approve", "approve the shop serving the complex (as the operator)"),
        ("refuse", "refuse, or stop, the shop serving the complex"),
    ):
        command = vendor_sub.add_parser(name, help=what)
        command.add_argument("shop", metavar="SHOP", help="the shop's number or name")
        command.add_argument("--complex", required=True, dest="complex_code")
        if name == "serve":
            command.add_argument("--pickup", default="", help="the pickup place in that complex")
    for p in sub.choices.values():
        p.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.config)
        if args.command == "run":
            check_secrets(config)  # no open doors outside the local setting
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from bot.cli import commands as cli
    from bot.cli.points import ledger_check, rent_export
    from bot.cli.surveys import survey_export

    if args.command == "run":
        return cli.run(config)
    if args.command == "migrate":
        return cli.migrate(config)
    if args.command == "complex":
        return asyncio.run(cli.complex_add(config, args.code, args.name))
    if args.command == "invite":
        return asyncio.run(cli.invite(config, args))
    if args.command in ("households", "invite-sheets", "operator"):
        from bot.cli.households import main as onboarding

        return onboarding(config, args)
    if args.command == "picks":
        from bot.cli.picks import main as picks_main

        return picks_main(config, args)
    if args.command == "vendor":
        from bot.cli.vendors import vendor as vendor_command

        return asyncio.run(vendor_command(config, args))
    if args.command == "ledger":
        return asyncio.run(ledger_check(config))
    if args.command == "rent":
        return asyncio.run(rent_export(config, args.month, args.out))
    if args.command == "survey":
        return asyncio.run(survey_export(config, args.survey_id, args.out))
    return 2


if __name__ == "__main__":
    sys.exit(main())

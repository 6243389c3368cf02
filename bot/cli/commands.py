"""What each command does. Kept apart from argument parsing so tests can call it directly."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from bot.app import build_engine, build_services
from bot.config import Config
from bot.logs import configure as configure_logging
from core.errors import DomainError
from storage.migrate import upgrade

log = logging.getLogger("naechingu")


def migrate(config: Config) -> int:
    upgrade(config.database.url)
    print("migrations applied")
    return 0


def fail(config: Config, error: DomainError) -> int:
    """A refused rule as one line in the words the chat uses (in `i18n.default_locale`), with
    the rule's code in brackets for scripts: `error: 사용 인원은 1~20명… [invite.bad_limits]`."""
    from bot.handlers.errors import describe
    from bot.i18n import Catalogs

    i18n = config.i18n
    t = Catalogs(i18n.locales, i18n.default_locale, i18n.timezone).get(i18n.default_locale)
    print(f"error: {describe(t, error)} [{error.code}]", file=sys.stderr)
    return 1


async def complex_add(config: Config, code: str, name: str) -> int:
    from core.identity.admin import add_complex

    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        async with services.uow() as uow:
            complex_ = await add_complex(uow, code, name)
            await uow.commit()
        print(f"complex {complex_.code} created: {complex_.name}")
        return 0
    except DomainError as exc:
        return fail(config, exc)
    finally:
        await services.close()


async def invite(config: Config, args) -> int:
    from core.identity.admin import issue_invite

    await asyncio.to_thread(upgrade, config.database.url)
    services = build_services(config)
    try:
        async with services.uow() as uow:
            issued = await issue_invite(
                uow,
                services.clock,
                services.invite_key,
                complex_code=args.complex_code,
                building=args.building,
                unit=args.unit,
                role=args.role,
                uses=args.uses,
                days=args.days,
                shop=getattr(args, "shop", ""),
                shop_kind=shop_kind(getattr(args, "kind", "")),
            )
            await uow.commit()
        print(
            f"invite for {issued.complex.code} {issued.household.building}동 "
            f"{issued.household.unit}호 (role {issued.invite.role}, "
            f"{issued.invite.max_uses} uses, expires {issued.invite.expires_at:%Y-%m-%d})"
        )
        if issued.invite.shop_id is not None:
            print(f"vendor of shop #{issued.invite.shop_id}: {getattr(args, 'shop', '')}")
        print(issued.display)
        return 0
    except DomainError as exc:
        return fail(config, exc)
    finally:
        await services.close()


def shop_kind(word: str) -> str:
    """`--kind` in Korean (로컬푸드) or as the stored code (local_food)."""
    from core.shop.words import KIND_BY_WORD

    return KIND_BY_WORD.get(word.strip(), word.strip())


def run(config: Config) -> int:
    configure_logging(config)
    upgrade(config.database.url)
    asyncio.run(_serve(config))
    return 0


def settle_heap() -> None:
    """Move everything built at start-up (modules, catalogs, the engine) out of the cyclic
    collector's sight, so a full collection scans only what the running bot made: without
    it one collection stalled the outbox sender's event loop for 95 ms (bench/broadcast.py),
    long enough to lose its place on the pacer's timetable."""
    import gc

    gc.collect()
    gc.freeze()


async def _serve(config: Config) -> None:
    from bot.demo.seed import demo_codes, seed_demo
    from bot.runtime import Runtime

    services = build_services(config)
    services.understanding.morphology.preload()  # Kiwi, on a thread: start-up does not wait
    engine = build_engine(services)
    if config.demo.enabled:
        await seed_demo(services)
    runtime = Runtime(services, engine)
    await runtime.start()
    base = f"http://{config.http.host}:{runtime.port}/"
    print(f"\n  내친구 is running. Web chat: {base}")
    print(f"  Coordinator desk: {base}desk/ (code from 코디네이터 → 데스크 열기)")
    if config.demo.enabled:
        codes = await demo_codes(services)
        if codes:
            print("  Demo invite codes (complex DEMO):")
            for household, code in codes:
                place = f"{household.building.removesuffix('동')}동 {household.unit}호"
                print(f"    {place:<12} {code}  {household.who}")
        from bot.demo.vendors import NEAR_HOUSEHOLDS

        near = await demo_codes(services, NEAR_HOUSEHOLDS)
        if near:
            print("  Demo invite codes (complex NEAR, served by the DEMO farm shop):")
            for household, code in near:
                place = f"{household.building.removesuffix('동')}동 {household.unit}호"
                print(f"    {place:<12} {code}  {household.who}")
    print("  Stop with Ctrl+C.\n", flush=True)
    settle_heap()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runtime.stop()
    await services.close()

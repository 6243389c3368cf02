"""The composition root: everything is built here, from the config, and passed down.
Nothing is global; tests build their own with `build_services(config, clock=...)`."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot import housekeeping
from bot.channels.kakao import late_photos
from bot.config import Config
from bot.engine.assembly import FeatureApp
from bot.engine.engine import Engine
from bot.engine.runner import DialogRunner
from bot.handlers import errors
from bot.handlers.boards import feature as boards
from bot.handlers.coordinator import feature as coordinator
from bot.handlers.defects import feature as defects
from bot.handlers.help import feature as help_
from bot.handlers.helpdesk import feature as helpdesk
from bot.handlers.identity import feature as identity
from bot.handlers.identity.home import Pages
from bot.handlers.notices import feature as notices
from bot.handlers.partners import feature as partners
from bot.handlers.points import feature as points
from bot.handlers.proxy import feature as proxy
from bot.handlers.share import feature as share
from bot.handlers.shop import feature as shop
from bot.handlers.surveys import feature as surveys
from bot.handlers.votes import feature as votes
from bot.i18n import Catalogs
from bot.logs import quiet_libraries
from bot.metrics import Metrics
from bot.outbox.kinds import NotificationKinds, default_kinds
from bot.outbox.live import InboxBell
from bot.outbox.notifier import OutboxNotifier
from bot.public_holidays import PublicHolidays, parse_days
from bot.scheduler import JobKinds
from bot.understand.matcher import Matcher
from bot.understand.morph import shared as shared_morphology
from bot.understand.table import Table
from core.clock import Clock, SystemClock
from core.share.ride_time import Holidays
from storage.db import create_engine, is_sqlite, session_factory
from storage.media import FileMediaStore
from storage.uow import UnitOfWorkFactory


@dataclass
class Services:
    config: Config
    clock: Clock
    catalogs: Catalogs
    db: AsyncEngine
    uow: UnitOfWorkFactory
    invite_key: bytes  # keys invite-code hashes
    token_key: bytes  # keys deterministic button tokens
    notifications: NotificationKinds  # how each notification kind reads
    jobs: JobKinds  # scheduled job kinds → handlers; features register theirs in build_engine
    media: FileMediaStore  # residents' photos
    holidays: Holidays  # public holidays (KR + [share] extra_holidays): paid carpools, 평일
    understanding: Matcher  # typed Korean → intents (bot/understand); Kiwi loads once
    bell: InboxBell = field(default_factory=InboxBell)  # wakes open web pages after a commit
    metrics: Metrics = field(default_factory=Metrics)  # this process's registry (GET /metrics)

    async def close(self) -> None:
        await self.uow.aclose()
        await self.db.dispose()


def load_secret(config: Config) -> bytes:
    if config.security.secret_key:
        return config.security.secret_key.encode()
    path = Path(config.security.secret_key_file)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip().encode()


def _derive(secret: bytes, purpose: str) -> bytes:
    return hmac.new(secret, purpose.encode(), hashlib.sha256).digest()


def build_services(config: Config, *, clock: Clock | None = None) -> Services:
    clock = clock or SystemClock()
    quiet_libraries()  # no library logs request URLs (the bot token) or SQL parameters
    db = create_engine(config.database.url, pool_size=config.database.pool_size)
    secret = load_secret(config)
    kinds = default_kinds()

    def extend(uow) -> None:
        uow.notifier = OutboxNotifier(uow, services, kinds)

    services = Services(
        config=config,
        clock=clock,
        catalogs=Catalogs(config.i18n.locales, config.i18n.default_locale, config.i18n.timezone),
        db=db,
        uow=UnitOfWorkFactory(
            session_factory(db),
            serialize=is_sqlite(config.database.url),
            extend=extend,
            clock=clock,
            identity_cache=config.database.identity_cache,
        ),
        invite_key=_derive(secret, "invite-codes"),
        token_key=_derive(secret, "button-tokens"),
        notifications=kinds,
        jobs=JobKinds(),
        media=FileMediaStore(
            config.media.dir,
            _derive(secret, "media-urls"),
            config.http.public_base_url or f"http://{config.http.host}:{config.http.port}",
        ),
        holidays=PublicHolidays(parse_days(config.share.extra_holidays)),
        # The table is read now; the morphology (one per process) loads on first use, or on
        # a background thread when the server starts (bot/cli/commands.py).
        understanding=Matcher(Table.load(), shared_morphology()),
    )
    housekeeping.register(services)  # the nightly purge's job kind
    late_photos.register(services)  # "your photos arrived" (slow KakaoTalk photos)
    return services


# Every feature, in the order its routers, dialogs and jobs are registered. Menu order is
# declared by each entry (`rank`), not by this order. To add a feature: a package under
# bot/handlers with `register(app)`, and its name here.
FEATURES = (
    identity,
    help_,
    helpdesk,
    coordinator,
    defects,
    notices,
    votes,
    surveys,
    boards,
    points,
    shop,
    partners,
    share,
    proxy,
)


def build_engine(services: Services) -> Engine:
    """Assemble every feature: each `register(app)` adds its routers, dialogs, menu entries,
    notification kinds and scheduled job kinds (registering a job handler again is a no-op,
    so building twice is fine)."""
    app = FeatureApp(services)
    for feature in FEATURES:
        feature.register(app)
    runner = DialogRunner(app.dialogs, errors.explain, app.intents, errors.rescue)
    pages = Pages(runner)
    return Engine(
        services=services,
        router=app.router,
        runner=runner,
        pages=pages,
        menus=app.menus,
        intents=app.intents,
    )

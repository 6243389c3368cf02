"""The composition root: everything is built here, from the config, and passed down.
Nothing is global; tests build their own with `build_services(config, clock=...)`."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.engine.actions import Router
from bot.engine.engine import Engine
from bot.engine.runner import DialogRunner
from bot.i18n import Catalogs
from bot.logs import quiet_libraries
from bot.outbox.kinds import NotificationKinds, default_kinds
from bot.outbox.notifier import OutboxNotifier
from bot.public_holidays import PublicHolidays, parse_days
from bot.scheduler import JobKinds
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

    async def close(self) -> None:
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
    quiet_libraries()  # no library logs request URLs (the bot token) or SQL parameters
    db = create_engine(config.database.url, pool_size=config.database.pool_size)
    secret = load_secret(config)
    kinds = default_kinds()

    def extend(uow) -> None:
        uow.notifier = OutboxNotifier(uow, services, kinds)

    services = Services(
        config=config,
        clock=clock or SystemClock(),
        catalogs=Catalogs(config.i18n.locales, config.i18n.default_locale, config.i18n.timezone),
        db=db,
        uow=UnitOfWorkFactory(
            session_factory(db), serialize=is_sqlite(config.database.url), extend=extend
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
    )
    return services


def build_engine(services: Services) -> Engine:
    """Assemble every feature's router and dialogs, in one place, in a fixed order. Features
    with deadlines register their scheduled job kinds here: `services.jobs.register(kind, fn)`
    (registering the same handler again is a no-op, so building twice is fine)."""
    from bot.dialogs import coordinator_invite, defect_status, link_account, verify
    from bot.handlers import coordinator, errors, help, home, linking
    from bot.handlers import coordinator_defect_alerts as defect_alerts
    from bot.handlers import coordinator_defect_report as defect_report
    from bot.handlers import coordinator_defect_summary as defect_summary
    from bot.handlers import coordinator_defects as defect_queue

    router = Router().include(
        home.router, help.router, coordinator.router, verify.router, linking.router
    )
    router.include(defect_queue.router, defect_report.router, defect_summary.router)
    dialogs = {d.name: d for d in (verify.dialog, coordinator_invite.dialog, link_account.dialog)}
    dialogs.update({d.name: d for d in defect_status.DIALOGS})
    defect_alerts.register(services)
    # 고장 신고, the residents' side: filing, own reports, common-area reports, notifications.
    from bot.dialogs import defect_after, file_defect
    from bot.handlers import defect_notices, defects, defects_common

    router.include(defects.router, defects_common.router)
    for dialog in (file_defect.dialog, defect_after.rate_dialog, defect_after.reopen_dialog):
        dialogs[dialog.name] = dialog
    defect_notices.register_notifications(services.notifications)
    # 우리단지: notices (broadcast in chunks) and household votes, with their jobs.
    from bot.dialogs import create_vote, send_notice
    from bot.handlers import coordinator_notices, coordinator_votes, notices, votes

    router.include(notices.router, votes.router)
    router.include(coordinator_notices.router, coordinator_votes.router)
    for dialog in (send_notice.dialog, create_vote.dialog, create_vote.proxy_dialog):
        dialogs[dialog.name] = dialog
    coordinator_notices.register(services)
    coordinator_votes.register(services)
    # 설문조사: surveys answered one question at a time, the reminder and the close.
    from bot.dialogs import answer_survey, create_survey
    from bot.handlers import coordinator_surveys, surveys

    router.include(surveys.router, coordinator_surveys.router)
    for dialog in (create_survey.dialog, *answer_survey.DIALOGS):
        dialogs[dialog.name] = dialog
    coordinator_surveys.register(services)
    # 우리단지 게시판: 생활편의 / 일자리 / 교육문화, event sign-ups and their reminder job.
    from bot.dialogs import post_board
    from bot.handlers import boards, coordinator_boards

    router.include(boards.router, coordinator_boards.router)
    dialogs[post_board.dialog.name] = post_board.dialog
    coordinator_boards.register(services)
    # 포인트: balance and history, 임대료로 내기, 공용 포인트, the daily expiry sweep.
    from bot.dialogs import pay_rent, spend_common_points
    from bot.handlers import points, points_jobs

    router.include(points.router)
    for dialog in (pay_rent.dialog, spend_common_points.dialog):
        dialogs[dialog.name] = dialog
    points_jobs.register(services)
    # 알뜰쇼핑: browsing and orders, group buys, the vendor's menu, their notices and jobs.
    from bot.dialogs import shop_order, shop_product, shop_refund, shop_vendor
    from bot.handlers import coordinator_shop, shop, shop_groupbuy, shop_history, shop_notices
    from bot.handlers import shop_vendor as vendor_menu

    router.include(shop.router, shop_groupbuy.router, vendor_menu.router, shop_history.router)
    router.include(coordinator_shop.router)
    for dialog in (*shop_order.DIALOGS, *shop_product.DIALOGS, *shop_vendor.DIALOGS):
        dialogs[dialog.name] = dialog
    for dialog in shop_refund.DIALOGS:
        dialogs[dialog.name] = dialog
    shop_notices.register(services)
    # 공유마켓: listings, carpool seats, relay conversations, thanks, moderation, their jobs.
    from bot.dialogs import post_carpool, post_listing, share_chat
    from bot.handlers import coordinator_share, share, share_actions, share_notices, share_rides

    router.include(share.router, share_rides.router, share_actions.router)
    router.include(coordinator_share.router)
    from bot.dialogs import share_edit
    from bot.handlers import coordinator_share_lift

    router.include(coordinator_share_lift.router)

    for dialog in (
        post_carpool.dialog,
        post_listing.dialog,
        share_edit.dialog,
        *share_chat.DIALOGS,
    ):
        dialogs[dialog.name] = dialog
    share_notices.register(services)
    runner = DialogRunner(dialogs, errors.explain)
    pages = home.Pages(runner)
    return Engine(services=services, router=router, runner=runner, pages=pages)

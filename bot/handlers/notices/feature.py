"""How the notices feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.notices import send
from bot.engine.assembly import FeatureApp
from bot.engine.context import Ctx
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.notices import coordinator, residents
from bot.handlers.notices.actions import LatestNotice, SentNotices, StartNotice
from bot.handlers.notices.render import notice_screen
from bot.i18n import N_
from core.notices.broadcast import SEND_JOB
from core.notices.events import NoticePublished


async def is_coordinator(ctx: Ctx) -> bool:
    return ctx.membership.is_coordinator


def register(app: FeatureApp) -> None:
    app.routers(residents.router, coordinator.router)
    app.add_dialogs(send.dialog)
    kinds = app.services.notifications
    if NoticePublished not in kinds:
        kinds.register(NoticePublished, notice_screen, N_("공지"))
    app.services.jobs.register(SEND_JOB, coordinator.send_job)
    # 공지사항 opens the newest notice in full (다른 공지: the list), one tap from 우리단지.
    app.menu("complex", MenuEntry(N_("공지사항"), LatestNotice, rank=10))
    app.intent(
        Intent("notices.list", N_("공지사항"), lambda slot: LatestNotice()),
        Intent(
            "notices.send", N_("공지 보내기"), lambda slot: StartNotice(), shown=is_coordinator
        ),
    )
    app.menu(
        "coordinator",
        MenuEntry(N_("공지 보내기"), StartNotice, rank=40),
        MenuEntry(N_("보낸 공지"), SentNotices, rank=41),
    )

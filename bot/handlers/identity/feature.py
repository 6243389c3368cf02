"""How the identity feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from functools import partial

from bot.dialogs.identity import link_account, verify
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.engine.nav import Nav
from bot.handlers.identity import home, linking
from bot.handlers.identity.actions import Greet, OpenSection, ShowHousehold, StartVerify
from bot.handlers.identity.home import SECTIONS
from bot.handlers.identity.linking import IssueLinkCode
from bot.handlers.identity.words import account_linked, invite_guessing
from bot.i18n import N_
from core.identity.events import AccountLinked, InviteGuessing


def _section(section: str, slot: str | None) -> OpenSection:
    return OpenSection(section)


def register(app: FeatureApp) -> None:
    app.routers(home.router, linking.router)
    if AccountLinked not in app.services.notifications:
        app.services.notifications.register(AccountLinked, account_linked, N_("메신저 연결"))
    if InviteGuessing not in app.services.notifications:
        app.services.notifications.register(
            InviteGuessing, invite_guessing, N_("초대코드 대입 경고")
        )
    app.add_dialogs(verify.dialog, link_account.dialog)
    app.menu("complex", MenuEntry(N_("우리 집 정보"), ShowHousehold, rank=50))
    # Where typed sentences lead (bot/understand/intents.toml has their words).
    app.intent(
        Intent("greeting", N_("처음으로"), lambda slot: Greet(), note=False),
        Intent("nav.home", N_("처음으로"), lambda slot: Nav(to="home"), note=False),
        Intent("identity.household", N_("우리 집 정보"), lambda slot: ShowHousehold()),
        Intent("identity.verify", N_("초대코드 입력"), lambda slot: StartVerify()),
        Intent("identity.link", N_("다른 메신저 연결"), lambda slot: IssueLinkCode()),
        *(
            Intent(f"section.{s}", SECTIONS[s][0], partial(_section, s))
            for s in ("share", "shop", "complex")
        ),
    )

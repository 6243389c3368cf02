"""How the identity feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.identity import link_account, verify
from bot.engine.assembly import FeatureApp
from bot.engine.menus import MenuEntry
from bot.handlers.identity import home, linking
from bot.handlers.identity.actions import ShowHousehold
from bot.handlers.identity.words import account_linked
from bot.i18n import N_
from core.identity.events import AccountLinked


def register(app: FeatureApp) -> None:
    app.routers(home.router, linking.router)
    if AccountLinked not in app.services.notifications:
        app.services.notifications.register(AccountLinked, account_linked, N_("메신저 연결"))
    app.add_dialogs(verify.dialog, link_account.dialog)
    app.menu("complex", MenuEntry(N_("우리 집 정보"), ShowHousehold, rank=50))

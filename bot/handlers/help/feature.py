"""How the help feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.help import alert_phone, moved_out
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.engine.nav import Nav
from bot.handlers.help import alerts, menu, my_data
from bot.handlers.help.actions import StartMovedOut
from bot.handlers.help.menu import ChooseLanguage, ToggleEasyMode
from bot.i18n import N_


def register(app: FeatureApp) -> None:
    app.routers(menu.router, alerts.router, my_data.router)
    app.add_dialogs(alert_phone.dialog, moved_out.dialog)
    app.menu("coordinator", MenuEntry(N_("이사 간 세대 정보 지우기"), StartMovedOut, rank=97))
    app.intent(
        Intent(
            "help.easy",
            N_("쉬운 모드 켜기"),
            lambda slot: ToggleEasyMode(on=slot != "off"),
            slots={"on": N_("켜기"), "off": N_("끄기")},
        ),
        Intent("help.language", N_("언어 Language"), lambda slot: ChooseLanguage()),
        Intent("help.guide", N_("도움말"), lambda slot: Nav(to="help")),
    )

"""How the helpdesk feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds, job kinds and the "help.ask" intent (what the feature is: see the package
docstring)."""

from __future__ import annotations

from bot.dialogs.helpdesk import answer
from bot.dialogs.helpdesk import ask as ask_dialogs
from bot.engine.assembly import FeatureApp
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.helpdesk import ask, notices, queue
from bot.handlers.helpdesk.actions import OpenHelpQueue, StartHelp
from bot.i18n import N_


def register(app: FeatureApp) -> None:
    app.routers(ask.router, queue.router)
    app.add_dialogs(*ask_dialogs.DIALOGS, *answer.DIALOGS)
    notices.register(app.services)
    app.menu("coordinator", MenuEntry(N_("도움 요청"), OpenHelpQueue, rank=5))
    app.intent(Intent("help.ask", N_("도움 요청"), lambda slot: StartHelp()))

"""How the help feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.help import alert_phone
from bot.engine.assembly import FeatureApp
from bot.handlers.help import alerts, menu


def register(app: FeatureApp) -> None:
    app.routers(menu.router, alerts.router)
    app.add_dialogs(alert_phone.dialog)

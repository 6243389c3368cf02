"""What a feature is given to plug itself in: `register(app: FeatureApp)` in each
`bot/handlers/<feature>/__init__.py` adds the feature's routers, dialogs, menu entries,
notification kinds, scheduled job kinds and intents (where typed sentences lead). The
composition root (`bot/app.py`) calls every feature's `register` in the order of its
`FEATURES` tuple; nothing registers itself at import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.engine.actions import Router
from bot.engine.dialog import Dialog
from bot.engine.intents import Intent, Intents
from bot.engine.menus import MenuEntry, Menus

if TYPE_CHECKING:
    from bot.app import Services


@dataclass
class FeatureApp:
    services: Services
    router: Router = field(default_factory=Router)
    dialogs: dict[str, Dialog] = field(default_factory=dict)
    menus: Menus = field(default_factory=Menus)
    intents: Intents = field(default_factory=Intents)

    def routers(self, *routers: Router) -> None:
        self.router.include(*routers)

    def add_dialogs(self, *dialogs: Dialog) -> None:
        for dialog in dialogs:
            if dialog.name in self.dialogs:
                raise ValueError(f"dialog {dialog.name} registered twice")
            self.dialogs[dialog.name] = dialog

    def menu(self, menu: str, *entries: MenuEntry) -> None:
        self.menus.add(menu, *entries)

    def intent(self, *intents: Intent) -> None:
        self.intents.add(*intents)

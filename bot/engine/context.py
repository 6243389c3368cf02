"""What a handler or a dialog step sees: the unit of work, the clock, the resident and their
roles, the translator, and the conversation state. Built by the engine for each message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.engine.actions import Action
from bot.screens import Button, ButtonRole, Card, Expect, Inbound, Screen
from core.helpdesk.model import RECENT_TEXTS, redact

if TYPE_CHECKING:
    from bot.app import Services
    from bot.engine.menus import Menus
    from bot.engine.runner import DialogRunner
    from bot.i18n import Translator
    from core.clock import Clock
    from core.errors import DomainError
    from core.identity.model import ChannelAccount, Membership, Resident
    from core.ports import UnitOfWork


class Pages(Protocol):
    """The screens the engine itself needs (built by the identity and help features)."""

    async def home(self, ctx: Ctx) -> Screen: ...
    async def help(self, ctx: Ctx) -> Screen: ...
    async def start(self, ctx: Ctx, arg: str) -> Screen: ...
    def explain(self, ctx: Ctx, error: DomainError) -> str: ...
    def rescue(self, ctx: Ctx, error: DomainError, screen: Screen) -> Screen: ...


@dataclass
class Conversation:
    """The stored state of one resident's conversation (one row, locked for the message)."""

    resident_id: int
    version: int
    dialog: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    screen: dict[str, Any] | None = None

    def clear_dialog(self) -> None:
        if self.dialog:  # what the person was doing, as context for a 도움 요청
            self.data["was"] = f"{self.dialog}:{self.step or ''}"
        self.dialog = None
        self.step = None
        self.data.pop("answers", None)
        self.data.pop("history", None)
        self.data.pop("misses", None)

    def remember(self, text: str) -> None:
        """Keep the person's last few typed texts (codes and phone numbers masked), the
        context a 도움 요청 carries to the coordinator; never logged."""
        typed = [*self.data.get("typed", []), redact(text)][-RECENT_TEXTS:]
        self.data["typed"] = typed


@dataclass
class Ctx:
    uow: UnitOfWork  # the core port: handlers and dialogs pass it to core, never query it
    clock: Clock
    t: Translator
    resident: Resident
    account: ChannelAccount
    membership: Membership
    inbound: Inbound
    conversation: Conversation
    services: Services
    dialogs: DialogRunner
    menus: Menus
    pages: Pages

    async def home(self) -> Screen:
        """The home menu (the welcome for people not yet verified)."""
        return await self.pages.home(self)

    async def start_dialog(self, name: str, **answers: Any) -> Screen:
        return await self.dialogs.start(self, name, **answers)

    def _(self, message: str, /, **params: object) -> str:
        return self.t._(message, **params)

    def button(self, label: str, action: Action, *, nav: bool = False) -> Button:
        role = ButtonRole.NAV if nav else ButtonRole.CHOICE
        return Button(label=label, action=action.dump(), role=role)

    def link(self, label: str, url: str) -> Button:
        return Button(label=label, url=url)

    def card(self, title: str, *lines: str, buttons: tuple[Button, ...] = (), **kw: Any) -> Card:
        return Card(title=title, lines=tuple(lines), buttons=buttons, **kw)

    def screen(
        self,
        text: str,
        *buttons: Button,
        expect: Expect = Expect.CHOICE,
        back: Action | None = None,
        home: bool = True,
        **kw: Any,
    ) -> Screen:
        """A screen with the usual way out: "이전" when `back` is given and "처음으로"."""
        nav = []
        if back is not None:
            nav.append(self.button(self._("이전"), back, nav=True))
        if home:
            from bot.engine.nav import Nav

            nav.append(self.button(self._("처음으로"), Nav(to="home"), nav=True))
        return Screen(text=text, buttons=(*buttons, *nav), expect=expect, **kw)

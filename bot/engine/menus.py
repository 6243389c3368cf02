"""Menus declared by the features. Each feature's `register(app)` adds its entry points to the
menus it belongs in (`app.menus.add("complex", MenuEntry(...))`); the home sections and the
코디네이터 menu read them back through `ctx.menus`. Nothing is appended at import time, and
the order is the one each entry declares (`rank`), never the order modules were imported in.

Menus: "share", "shop", "complex", "points" (the four home sections) and "coordinator".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.engine.actions import Action

if TYPE_CHECKING:
    from bot.engine.context import Ctx
    from bot.screens import Button

Shown = Callable[["Ctx"], Awaitable[bool]]


@dataclass(frozen=True)
class MenuEntry:
    """One button of a menu: its label (marked with N_), the action it starts, its place,
    and optionally when it is shown (e.g. 설문조사 only while a survey is open)."""

    label: str
    action: Callable[[], Action]
    rank: int
    shown: Shown | None = None


@dataclass
class Menus:
    entries: dict[str, list[MenuEntry]] = field(default_factory=dict)

    def add(self, menu: str, *entries: MenuEntry) -> None:
        listed = self.entries.setdefault(menu, [])
        for entry in entries:
            if any(e.rank == entry.rank for e in listed):
                raise ValueError(f"menu {menu}: two entries at rank {entry.rank}")
            listed.append(entry)
        listed.sort(key=lambda e: e.rank)

    def of(self, menu: str) -> tuple[MenuEntry, ...]:
        return tuple(self.entries.get(menu, ()))

    async def buttons(self, ctx: Ctx, menu: str) -> list[Button]:
        """The menu's buttons for this resident, in order, each label translated."""
        return [
            ctx.button(ctx._(entry.label), entry.action())
            for entry in self.of(menu)
            if entry.shown is None or await entry.shown(ctx)
        ]

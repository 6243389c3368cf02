"""대신 하기 typed actions and dialog id (a leaf: importable alone)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action

START_DIALOG = "proxy.start"  # dialog: 동 → 호 → how asked → (request no.) → consent


@dataclass(frozen=True)
class StartProxy(Action, kind="proxy.start"):
    """코디네이터 → 대신 하기."""


@dataclass(frozen=True)
class ProxyHome(Action, kind="proxy.home"):
    """The task menu of the household being acted for."""

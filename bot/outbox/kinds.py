"""Notification kinds: how each kind of notification reads, in the recipient's language.

Core use cases say *what* happened (a kind and its parameters); this registry says how it
reads. A feature adds its kinds with `register(kind, renderer)` next to its handlers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.i18n import Translator
from bot.screens import Screen

Renderer = Callable[[Translator, dict[str, Any]], Screen]


class NotificationKinds:
    def __init__(self) -> None:
        self._renderers: dict[str, Renderer] = {}

    def register(self, kind: str, renderer: Renderer) -> None:
        if kind in self._renderers:
            raise ValueError(f"notification kind {kind} registered twice")
        self._renderers[kind] = renderer

    def render(self, kind: str, t: Translator, params: dict[str, Any]) -> Screen:
        return self._renderers[kind](t, params)

    def __contains__(self, kind: str) -> bool:
        return kind in self._renderers


def _account_linked(t: Translator, params: dict[str, Any]) -> Screen:
    from bot.handlers.linking import CHANNEL_NAMES

    code = params["channel"]
    channel = t._(CHANNEL_NAMES.get(code, code))
    text = t._(
        "다른 메신저({channel})가 내 계정에 연결되었어요. "
        "직접 하신 게 아니면 도움말 → 연결된 메신저에서 끊어 주세요.",
        channel=channel,
    )
    return Screen(text)


def default_kinds() -> NotificationKinds:
    """The kinds every installation has; features register theirs in build_engine."""
    kinds = NotificationKinds()
    kinds.register("account.linked", _account_linked)
    kinds.register("message", lambda t, p: Screen(p["text"]))
    return kinds

"""Notification kinds: how each kind of notification reads, in the recipient's language.

Core use cases say *what* happened (a kind and its parameters); this registry says how it
reads. A feature adds its kinds with `register(kind, renderer, label=N_("…"))` next to its
handlers; the label is the short name the inbox digest gives several waiting notifications of
the kind ("대화 종료 7건"); without one, the first line of the newest stands for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.i18n import Translator
from bot.screens import Screen
from core.notifications import Message, Notification

# A renderer gets the typed payload (a core.notifications.Notification subclass).
Renderer = Callable[[Translator, Any], Screen]


class NotificationKinds:
    def __init__(self) -> None:
        self._renderers: dict[str, Renderer] = {}
        self._labels: dict[str, str] = {}

    def register(
        self, kind: str | type[Notification], renderer: Renderer, label: str = ""
    ) -> None:
        """`label`: an N_() source text, translated for each recipient when queued."""
        name = kind if isinstance(kind, str) else kind.kind
        if name in self._renderers:
            raise ValueError(f"notification kind {name} registered twice")
        self._renderers[name] = renderer
        if label:
            self._labels[name] = label

    def label(self, kind: str) -> str:
        """The kind's short digest label (untranslated), or "" when it has none."""
        return self._labels.get(kind, "")

    def render(self, kind: str, t: Translator, note: Notification) -> Screen:
        return self._renderers[kind](t, note)

    def __contains__(self, kind: str | type[Notification]) -> bool:
        return (kind if isinstance(kind, str) else kind.kind) in self._renderers


def default_kinds() -> NotificationKinds:
    """The kinds every installation has; features register theirs in `register(app)`."""
    kinds = NotificationKinds()
    kinds.register(Message, lambda t, message: Screen(message.text))
    return kinds

"""Where typed sentences can lead: each feature declares its intents (`app.intent(...)` in its
`register`), the understanding step (typed Korean → an intent name and an optional slot, e.g.
"defect.file" with "elevator") looks them up here, and the engine starts the one it found.

An intent's name is stable data (the synonym table and the evaluation set refer to it); its
label is the button offered when the bot is unsure ("고장 신고"); its action builds the typed
action that starts the task, given the slot the sentence carried (or None).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.engine.actions import Action
from bot.engine.menus import Shown


@dataclass(frozen=True)
class Intent:
    name: str  # e.g. "defect.file", "points.balance", "help.ask"
    label: str  # marked with N_: the guess button's label
    action: Callable[[str | None], Action]  # slot → the action that starts the task
    shown: Shown | None = None  # only offered when this resolves true (e.g. coordinators)
    slots: Mapping[str, str] | None = None  # slot → its label (N_), said with the label
    note: bool = True  # say what was understood on arrival ("고장 신고로 갈게요 (승강기)")


@dataclass
class Intents:
    by_name: dict[str, Intent] = field(default_factory=dict)

    def add(self, *intents: Intent) -> None:
        for intent in intents:
            if intent.name in self.by_name:
                raise ValueError(f"intent {intent.name} registered twice")
            self.by_name[intent.name] = intent

    def get(self, name: str) -> Intent | None:
        return self.by_name.get(name)

    def names(self) -> frozenset[str]:
        return frozenset(self.by_name)

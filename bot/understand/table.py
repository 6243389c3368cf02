"""The synonym table (`intents.toml`, beside this file) read into cues: one phrase, the intent
(and slot) it points to, and its weight; analysed once with the same morphology as what
residents type, so that "물이 새요" in the table matches "물이 샜어요" typed."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.understand.text import clean, initials, jamo, squeeze

TABLE = Path(__file__).with_name("intents.toml")
TIERS = {"strong": 2.0, "words": 1.0, "weak": 0.5}
SLOT_WEIGHT = 1.2  # a slot word (엘리베이터) also points to its intent
AS_WRITTEN = "~"
Analyse = Callable[
    [str], list[tuple[int, str]]
]  # a phrase matched only as written (spaces ignored), never by its lemmas


@dataclass(frozen=True)
class Cue:
    intent: str
    slot: str | None
    weight: float
    surface: str  # cleaned, without spaces: matched inside what was typed
    # Per word of the phrase: its lemmas (all typed), or, for a word that has none (내, 우리,
    # 거), its letters somewhere in what was typed. Empty: matched only as written.
    needs: tuple[frozenset[str] | str, ...]
    lemmas: frozenset[str]  # every lemma of the phrase
    initials: str  # its 초성, for ㅍㅇㅌ
    jamo: str  # for typos


@dataclass(frozen=True)
class Entry:
    """One intent's table entry: its slot set and its default slot."""

    name: str
    slots: str | None
    slot: str | None


@dataclass(frozen=True)
class Table:
    entries: dict[str, Entry]
    raw: dict  # phrases per intent and per slot, as written in the file

    @classmethod
    def load(cls, path: Path = TABLE) -> Table:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = {
            name: Entry(name, spec.get("slots"), spec.get("slot"))
            for name, spec in data.get("intent", {}).items()
        }
        for entry in entries.values():
            if entry.slots and entry.slots not in data.get("slots", {}):
                raise ValueError(f"intent {entry.name}: no [slots.{entry.slots}] table")
        return cls(entries, data)

    def phrases(self) -> list[tuple[str, str | None, float, str]]:
        """(intent, slot, weight, phrase) for every phrase of the file."""
        out: list[tuple[str, str | None, float, str]] = []
        for name, spec in self.raw.get("intent", {}).items():
            for tier, weight in TIERS.items():
                out.extend((name, None, weight, phrase) for phrase in spec.get(tier, ()))
            # slot_weight = 0: the slot words only fill the slot (켜다, 끄다 for 쉬운 모드)
            slot_weight = max(float(spec.get("slot_weight", SLOT_WEIGHT)), 0.01)
            for slot, words in self.raw.get("slots", {}).get(spec.get("slots"), {}).items():
                out.extend((name, slot, slot_weight, phrase) for phrase in words)
        return out

    def slot_words(self, slots: str) -> dict[str, list[str]]:
        return dict(self.raw.get("slots", {}).get(slots, {}))

    def cues(self, analyse: Analyse) -> list[Cue]:
        """Every phrase as a cue; `analyse(text)` is the morphology's (position, lemma)."""
        return [
            make_cue(intent, slot, weight, phrase, analyse)
            for intent, slot, weight, phrase in self.phrases()
        ]


def make_cue(intent: str, slot: str | None, weight: float, phrase: str, analyse: Analyse) -> Cue:
    as_written = phrase.startswith(AS_WRITTEN)
    text = clean(phrase.removeprefix(AS_WRITTEN))
    surface = squeeze(text)
    needs: list[frozenset[str] | str] = []
    lemmas: set[str] = set()
    if not as_written:
        found = analyse(text)
        start = 0
        for word in text.split():
            begin = text.index(word, start)
            start = begin + len(word)
            own = frozenset(lemma for at, lemma in found if begin <= at < start)
            needs.append(own or word)
            lemmas |= own
    # A phrase of several words weighs a little more than one of its words alone.
    words = len(text.split())
    return Cue(
        intent=intent,
        slot=slot,
        weight=weight + 0.25 * (words - 1),
        surface=surface,
        needs=tuple(needs),
        lemmas=frozenset(lemmas),
        initials=initials(surface),
        jamo=jamo(surface),
    )

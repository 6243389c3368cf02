"""The evaluation set (utterances.tsv) read and scored: shared by the test and the bench."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.understand.matcher import Matcher

SET = Path(__file__).with_name("utterances.tsv")
NOTHING = "-"


@dataclass(frozen=True)
class Case:
    text: str
    intent: str  # NOTHING: should match nothing
    slot: str | None


def cases(path: Path = SET) -> list[Case]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, intent, *rest = line.split("\t")
        out.append(Case(text, intent, (rest[0] or None) if rest else None))
    return out


def predict(matcher: Matcher, text: str) -> tuple[str, str | None]:
    """The top guess (an intent and its slot), or NOTHING."""
    best = matcher.understand(text).best
    if best is None or best.intent is None:
        return NOTHING, None
    return best.intent, best.slot


def right(case: Case, got: tuple[str, str | None]) -> bool:
    intent, slot = got
    return intent == case.intent and (case.slot is None or slot == case.slot)

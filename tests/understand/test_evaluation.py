"""The intent evaluation: every sentence of utterances.tsv (written as residents type them)
through the matcher with no screen around it; top-1 accuracy must stay at or above 0.90."""

from __future__ import annotations

from bot.understand.matcher import Matcher
from bot.understand.morph import shared
from bot.understand.table import Table
from tests.understand.evaluation import NOTHING, cases, predict, right

THRESHOLD = 0.90


def test_the_evaluation_set_is_large_and_varied():
    every = cases()
    assert len(every) >= 300
    assert sum(c.intent == NOTHING for c in every) >= 10
    assert len({c.intent for c in every}) >= 35
    assert any(c.text.isascii() for c in every)  # English typed too


def test_top1_accuracy_is_at_least_090():
    matcher = Matcher(Table.load(), shared())
    every = cases()
    misses = []
    for case in every:
        got = predict(matcher, case.text)
        if not right(case, got):
            misses.append(f"  {case.text!r}: wanted {case.intent} {case.slot or ''}, got {got}")
    accuracy = 1 - len(misses) / len(every)
    print(f"\ntop-1 accuracy {accuracy:.3f} ({len(every) - len(misses)}/{len(every)})")
    print("\n".join(misses))
    assert accuracy >= THRESHOLD, "\n".join(misses)


def test_every_intent_of_the_set_is_in_the_table():
    table = Table.load()
    assert {c.intent for c in cases()} - {NOTHING} <= set(table.entries)


def test_the_scorer_can_fail(tmp_path):
    """A table without words understands nothing: the accuracy test is not vacuous."""
    empty = tmp_path / "intents.toml"
    empty.write_text('[intent."defect.file"]\nstrong = ["고장 신고"]\n', encoding="utf-8")
    matcher = Matcher(Table.load(empty), shared())
    every = cases()
    hits = sum(right(c, predict(matcher, c.text)) for c in every)
    assert hits / len(every) < 0.2

"""From typed text to where it leads: the current screen's labels first (typos, spacing,
초성, and for a dialog's choices their synonyms), then the intents of the synonym table.

Each phrase of the table (a cue) fires when what was typed contains it: all its lemmas
(Kiwi: particles and endings dropped), or its letters without spaces, or its 초성, or, one
word at a time, something a typo or two away from it (rapidfuzz on jamo: 알둘 ~ 알뜰). An
intent scores its strongest cue plus a little for every other one; a label scores by how
much of what was typed it covers. The best guess is confident when it scores at least
CONFIDENT and clearly more than the second; otherwise the first few are guesses to offer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.understand.morph import Morphology
from bot.understand.table import Cue, Table, make_cue
from bot.understand.text import clean, has_meaning, initials, is_initials, jamo, squeeze

CONFIDENT = 1.0  # one word that names a task (or a slot word)
GUESS = 0.5  # below this, nothing was understood
MARGIN = 0.5  # the best must lead the second by this much (or by a fifth of its score)
OTHERS = 0.3  # what each further cue adds to an intent's strongest
FUZZY = 0.85  # a cue found with a typo weighs this much of itself (times the similarity)
INITIALS = 1.0  # a cue typed as 초성 (ㅍㅇㅌ): as good as the word, unless another shares it
LABEL_BONUS = 0.5  # a screen label's synonym beats the same word pointing elsewhere


@dataclass(frozen=True)
class Guess:
    intent: str | None  # None: a label of the current screen (see `label`)
    slot: str | None
    score: float
    label: int | None = None  # index into the labels given


@dataclass(frozen=True)
class Understood:
    guesses: tuple[Guess, ...] = ()  # best first, each at least GUESS
    confident: bool = False

    @property
    def best(self) -> Guess | None:
        return self.guesses[0] if self.guesses else None


@dataclass(frozen=True)
class Label:
    """A button of the current screen: its label and, for a dialog choice, synonyms (the
    phrases of its slot value, e.g. 엘리베이터 for the 승강기 choice)."""

    text: str
    synonyms: tuple[str, ...] = ()


def _cutoff(length: int) -> float:
    """How similar (0–100, on jamo) a typo must be: stricter for short words."""
    return 75.0 if length <= 6 else 85.0 if length <= 9 else 80.0


def _typo_weight(weight: float, similar: float, length: int) -> float:
    """A typo weighs less than the word; in a short word (투포, 카플) it is only a guess."""
    if length <= 6 and similar < 90:
        return weight * 0.4
    return weight * FUZZY * similar / 100


def _is_ascii(text: str) -> bool:
    return text.isascii()


@dataclass
class _Typed:
    """What was typed, prepared once: cleaned, without spaces, lemmas, words."""

    text: str
    squeezed: str
    lemmas: frozenset[str]
    words: frozenset[str]  # space-separated words, punctuation stripped
    tokens: tuple[str, ...]  # words and lemmas worth a typo search
    initials: tuple[str, ...]  # words typed as 초성


@dataclass
class Matcher:
    table: Table
    morphology: Morphology
    _cues: list[Cue] | None = field(default=None, repr=False)
    _fuzzy: dict[str, list[int]] = field(default_factory=dict, repr=False)

    # --- preparing -------------------------------------------------------------------------

    def cues(self) -> list[Cue]:
        if self._cues is None:
            cues = self.table.cues(self._lemmas)
            fuzzy: dict[str, list[int]] = defaultdict(list)
            for i, cue in enumerate(cues):
                one_word = len(cue.needs) == 1  # typos are looked for one word at a time
                if one_word and len(cue.surface) >= 2 and not _is_ascii(cue.surface):
                    fuzzy[cue.jamo].append(i)
            self._fuzzy = dict(fuzzy)
            self._fuzzy_keys = list(self._fuzzy)
            self._cues = cues
        return self._cues

    def _lemmas(self, text: str) -> list[tuple[int, str]]:
        return _cached_analysis(self.morphology, text)

    def _typed(self, text: str) -> _Typed:
        squeezed = squeeze(text)
        words = frozenset(w.strip(".,!?~…·'\"()[]") for w in text.split()) - {""}
        only_initials = is_initials(squeezed)
        # What was typed is analysed afresh, never cached (nothing typed is kept).
        lemmas = frozenset() if only_initials else frozenset(self.morphology.lemmas(text))
        tokens = tuple(t for t in sorted(words | lemmas) if len(t) >= 2 and not _is_ascii(t))
        initial_words = tuple(w for w in words | {squeezed} if is_initials(w))
        return _Typed(text, squeezed, lemmas, words, tokens, initial_words)

    # --- firing cues -----------------------------------------------------------------------

    def _fires(self, cue: Cue, typed: _Typed) -> float:
        if _is_ascii(cue.surface):  # English: whole words only ("as" is not in "asdf")
            parts = [p for p in cue.surface.split() if p]
            words = typed.words | typed.lemmas
            if cue.lemmas and cue.lemmas <= words:
                return cue.weight
            return cue.weight if parts and typed.squeezed == cue.surface else 0.0
        if cue.needs and all(
            need <= typed.lemmas if isinstance(need, frozenset) else need in typed.squeezed
            for need in cue.needs
        ):
            return cue.weight
        if (len(cue.surface) >= 3 or not cue.needs) and cue.surface in typed.squeezed:
            return cue.weight  # spacing mistakes: 고장신고, 알뜰 쇼핑
        if len(cue.surface) == 2 and any(cue.surface in word for word in typed.words):
            return cue.weight  # within one word: 안내 is not in "안 내려가요"
        if len(cue.initials) >= 2 and cue.initials in typed.initials:
            return cue.weight * INITIALS
        return 0.0

    def _typos(self, typed: _Typed, found: dict[int, float]) -> None:
        """Cues one typo away from a typed word (or lemma), found with rapidfuzz."""
        cues = self.cues()
        for token in typed.tokens:
            key = jamo(token)
            hits = process.extract(
                key,
                self._fuzzy_keys,
                scorer=fuzz.ratio,
                score_cutoff=_cutoff(len(key)),
                limit=8,
            )
            for choice, score, _ in hits:
                for i in self._fuzzy[choice]:
                    cue = cues[i]
                    guess_only = len(key) <= 6 and score < 90
                    if cue.weight < 0.1 or (cue.slot and guess_only):
                        continue  # a slot is never filled from a guess (크다 is not 끄다)
                    weight = _typo_weight(cue.weight, score, len(key))
                    if weight > found.get(i, 0.0):
                        found[i] = weight

    # --- scoring ---------------------------------------------------------------------------

    def _intents(self, typed: _Typed, allowed: Collection[str] | None) -> list[Guess]:
        cues = self.cues()
        found: dict[int, float] = {}
        for i, cue in enumerate(cues):
            if allowed is not None and cue.intent not in allowed:
                continue
            weight = self._fires(cue, typed)
            if weight:
                found[i] = weight
        self._typos(typed, found)
        by_intent: dict[str, list[tuple[float, Cue]]] = defaultdict(list)
        for i, weight in found.items():
            cue = cues[i]
            if allowed is not None and cue.intent not in allowed:
                continue
            by_intent[cue.intent].append((weight, cue))
        tops = {
            intent: max(fired, key=lambda p: (p[0], len(p[1].surface)))[1]
            for intent, fired in by_intent.items()
        }
        guesses = []
        for intent, fired in by_intent.items():
            score = _combine(fired)
            if any(_within(tops[intent], top) for other, top in tops.items() if other != intent):
                score *= 0.5  # 공지 is part of 공지 보내기: the longer phrase tells which
            guesses.append(Guess(intent, self._slot(intent, fired), score))
        return guesses

    def _slot(self, intent: str, fired: list[tuple[float, Cue]]) -> str | None:
        # The strongest slot word; between equals the longer (엘리베이터 over 문).
        slotted = [
            (weight + 0.1 * min(len(cue.surface), 5), cue.slot)
            for weight, cue in fired
            if cue.slot
        ]
        if slotted:
            return max(slotted, key=lambda p: p[0])[1]
        entry = self.table.entries.get(intent)
        return entry.slot if entry else None

    def _labels(self, typed: _Typed, labels: Sequence[Label]) -> list[Guess]:
        guesses = []
        for index, label in enumerate(labels):
            score = self._label_score(typed, label)
            if score >= GUESS:
                guesses.append(Guess(None, None, score, index))
        return guesses

    def _label_score(self, typed: _Typed, label: Label) -> float:
        own = squeeze(clean(label.text))
        if not own:
            return 0.0
        if own == typed.squeezed:
            return 3.0
        score = 0.0
        if typed.initials and initials(own) == typed.squeezed:
            score = 2.5
        if len(own) >= 2 and not _is_ascii(own):
            similar = fuzz.ratio(jamo(own), jamo(typed.squeezed))
            if similar >= _cutoff(len(jamo(own))):
                score = max(score, 2.5 * similar / 100)
            if own in typed.squeezed:
                score = max(score, 1.0 + len(own) / len(typed.squeezed))
        for phrase in label.synonyms:
            cue = make_cue("", None, 1.0, phrase, self._lemmas)
            weight = self._fires(cue, typed)
            if not weight and len(cue.surface) >= 2:
                similar = max((fuzz.ratio(cue.jamo, jamo(t)) for t in typed.tokens), default=0)
                if similar >= _cutoff(len(cue.jamo)):
                    weight = _typo_weight(1.0, similar, len(cue.jamo))
            if weight:
                score = max(score, weight + LABEL_BONUS)
        return score

    # --- the answer ------------------------------------------------------------------------

    def understand(
        self,
        text: str,
        *,
        labels: Sequence[Label] = (),
        intents: Collection[str] | None = None,
    ) -> Understood:
        """Where `text` leads: `labels` are the current screen's buttons (matched first),
        `intents` the intent names that may be offered here (None: every one)."""
        cleaned = clean(text)
        if not has_meaning(cleaned):
            return Understood()
        typed = self._typed(cleaned)
        if not typed.lemmas and not typed.initials and not typed.words:
            return Understood()
        guesses = self._labels(typed, labels)
        if intents is None or intents:
            guesses += self._intents(typed, intents)
        return judge(guesses)


def judge(guesses: Iterable[Guess], same: Callable[[Guess], Hashable] | None = None) -> Understood:
    """Guesses ranked, and whether the best is clearly the one. `same` names where a guess
    leads: two guesses that lead to the same place (the 알뜰쇼핑 button and the intent that
    opens it) count as one, the stronger, preferring the screen's button."""
    ranked = sorted(
        (g for g in guesses if g.score >= GUESS),
        key=lambda g: (-g.score, g.label is None, g.intent or ""),
    )
    if same is not None:
        merged: dict[Hashable, Guess] = {}
        for guess in ranked:
            key = same(guess)
            if key not in merged:
                merged[key] = guess
            elif guess.label is not None and merged[key].label is None:
                merged[key] = replace(guess, score=merged[key].score)
        ranked = sorted(merged.values(), key=lambda g: (-g.score, g.label is None))
    if not ranked:
        return Understood()
    best = ranked[0]
    second = ranked[1].score if len(ranked) > 1 else 0.0
    clear = best.score - second >= MARGIN or second <= best.score * 0.8
    return Understood(tuple(ranked), best.score >= CONFIDENT and clear)


def _within(cue: Cue, other: Cue) -> bool:
    """`cue` says less than `other`, and only part of it (포인트 within 포인트 얼마)."""
    if cue.surface == other.surface:
        return False
    return bool(cue.lemmas and cue.lemmas < other.lemmas) or cue.surface in other.surface


def _combine(fired: list[tuple[float, Cue]]) -> float:
    """The strongest cue, plus a little for each other phrase that says something more (not
    a part of one already counted: 포인트 adds nothing to 포인트 얼마)."""
    counted: list[Cue] = []
    total = 0.0
    for weight, cue in sorted(fired, key=lambda p: (-p[0], -len(p[1].surface))):
        if any(
            cue.surface in other.surface or (cue.lemmas and cue.lemmas <= other.lemmas)
            for other in counted
        ):
            continue
        total += weight if not counted else OTHERS * weight
        counted.append(cue)
        if len(counted) == 4:
            break
    return total


@lru_cache(maxsize=4096)
def _analysis_cache(morphology: Morphology, text: str) -> tuple[tuple[int, str], ...]:
    return tuple(morphology.analyse(text))


def _cached_analysis(morphology: Morphology, text: str) -> list[tuple[int, str]]:
    """The table's phrases and the screens' labels (never what was typed) are cached."""
    return list(_analysis_cache(morphology, text))

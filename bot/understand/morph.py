"""Kiwi, the Korean morphological analyser (kiwipiepy, with the model files of the
kiwipiepy-model package: nothing is downloaded), loaded once per process.

Loading takes about 0.3 s and the first analysis another 0.4 s, holding the GIL, so the
server starts it on a background thread right after start-up (`preload`), and the first
sentence that needs it waits for it; tests load it on first use. A sentence becomes its
content lemmas: nouns, roots, foreign words and adverbs as written, verbs and adjectives as
their dictionary form (멈췄어요 → 멈추다); particles and endings are dropped."""

from __future__ import annotations

import threading
import time
from typing import Any

# Tags kept as they are: nouns, roots, foreign words, Chinese characters, adverbs, numerals
# in words, 초성 typed as symbols. Verbs and adjectives become stem + 다.
_KEEP = ("NNG", "NNP", "NP", "NR", "XR", "SL", "SH", "MAG", "SW")
_PREDICATES = ("VV", "VA", "VX")


class Morphology:
    def __init__(self) -> None:
        self._kiwi: Any = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.load_seconds: float | None = None

    def preload(self) -> None:
        """Start loading on a background thread (the first `lemmas` waits for it)."""
        with self._lock:
            if self._kiwi is not None or self._thread is not None:
                return
            self._thread = threading.Thread(target=self._load, name="kiwi-load", daemon=True)
            self._thread.start()

    @property
    def loaded(self) -> bool:
        return self._kiwi is not None

    def _load(self) -> Any:
        with self._lock:
            if self._kiwi is None:
                from kiwipiepy import Kiwi  # a native library: imported only to be loaded

                started = time.perf_counter()
                kiwi = Kiwi(load_multi_dict=False)  # multi-word proper nouns: not needed
                kiwi.tokenize("엘리베이터가 멈췄어요")  # the first analysis builds its tables
                self.load_seconds = time.perf_counter() - started
                self._kiwi = kiwi
            return self._kiwi

    def kiwi(self) -> Any:
        if self._kiwi is not None:
            return self._kiwi
        thread = self._thread
        if thread is not None:
            thread.join()
        return self._load()

    def lemmas(self, text: str) -> list[str]:
        """Content lemmas in order: '엘리베이터가 멈췄어요' → ['엘리베이터', '멈추다']."""
        return [lemma for _, lemma in self.analyse(text)]

    def analyse(self, text: str) -> list[tuple[int, str]]:
        """Content lemmas with the position where each starts in `text`."""
        out: list[tuple[int, str]] = []
        for token in self.kiwi().tokenize(text):
            tag = token.tag.split("-")[0]  # VV-I (irregular) is a VV
            if tag in _PREDICATES:
                out.append((token.start, token.form + "다"))
            elif tag in _KEEP:
                out.append((token.start, token.form.casefold()))
        return out


_SHARED = Morphology()


def shared() -> Morphology:
    """The process's one analyser (the model is read-only: every Services may share it)."""
    return _SHARED

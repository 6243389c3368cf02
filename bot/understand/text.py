"""Plain-text helpers for matching typed Korean: cleaning what was typed (control characters,
length), Hangul syllables decomposed into jamo (typos are one jamo off: 알뜰 → 알둘), and
초성 (the initial consonants: 포인트 → ㅍㅇㅌ)."""

from __future__ import annotations

import unicodedata

MAX_CHARS = 200  # what is analysed of one message: the rest cannot change where it leads

_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_INITIAL_SET = frozenset(_INITIALS)


def clean(text: str) -> str:
    """The first MAX_CHARS characters, NFC, control and format characters as spaces, spaces
    collapsed, casefolded. (Not NFKC: it would turn ㅍㅇㅌ into conjoining jamo.)"""
    head = unicodedata.normalize("NFC", text[: MAX_CHARS * 2])[:MAX_CHARS]
    kept = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in head)
    return " ".join(kept.split()).casefold()


def squeeze(text: str) -> str:
    """Without spaces: spacing mistakes (고장신고, 포인트 얼마) compare equal."""
    return "".join(text.split())


def has_meaning(text: str) -> bool:
    """Letters or digits somewhere (not only emoji, punctuation or symbols)."""
    return any(ch.isalnum() for ch in text)


def jamo(text: str) -> str:
    """Each Hangul syllable as its jamo (알뜰 → ㅇㅏㄹㄸㅡㄹ); anything else unchanged."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if _SYLLABLE_FIRST <= code <= _SYLLABLE_LAST:
            index = code - _SYLLABLE_FIRST
            out.append(_INITIALS[index // 588])
            out.append(_MEDIALS[(index % 588) // 28])
            if index % 28:
                out.append(_FINALS[index % 28])
        else:
            out.append(ch)
    return "".join(out)


def initials(text: str) -> str:
    """The 초성 of each Hangul syllable (포인트 → ㅍㅇㅌ); other characters dropped."""
    return "".join(
        _INITIALS[(ord(ch) - _SYLLABLE_FIRST) // 588]
        for ch in text
        if _SYLLABLE_FIRST <= ord(ch) <= _SYLLABLE_LAST
    )


def is_initials(text: str) -> bool:
    """Typed as 초성 only (ㅍㅇㅌ), at least two of them."""
    return len(text) >= 2 and all(ch in _INITIAL_SET for ch in text)

"""Plain-text helpers for matching typed Korean: cleaning what was typed (control characters,
length), Hangul syllables decomposed into jamo (typos are one jamo off: 알뜰 → 알둘), and
초성 (the initial consonants: 포인트 → ㅍㅇㅌ)."""

from __future__ import annotations

import re
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


_ORDINAL_WORDS = {
    "첫": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
}
_CHOICE_NUMBER = re.compile(
    r"(?P<n>\d{1,2}|" + "|".join(_ORDINAL_WORDS) + r")\s*(?P<unit>번\s*째|번)?"
    r"\s*(?:거|것|걸로|으로|로)?\s*(?:이요|요|할게요|주세요|해\s*주세요)?[\s.!~]*"
)


def choice_number(text: str) -> tuple[int, bool] | None:
    """A choice picked by its number: "2번", "2번째 거요", "두 번째", "2" → (2, explicit).
    `explicit` is False for a bare number, which may rather be a label's own number (9 → 9시)."""
    found = _CHOICE_NUMBER.fullmatch(unicodedata.normalize("NFC", text).strip())
    if found is None:
        return None
    raw, unit = found["n"], found["unit"]
    if raw.isdigit():
        return (int(raw), unit is not None) if int(raw) > 0 else None
    return (_ORDINAL_WORDS[raw], True) if unit else None

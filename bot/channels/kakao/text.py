"""Fitting text into KakaoTalk's character caps without mangling it.

`shorten_label` makes a button label short but still meaningful, `LabelSet` keeps the labels of
one group distinct, `truncate` cuts at a word boundary with "…", and `split_text` splits a long
text into bubbles at paragraph, line, sentence or word boundaries. Lengths are code points, so a
Korean syllable counts 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ELLIPSIS = "…"
URL_MAX = 1000  # longer URLs are dropped: they would eat the 30 KB response budget
_PARENS = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）|【[^【】]*】)")
_DETAIL = re.compile(r"\s+[-–—|·/]\s+|:\s+")
_TRAILING = " ,.;:·-–—/|"
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]{3,}")
_BREAKS = (("\n\n", 0), ("\n", 0), (". ", 1), ("? ", 1), ("! ", 1), ("。", 1))


def shorten_label(label: str, limit: int = 14) -> str:
    """A label of at most `limit` characters that still says what the button does.

    In order: collapse whitespace; drop parentheticals ("공유마켓 (이웃과 나눔)" → "공유마켓");
    drop a trailing detail after " - ", " | ", ": " …; cut at a word boundary and add "…";
    cut mid-word only when the words would leave too little.
    """
    text = " ".join(label.split())
    if len(text) <= limit:
        return text
    if limit < 2:
        return text[:limit]
    core = " ".join(_PARENS.sub(" ", text).split()) or text
    if len(core) <= limit:
        return core
    head = _DETAIL.split(core, maxsplit=1)[0].strip(_TRAILING)
    if len(head) >= 2 and head != core:
        if len(head) <= limit:
            return head
        core = head
    return cut_words(core, limit)


def cut_words(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with "…", at the last word boundary that keeps enough."""
    if len(text) <= limit:
        return text
    budget = max(limit - 1, 0)
    head = ""
    for word in text.split(" "):
        candidate = f"{head} {word}" if head else word
        if len(candidate) > budget:
            break
        head = candidate
    if len(head) < budget // 2:
        head = text[:budget]
    head = head.rstrip(_TRAILING) or text[:budget]
    return head + ELLIPSIS if limit else ""


def truncate(text: str, limit: int) -> str:
    """`text` if it fits, else cut at a whitespace boundary (or mid-word if none) plus "…"."""
    if len(text) <= limit:
        return text
    if limit < 1:
        return ""
    budget = limit - 1
    cut = max(text.rfind(" ", 0, budget + 1), text.rfind("\n", 0, budget + 1))
    head = text[:cut] if cut >= budget // 2 else text[:budget]
    return head.rstrip() + ELLIPSIS


def split_text(text: str, limit: int, max_parts: int) -> list[str]:
    """Split `text` into at most `max_parts` pieces of ≤ `limit` characters at natural breaks;
    only the last piece is truncated, and only when the text cannot fit otherwise."""
    parts: list[str] = []
    rest = text.strip()
    while rest:
        if len(rest) <= limit or len(parts) >= max_parts - 1:
            parts.append(truncate(rest, limit))
            break
        cut = _cut_point(rest, limit)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return parts


def _cut_point(text: str, limit: int) -> int:
    """Where to end a piece of `text` of at most `limit` characters."""
    for sep, keep in _BREAKS:
        i = text.rfind(sep, 0, limit + len(sep) - keep)
        if i + keep >= limit // 2 and i > 0:
            return i + keep
    i = text.rfind(" ", 0, limit + 1)
    return i if i >= limit // 3 else limit


def fold_key(label: str) -> str:
    """How labels are compared for sameness: case- and spacing-insensitive."""
    return "".join(label.split()).casefold()


class LabelSet:
    """Hands out shortened labels that stay distinct within one group (one row, one card)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def claim(self, label: str, limit: int = 14) -> str:
        for candidate in _candidates(label, limit):
            key = fold_key(candidate)
            if candidate and key not in self._used:
                self._used.add(key)
                return candidate
        raise AssertionError("unreachable: numbered candidates never run out")

    def __contains__(self, label: str) -> bool:
        return fold_key(label) in self._used


def _candidates(label: str, limit: int) -> Iterator[str]:
    """The shortened label, then "head…last word", then numbered variants."""
    short = shorten_label(label, limit) or ELLIPSIS
    yield short
    words = " ".join(label.split()).split(" ")
    shortened = len(" ".join(words)) > limit
    if shortened and len(words) >= 2 and len(words[-1]) <= limit // 2:
        room = limit - 1 - len(words[-1])
        head = cut_words(" ".join(words[:-1]), room + 1).removesuffix(ELLIPSIS)[:room]
        if head.strip(_TRAILING):
            yield f"{head.strip(_TRAILING)}{ELLIPSIS}{words[-1]}"
    n = 2
    while True:
        suffix = f"({n})"
        yield shorten_label(short, max(limit - len(suffix), 1)) + suffix
        n += 1


def safe_url(url: object) -> str | None:
    """`url` when it is a plain http(s) URL Kakao will accept, else None."""
    if isinstance(url, str) and len(url) <= URL_MAX and _SAFE_URL.fullmatch(url):
        return url
    return None

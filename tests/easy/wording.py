"""The Korean catalog as the plain-words tests read it: every message with where the code
uses it, and which messages only coordinators, vendors or operators see (bot/wording)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
JARGON = tomllib.loads((ROOT / "bot" / "wording" / "jargon.toml").read_text())
METHOD_MAP = [
    ("bot/**.py", "python"),
    ("core/**.py", "python"),
    ("bot/desk/templates/**.html", "jinja2"),  # the desk (coordinators and operators)
]
KEYWORDS = {**DEFAULT_KEYWORDS, "_": None, "N_": None}


def used_where() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for filename, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map=METHOD_MAP, keywords=KEYWORDS
    ):
        if context:
            continue
        for msgid in message if isinstance(message, tuple) else (message,):
            if msgid:
                found.setdefault(msgid, set()).add(filename)
    return found


def korean(context: str | None = None) -> dict[str, str]:
    """msgid → the Korean text residents read (the msgstr), for one context."""
    with open(ROOT / "locales" / "ko" / "LC_MESSAGES" / "messages.po", "rb") as fh:
        po = read_po(fh, locale="ko")
    return {m.id: m.string for m in po if m.id and m.context == context}


def resident_facing() -> dict[str, str]:
    """The Korean texts of messages a resident can see (a use outside the exempt files)."""
    exempt_paths = tuple(JARGON["exempt"]["paths"])
    exempt_messages = set(JARGON["exempt"]["messages"])
    where = used_where()
    shown = {}
    for msgid, text in korean().items():
        files = where.get(msgid, set())
        if msgid in exempt_messages or (files and all(f.startswith(exempt_paths) for f in files)):
            continue
        shown[msgid] = text
    easy = korean("easy")
    shown.update({f"easy: {msgid}": text for msgid, text in easy.items()})
    return shown


def jargon_in(text: str) -> list[str]:
    for word in JARGON["allowed"]["words"]:
        text = text.replace(word, "")
    found = [word for word in JARGON["words"] if word in text]
    found += [p for p in JARGON["patterns"] if re.search(p, text)]
    return found


# 합쇼체 endings (…습니다, …ㅂ니다 as in 됩니다/합니다, and their questions); 해요체 is the one
# register of the bot.
FORMAL = re.compile(r"(습니다|[가-힣]니다|습니까|[가-힣]니까)(?=[\s.!?,)\"']|$)")


def formal_endings(text: str) -> list[str]:
    hits = []
    for m in FORMAL.finditer(text):
        word = m.group(0)
        if word.endswith("니다") and word != "습니다":
            syllable = word[0]
            final = (ord(syllable) - ord("가")) % 28
            if final != 17:  # ㅂ: 됩니다, 합니다, 갑니다 (not 아니다-like words)
                continue
        if word.endswith("니까") and word != "습니까":
            final = (ord(word[0]) - ord("가")) % 28
            if final != 17:  # ㅂ니까 only (not 그러니까, 아니까)
                continue
        hits.append(word)
    return hits

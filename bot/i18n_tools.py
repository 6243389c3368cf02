"""Shared by the catalog tools (`bot.i18n_missing`, `bot.i18n_merge`): reading and writing a
locale's catalog the way `pybabel update` does, the `{placeholders}` of a text, and the short
stable key of a message (so a batch names a message without repeating its Korean text)."""

from __future__ import annotations

import hashlib
import re
import string
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
WIDTH = 76  # what `pybabel update` writes, so `make i18n` leaves a merged catalog unchanged


def po_path(locale: str) -> Path:
    return LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"


def load(locale: str) -> Catalog:
    with open(po_path(locale), "rb") as fh:
        return read_po(fh, locale=locale)


def save(locale: str, catalog: Catalog) -> None:
    with open(po_path(locale), "wb") as fh:
        write_po(fh, catalog, width=WIDTH, no_location=True, sort_output=True)


def key_of(msgid: str) -> str:
    """Eight hex digits of the message's SHA-1: short, stable across runs and machines."""
    return hashlib.sha1(msgid.encode("utf-8")).hexdigest()[:8]


def placeholders(text: str) -> set[str]:
    try:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError:  # an unbalanced brace: never equal to a msgid's fields
        return {"{"}


def messages(catalog: Catalog) -> dict[str, str]:
    """msgid -> msgstr of every real message (the header and the 쉬운 모드 variants, which
    share their msgid, left out)."""
    return {
        m.id: m.string if isinstance(m.string, str) else ""
        for m in catalog
        if m.id and isinstance(m.id, str) and not m.context
    }


QUOTED = re.compile(r"'([^'{}]+)'")


def label_mismatches(locale: str) -> list[tuple[str, str, str]]:
    """Texts that name a button in quotes ('처음으로'를 누르면…) whose translation does not
    contain that button's translation: (msgid, the label's msgid, the label's translation)."""
    texts = messages(load(locale))
    found = []
    for msgid, msgstr in texts.items():
        for label in QUOTED.findall(msgid):
            translated = texts.get(label)
            if translated and label != msgid and msgstr and translated not in msgstr:
                found.append((msgid, label, translated))
    return found

"""The gettext catalogs keep up with the code: every message the code marks (`_()`, `N_()`)
is translated in the Korean source catalog, every other catalog (English, Vietnamese,
Simplified Chinese) has exactly the same messages, all translated, the `{placeholders}` survive
translation, a text that names a button in quotes names it as that catalog labels it, no
Hangul is left in the Vietnamese and Chinese texts (but the bot's own name), and no Korean
text is longer than one KakaoTalk bubble. After changing wording in the code, run `make i18n`,
then `make i18n-missing LOCALE=xx` for each language and translate what it lists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from bot.config import I18nConfig
from bot.i18n_tools import label_mismatches

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
METHOD_MAP = [
    ("bot/**.py", "python"),
    ("core/**.py", "python"),
    ("bot/desk/templates/**.html", "jinja2"),  # the desk's pages
]
KEYWORDS = {**DEFAULT_KEYWORDS, "_": None, "N_": None}
BUBBLE_LIMIT = 500  # KakaoTalk folds longer text behind "전체보기"


def extracted() -> dict[str, list[str]]:
    """msgid -> where the code uses it."""
    found: dict[str, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=METHOD_MAP, keywords=KEYWORDS
    ):
        for msgid in message if isinstance(message, tuple) else (message,):
            if msgid:
                found.setdefault(msgid, []).append(f"{filename}:{lineno}")
    return found


def catalog(locale: str) -> dict[str, str]:
    with open(LOCALES / locale / "LC_MESSAGES" / "messages.po", "rb") as fh:
        po = read_po(fh, locale=locale)
    # (쉬운 모드 variants, msgctxt "easy", are checked in tests/easy/test_easy_wording.py)
    return {m.id: m.string for m in po if m.id and isinstance(m.id, str) and not m.context}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


CODE = extracted()
KO, EN = catalog("ko"), catalog("en")
TRANSLATED = ["en", "vi", "zh_Hans"]  # every catalog but the Korean source
ALL = {locale: catalog(locale) for locale in ["ko", *TRANSLATED]}
HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]+")
# Korean that stays in other languages: the bot's name, as residents find the KakaoTalk
# channel and read it on the invite letter.
PROPER_NOUNS = {"내친구"}


def test_the_code_marks_messages_and_the_catalogs_hold_them():
    assert len(CODE) > 10  # the extractor found the code's messages at all
    assert KO and EN


def test_every_message_in_the_code_has_korean_text():
    missing = {m: where for m, where in CODE.items() if not KO.get(m)}
    assert missing == {}, "run `make i18n`"


def test_the_korean_catalog_holds_no_message_the_code_no_longer_uses():
    assert sorted(set(KO) - set(CODE)) == [], "run `make i18n`"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_catalog_has_exactly_the_korean_messages_all_translated(locale):
    texts = catalog(locale)
    assert sorted(set(texts) ^ set(KO)) == [], f"run `make i18n` ({locale})"
    assert sorted(m for m, s in texts.items() if not s) == [], f"make i18n-missing LOCALE={locale}"


def test_every_configured_language_has_a_catalog():
    assert set(I18nConfig().locales) == {"ko", *TRANSLATED}
    assert all((LOCALES / loc / "LC_MESSAGES" / "messages.po").exists() for loc in TRANSLATED)


@pytest.mark.parametrize("locale", ["vi", "zh_Hans"])
def test_no_hangul_is_left_in_vietnamese_and_chinese(locale):
    left = {
        msgid: sorted(words)
        for msgid, msgstr in catalog(locale).items()
        if (words := set(HANGUL.findall(msgstr)) - PROPER_NOUNS)
    }
    assert left == {}


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_text_naming_a_button_names_it_as_the_catalog_labels_it(locale):
    assert label_mismatches(locale) == []


@pytest.mark.parametrize("locale", ["ko", *TRANSLATED])
def test_translations_keep_every_placeholder_and_add_none(locale):
    broken = []
    for msgid, msgstr in catalog(locale).items():
        if msgstr and placeholders(msgstr) != placeholders(msgid):
            broken.append((msgid, msgstr))
    assert broken == []


def test_every_message_formats_with_its_own_placeholders():
    for msgid in CODE:
        names = placeholders(msgid)
        assert all(name.isidentifier() for name in names), msgid
        texts = [msgid, *((catalog_ or {}).get(msgid) or msgid for catalog_ in ALL.values())]
        for text in texts:
            text.format(**dict.fromkeys(names, "x"))


def test_no_korean_message_is_longer_than_one_kakaotalk_bubble():
    too_long = {m: len(s) for m, s in KO.items() if len(s) > BUBBLE_LIMIT}
    assert too_long == {}


def _marker_calls_with_hidden_literals() -> list[str]:
    """`_(X["key"])`-style calls: a string literal inside a non-literal argument. Some Babel
    versions extract "key" from them and some do not, so the catalog would depend on the
    extractor's version. A message is marked where it is written (`N_("…")`), and `_()` gets
    either that literal or a plain name."""
    import ast

    found = []
    for folder in ("bot", "core"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name not in ("_", "N_"):
                    continue
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    continue
                if any(
                    isinstance(n, ast.Constant) and isinstance(n.value, str)
                    for n in ast.walk(first)
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_message_is_marked_through_a_literal_hidden_in_an_expression():
    assert _marker_calls_with_hidden_literals() == []

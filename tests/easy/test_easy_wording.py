"""쉬운 모드 wording in the catalogs: each `msgctxt "easy"` variant is plainer Korean for a
message the code shows, keeps its placeholders, fits one bubble, and is translated; the
translator picks it only in 쉬운 모드."""

from __future__ import annotations

import string

import pytest
from babel.messages.pofile import read_po

from bot.i18n import Catalogs
from tests.easy.wording import ROOT, formal_endings, jargon_in, korean, used_where

EASY_KO = korean("easy")
USED = used_where()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_there_are_easy_variants_for_the_top_tasks():
    assert len(EASY_KO) >= 30
    for msgid in ("포인트 모으는 법", "태워 드려요 (해드려요)", "5 (매우 만족)"):
        assert msgid in EASY_KO


@pytest.mark.parametrize("msgid", sorted(EASY_KO))
def test_each_variant_is_plainer_and_keeps_its_placeholders(msgid):
    easy = EASY_KO[msgid]
    assert easy and easy != msgid, "write the plainer Korean in the ko catalog's msgstr"
    assert len(easy) <= min(len(msgid), 150)
    assert placeholders(easy) == placeholders(msgid)
    assert jargon_in(easy) == [] and formal_endings(easy) == []
    assert msgid in USED, "a variant of a message the code no longer shows"


@pytest.mark.parametrize("locale", ["en", "zh_Hans"])
def test_every_variant_is_translated(locale):
    with open(ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po", "rb") as fh:
        po = read_po(fh, locale=locale)
    easy = {m.id: m.string for m in po if m.context == "easy"}
    assert set(easy) == set(EASY_KO)
    assert [
        m for m, text in easy.items() if not text or placeholders(text) != placeholders(m)
    ] == []


def test_the_translator_shows_a_variant_only_in_easy_mode():
    catalogs = Catalogs(("ko", "en"), "ko", "Asia/Seoul")
    assert catalogs.get("ko")._("포인트 모으는 법") == "포인트 모으는 법"
    assert catalogs.get("ko", easy=True)._("포인트 모으는 법") == "모으는 법"
    assert catalogs.get("en", easy=True)._("포인트 모으는 법") == "How to earn"
    # no variant: the usual text, in 쉬운 모드 too
    assert catalogs.get("ko", easy=True)._("고장 신고") == "고장 신고"
    assert catalogs.get("en", easy=True)._("도움말") == catalogs.get("en")._("도움말")

"""The web chat page's own words come in the reader's language: the browser's (Accept-Language
or ?lang=) on the first visit, and the resident's own once the bot answers in it."""

from __future__ import annotations

import json
import re

import pytest

from tests.channels.test_webchat import http  # noqa: F401  (the fixture)


def _words(html: str) -> dict:
    found = re.search(r'<script id="words" type="application/json">(.*?)</script>', html, re.S)
    assert found, "the words are embedded for view.js"
    return json.loads(found.group(1))


@pytest.mark.parametrize(
    ("accept", "query", "lang", "send"),
    [
        ("ko-KR,ko;q=0.9,en;q=0.8", "", "ko", "보내기"),
        ("en-US,en;q=0.9", "", "en", "Send"),
        ("fr-FR,vi;q=0.8,en;q=0.5", "", "vi", "Gửi"),
        ("zh-CN", "", "zh-Hans", "发送"),
        ("fr-FR,de;q=0.9", "", "ko", "보내기"),  # none of ours: Korean
        ("en-US", "?lang=ko", "ko", "보내기"),  # the page asked for Korean
        ("", "?lang=xx", "ko", "보내기"),
    ],
)
async def test_the_first_page_speaks_the_browser_language(http, accept, query, lang, send):  # noqa: F811
    resp = await http.get("/" + query, headers={"Accept-Language": accept} if accept else {})
    html = await resp.text()
    assert resp.status == 200 and f'<html lang="{lang}">' in html
    words = _words(html)
    assert words["send"].startswith(send)
    assert set(words) >= {"title", "bigger_label", "placeholder", "offline", "size_status"}
    assert "{step}" in words["size_status"] and "{steps}" in words["size_status"]
    assert 'data-w="send"' in html and "보내기" in html  # the HTML itself reads without script


async def test_words_follow_the_residents_language_and_are_safe_in_a_script(http):  # noqa: F811
    resp = await http.get("/api/web/words", params={"lang": "zh-Hans"})
    assert resp.status == 200 and (await resp.json())["photo_label"] == "发送照片"
    fallback = await (await http.get("/api/web/words", params={"lang": "</script>"})).json()
    assert fallback["send"] == "보내기"
    html = await (await http.get("/", headers={"Accept-Language": "en"})).text()
    assert html.count("</script>") == html.count("<script")  # no word closes the script early

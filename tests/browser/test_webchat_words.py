"""The page's own words (title, 글자 크게, 보내기, the text box) in the reader's language, in a
real browser: a Vietnamese browser reads Vietnamese from the start; a Korean browser whose
resident switches to English gets English chrome with the bot's first English answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import chromium
from tests.browser.test_webchat_browser import choice_labels, tap, verify

pytestmark = pytest.mark.browser
if not Path("/usr/bin/chromium").exists():
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed", allow_module_level=True)
pytest.importorskip("playwright.async_api")


async def test_a_vietnamese_browser_reads_the_page_in_vietnamese(site):
    async with chromium(locale="vi-VN") as browser:
        page = browser.pages[0] if browser.pages else await browser.new_page()
        page.set_default_timeout(10_000)
        await page.goto(site + "/")
        await page.locator(".bubble.bot").first.wait_for()
        assert await page.evaluate("() => document.documentElement.lang") == "vi"
        assert await page.get_by_role("button", name="Gửi").count() == 1
        assert await page.get_by_role("button", name="Chữ lớn hơn").count() == 1
        assert await page.locator("#text").get_attribute("placeholder") == (
            "Nhập ở đây hoặc bấm nút ở trên"
        )
        assert "Tiếng Việt" in await choice_labels(page)


async def test_the_page_follows_the_residents_language(page, demo):
    await verify(page, demo["101-1203"])
    assert await page.get_by_role("button", name="보내기").count() == 1
    await tap(page, "도움말", "도움말")
    await tap(page, "언어 Language", "어떤 언어")
    await tap(page, "English", "Help")  # the bot answers in English at once
    await page.get_by_role("button", name="Send").wait_for()
    assert await page.evaluate("() => document.documentElement.lang") == "en"
    assert await page.get_by_role("button", name="Larger text").count() == 1
    assert await page.evaluate("() => document.title") == (
        "Naechingu — your apartment neighbour helper"
    )

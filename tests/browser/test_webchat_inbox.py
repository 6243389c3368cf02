"""The web chat shows what the bot sends on its own (a notice, a status change) while the page
is open. Without the live stream (test_webchat_live.py), as here, it fetches its inbox every
few seconds (every 15 s by default; faster here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.notifications import Message
from tests.browser.test_webchat_browser import verify

pytestmark = pytest.mark.browser
if not Path("/usr/bin/chromium").exists():
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed", allow_module_level=True)
pytest.importorskip("playwright.async_api")


async def test_a_notification_appears_on_the_open_page_without_typing(
    browser, site, services, demo
):
    page = browser.pages[0] if browser.pages else await browser.new_page()
    page.set_default_timeout(10_000)
    await page.add_init_script("window.NAECHINGU_INBOX_MS = 300; window.NAECHINGU_LIVE = false")
    await page.goto(site + "/")
    await verify(page, demo["101-1203"])
    async with services.uow() as uow:
        complex_ = await uow.complexes.by_code("DEMO")
        household = await uow.households.find(complex_.id, "101", "1203")
        (resident_id,) = await uow.residents.ids_in_household(household.id)
        await uow.notifier.notify(resident_id, Message("내일 10시 단수 안내"), key="t:1")
        await uow.commit()
    await page.locator(".bubble.notice", has_text="내일 10시 단수 안내").wait_for()
    assert await page.locator(".bubble.notice", has_text="내일 10시 단수 안내").count() == 1

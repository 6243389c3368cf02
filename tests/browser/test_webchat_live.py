"""The web chat receives what the bot sends on its own live (Server-Sent Events): a notice
queued while the page is open shows within about 2 seconds, long before the inbox poll (set to
a minute here), with its own buttons under it, and a tap on one works like any button."""

from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.engine.nav import Nav
from bot.outbox.live import bell_key
from bot.runtime import Runtime
from bot.screens import Button, Screen
from core.notifications import Message, Notification
from tests.browser.test_webchat_browser import verify
from tests.reliability.outbox_helpers import wait_until

pytestmark = pytest.mark.browser
if not Path("/usr/bin/chromium").exists():
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed", allow_module_level=True)
pytest.importorskip("playwright.async_api")


@dataclass(frozen=True)
class LiveNotice(Notification, kind="test.live"):
    text: str


def live_notice(t, note: LiveNotice) -> Screen:
    return Screen(note.text, buttons=(Button("도움말 보기", Nav("help").dump()),))


async def test_a_notice_appears_at_once_with_its_buttons(browser, services, engine, demo):
    services.notifications.register(LiveNotice, live_notice)
    runtime = Runtime(services, engine)
    await runtime.start()
    try:
        page = browser.pages[0] if browser.pages else await browser.new_page()
        page.set_default_timeout(10_000)
        await page.add_init_script("window.NAECHINGU_INBOX_MS = 60000")  # no poll in this test
        await page.goto(f"http://127.0.0.1:{runtime.port}/")
        await verify(page, demo["101-1203"])
        session = await page.evaluate("localStorage.getItem('naechingu.session')")
        key = bell_key("web", hashlib.sha256(session.encode()).hexdigest()[:40])
        await wait_until(lambda: services.bell.listening(key), within=5)  # the stream is open

        async with services.uow() as uow:
            complex_ = await uow.complexes.by_code("DEMO")
            household = await uow.households.find(complex_.id, "101", "1203")
            (resident_id,) = await uow.residents.ids_in_household(household.id)
            await uow.notifier.notify(resident_id, LiveNotice("내일 10시 단수 안내"), key="t:1")
            await uow.commit()
        started = time.monotonic()
        notice = page.locator(".bubble.notice", has_text="내일 10시 단수 안내")
        await notice.wait_for(timeout=2_000)
        assert time.monotonic() - started < 2.5
        assert await notice.count() == 1
        button = page.locator(".notice-choices .choice", has_text="도움말 보기")
        assert await button.count() == 1
        assert await page.locator("#choices .choice").count() > 0  # the menu is still there

        before = await page.locator(".bubble.bot").count()
        await button.click()
        await page.wait_for_function(
            "n => document.querySelectorAll('.bubble.bot').length > n", arg=before
        )
        await asyncio.sleep(0.5)  # nothing is shown twice
        assert await notice.count() == 1
    finally:
        await runtime.stop()


async def test_without_the_stream_the_page_polls_its_inbox(browser, site, services, demo):
    """A proxy that drops the stream: the page falls back to asking its inbox."""
    page = browser.pages[0] if browser.pages else await browser.new_page()
    page.set_default_timeout(10_000)
    await page.route("**/api/web/stream", lambda route: route.abort())
    await page.add_init_script("window.NAECHINGU_INBOX_MS = 300")
    await page.goto(site + "/")
    await verify(page, demo["101-1203"])
    async with services.uow() as uow:
        complex_ = await uow.complexes.by_code("DEMO")
        household = await uow.households.find(complex_.id, "101", "1203")
        (resident_id,) = await uow.residents.ids_in_household(household.id)
        await uow.notifier.notify(resident_id, Message("엘리베이터 점검 안내"), key="t:2")
        await uow.commit()
    notice = page.locator(".bubble.notice", has_text="엘리베이터 점검 안내")
    await notice.wait_for()
    assert services.bell.total() == 0  # it came by the poll, not by a stream
    assert await notice.count() == 1

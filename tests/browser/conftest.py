"""Browser fixtures: Debian's chromium driven by Playwright (the module is skipped when either is
missing or cannot start), and the real server on a random port with the demo complex seeded."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from bot.runtime import Runtime
from tests.support.db import services_required

CHROMIUM = Path("/usr/bin/chromium")
HAVE_CHROMIUM = CHROMIUM.exists()
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _skip(reason: str) -> None:
    """Skip locally; in CI (.ci/run sets NAECHINGU_REQUIRE_SERVICES=1) a missing browser fails."""
    if services_required():
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
async def browser():
    if not HAVE_CHROMIUM:
        _skip(f"{CHROMIUM} is not installed")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        _skip("playwright is not installed")
    profile = tempfile.mkdtemp(prefix="naechingu-chromium-")
    async with async_playwright() as pw:
        try:
            context = await pw.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=ARGS,
                locale="ko-KR",
                viewport={"width": 360, "height": 740},
            )
        except Exception as exc:  # no display libraries, a sandbox refusal, ...
            shutil.rmtree(profile, ignore_errors=True)
            _skip(f"chromium cannot be launched: {exc}")
        try:
            yield context
        finally:
            await context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
async def site(services, engine, demo):
    """The base URL of the running server (Runtime on port 0)."""
    runtime = Runtime(services, engine)
    await runtime.start()
    try:
        yield f"http://127.0.0.1:{runtime.port}"
    finally:
        await runtime.stop()


@pytest.fixture
async def page(browser, site):
    page = browser.pages[0] if browser.pages else await browser.new_page()
    page.set_default_timeout(10_000)
    await page.goto(site + "/")
    yield page

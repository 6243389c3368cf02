"""Browser fixtures: Debian's chromium driven by Playwright (the module is skipped when either is
missing or cannot start), and the real server on a random port with the demo complex seeded."""

from __future__ import annotations

import contextlib
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


@contextlib.asynccontextmanager
async def chromium(**options):
    """One Chromium (a fresh profile) as a Playwright context; `options` override the phone-sized
    defaults (viewport 360×740 CSS px at device scale factor 1)."""
    if not HAVE_CHROMIUM:
        _skip(f"{CHROMIUM} is not installed")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        _skip("playwright is not installed")
    settings = {"locale": "ko-KR", "viewport": {"width": 360, "height": 740}, **options}
    profile = tempfile.mkdtemp(prefix="naechingu-chromium-")
    async with async_playwright() as pw:
        try:
            context = await pw.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=ARGS, **settings
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
async def browser():
    async with chromium() as context:
        yield context


@pytest.fixture
async def zoomed_browser():
    """A 1280×800 window at 200% zoom: what the page lays out in is 640×400 CSS px, drawn at two
    device pixels per CSS px (as Chromium's own zoom does; a screenshot is 1280×800)."""
    async with chromium(viewport={"width": 640, "height": 400}, device_scale_factor=2) as context:
        yield context


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

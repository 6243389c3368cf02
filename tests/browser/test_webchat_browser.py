"""The web chat page in a real browser (Debian's chromium): a person opens it, types the demo
invite code, reaches the home menu; every target is big enough to tap; easy mode enlarges the
text and shows at most four choices at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
if not Path("/usr/bin/chromium").exists():
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed", allow_module_level=True)
pytest.importorskip("playwright.async_api")

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
HOME = ["공유마켓", "알뜰쇼핑", "우리단지", "포인트", "도움말", "쉬운 모드 켜기", "도움 요청"]
MIN_TARGET = 44  # CSS px (WCAG 2.5.5 / KWCAG touch targets)

# Every visible thing one can press, with its box, computed with the page's own layout.
TARGETS_JS = """() => [...document.querySelectorAll(
    'button, a, label.tool, input[type=submit], [role=button]')]
  .filter((el) => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return !el.hidden && s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0;
  })
  .map((el) => {
    const r = el.getBoundingClientRect();
    const label = el.getAttribute('aria-label') || el.textContent.trim();
    return {label: label, width: r.width, height: r.height};
  })"""

BODY_FONT_JS = "() => parseFloat(getComputedStyle(document.body).fontSize)"


def choice_button(page, label: str):
    return page.locator("#choices .choice", has_text=re.compile(f"^{re.escape(label)}$"))


async def choice_labels(page) -> list[str]:
    return [t.strip() for t in await page.locator("#choices .choice").all_inner_texts()]


async def answered(page, before: int, expect: str) -> None:
    """Wait for a new bot bubble after `before` of them, and check what it says."""
    await page.wait_for_function(
        "n => document.querySelectorAll('.bubble.bot').length > n", arg=before
    )
    assert expect in await page.locator(".bubble.bot").last.inner_text()


async def tap(page, label: str, expect: str) -> None:
    """Press a button of the current screen and wait for the bot's answer to show."""
    before = await page.locator(".bubble.bot").count()
    await choice_button(page, label).click()
    await answered(page, before, expect)


async def verify(page, code: str) -> None:
    await page.locator(".bubble.bot", has_text="내친구").first.wait_for()
    await tap(page, "초대코드 입력", "초대코드를 입력해 주세요")
    await page.locator("#text").fill(code)
    before = await page.locator(".bubble.bot").count()
    await page.get_by_role("button", name="보내기").click()
    await answered(page, before, "글씨와 버튼을 크고 쉽게 할까요?")
    await page.get_by_text("101동 1203호로 확인했어요").wait_for()
    await tap(page, "아니요", "무엇을 도와드릴까요")


async def test_a_person_verifies_with_the_demo_code_and_reaches_home(page, demo):
    welcome = page.locator(".bubble.bot").first
    await welcome.wait_for()
    said = await welcome.evaluate(  # the bubble's own text, without its speaker for screen readers
        "e => [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('')"
    )
    assert "내친구" in said
    assert await choice_labels(page) == ["초대코드 입력", "연결 코드 입력", "도움말", "도움 요청"]
    await verify(page, demo["101-1203"])
    assert (await choice_labels(page))[:7] == HOME
    assert await page.locator(".bubble.me", has_text=demo["101-1203"]).count() == 1
    assert await page.locator(".bubble.notice", has_text="연결이 잠시").count() == 0
    await page.evaluate("() => document.fonts.ready")
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "webchat-home.png"), full_page=True)


async def test_reopening_the_page_keeps_the_session_and_the_screen(page, site, demo):
    await verify(page, demo["101-1203"])
    await page.goto(site + "/")
    await page.locator(".bubble.bot", has_text="무엇을 도와드릴까요").wait_for()
    assert (await choice_labels(page))[:7] == HOME


@pytest.mark.parametrize("width", [360, 1280])
async def test_every_visible_target_is_at_least_44_px(page, demo, width):
    await page.set_viewport_size({"width": width, "height": 800})
    await page.locator("#choices .choice").first.wait_for()
    small = [
        t for t in await page.evaluate(TARGETS_JS) if min(t["width"], t["height"]) < MIN_TARGET
    ]
    assert not small, f"welcome at {width}px: {small}"
    await verify(page, demo["101-1203"])
    targets = await page.evaluate(TARGETS_JS)
    labels = {t["label"] for t in targets}
    assert {"보내기", "글자 크게", "글자 작게", *HOME} <= labels
    small = [t for t in targets if min(t["width"], t["height"]) < MIN_TARGET]
    assert not small, f"home at {width}px: {small}"
    await tap(page, "도움말", "쉬운 모드: 꺼짐")
    small = [
        t for t in await page.evaluate(TARGETS_JS) if min(t["width"], t["height"]) < MIN_TARGET
    ]
    assert not small, f"help at {width}px: {small}"


async def test_easy_mode_makes_text_larger_and_choices_fewer(page, demo):
    await verify(page, demo["101-1203"])
    normal = await page.evaluate(BODY_FONT_JS)
    await tap(page, "쉬운 모드 켜기", "무엇을 할까요?")  # one tap from home, plainer words
    await page.get_by_text("쉬운 모드를 켰어요").last.wait_for()
    await page.wait_for_function("() => document.documentElement.classList.contains('easy')")
    assert await page.evaluate(BODY_FONT_JS) > normal
    choices = await page.locator("#choices .choice:not(.nav)").all_inner_texts()
    nav = await page.locator("#choices .choice.nav").all_inner_texts()
    assert 1 <= len(choices) <= 4, choices
    assert {"도움말", "쉬운 모드 끄기", "도움 요청"} <= set(nav)  # never behind 더보기
    await tap(page, "쉬운 모드 끄기", "무엇을 도와드릴까요?")
    await page.wait_for_function("() => !document.documentElement.classList.contains('easy')")
    assert await page.evaluate(BODY_FONT_JS) == normal


async def test_sign_up_offers_easy_mode_and_yes_makes_the_page_large(page, demo):
    await page.locator(".bubble.bot", has_text="내친구").first.wait_for()
    normal = await page.evaluate(BODY_FONT_JS)
    await tap(page, "초대코드 입력", "초대코드를 입력해 주세요")
    await page.locator("#text").fill(demo["101-1203"])
    before = await page.locator(".bubble.bot").count()
    await page.get_by_role("button", name="보내기").click()
    await answered(page, before, "글씨와 버튼을 크고 쉽게 할까요?")
    assert await choice_labels(page) == ["네", "아니요"]
    await tap(page, "네", "무엇을 할까요?")
    await page.wait_for_function("() => document.documentElement.classList.contains('easy')")
    assert await page.evaluate(BODY_FONT_JS) >= max(22, normal)


async def test_nothing_scrolls_sideways_on_a_360_px_phone(page, demo):
    await page.locator("#choices .choice").first.wait_for()
    send = await page.get_by_role("button", name="보내기").bounding_box()
    assert send["x"] + send["width"] <= 360
    assert await page.evaluate("() => document.documentElement.scrollWidth") <= 360


async def test_the_photo_button_shows_only_when_a_photo_is_expected(page, demo):
    await page.locator("#choices .choice").first.wait_for()
    assert await page.locator("#photo-button").get_attribute("hidden") is not None
    assert not await page.locator("#photo-button").is_visible()

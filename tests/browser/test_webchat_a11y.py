"""The web chat is accessible (KWCAG 2.2 / WCAG 2.2 AA), measured in Chromium:

- at 320 px (with the largest 글자 크게 step), 360 px, 1280 px and at 200% zoom, on a screen with
  10 buttons, the conversation keeps ≥ 40% of the window's height and shows the current
  question whole; the buttons scroll in their own area, the page does not scroll; the header
  stays one line;
- the conversation is a `role="log"` whose bubbles name their speaker ("내친구:", "나:");
- after a tap, focus is on the new question (never on the page body); after typing it stays
  in the text box;
- the 사진 control is reached with Tab, shows a focus ring, is named "사진 보내기" and opens the
  file chooser from the keyboard;
- a screen's text comes before its cards, and each card starts with its heading;
- 쉬운 모드 shows ≥ 22 px text and ≥ 48 px buttons; 글자 크게 steps enlarge the text in both
  modes and are kept after a reload;
- every target is ≥ 44 px, text contrast is ≥ 4.5:1, and keyboard focus is always visible.

200% zoom is a 1280×800 window zoomed to 200%: Chromium then lays the page out in 640×400 CSS px
at two device pixels per CSS px, which is what the `zoomed_browser` fixture emulates.
Screenshots (webchat-200pct.png, webchat-200pct-large-text.png, webchat-320px-large-text.png)
go to test-artifacts/, or to $NAECHINGU_SCREENSHOTS (`NAECHINGU_SCREENSHOTS=docs/screenshots`
refreshes the committed ones)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.browser.test_webchat_browser import answered, choice_button, tap, verify
from tests.support.defects import tiny_image

pytestmark = pytest.mark.browser
if not Path("/usr/bin/chromium").exists():
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed", allow_module_level=True)
pytest.importorskip("playwright.async_api")

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / os.environ.get("NAECHINGU_SCREENSHOTS", "test-artifacts")
MANY = "우리단지"  # a home entry whose screen has 10 buttons

# Where things are, in CSS px of the window (the layout viewport).
LAYOUT_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; };
  const bots = document.querySelectorAll('#log .bubble.bot');
  const q = bots[bots.length - 1], log = document.getElementById('log');
  const choices = document.getElementById('choices');
  return {
    vw: innerWidth, vh: innerHeight, log: box(log), question: box(q), said: q.textContent,
    buttons: choices.querySelectorAll('.choice').length,
    choicesScroll: choices.scrollHeight > choices.clientHeight + 1,
    pageHeight: document.scrollingElement.scrollHeight,
    pageWidth: document.scrollingElement.scrollWidth,
  };
}"""

# How many lines the visible text of each piece of the header takes (a word broken in two
# takes two); text hidden for screen readers only (a 1 px box) is left out.
HEADER_LINES_JS = """() => [...document.querySelectorAll('.top h1, .top .sub, .top .tool')]
  .filter((el) => el.getBoundingClientRect().width > 0)
  .map((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const tops = new Set();
    for (let node; (node = walker.nextNode()); ) {
      if (node.parentElement.getBoundingClientRect().width <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 2) tops.add(Math.round(r.top));
    }
    return {text: el.textContent, lines: tops.size};
  })"""

# The element that has focus, described.
FOCUS_JS = """() => {
  const a = document.activeElement, bots = document.querySelectorAll('#log .bubble.bot');
  const s = getComputedStyle(a);
  return {tag: a.tagName, id: a.id, question: a === bots[bots.length - 1],
    inChoices: !!a.closest('#choices'), tabindex: a.getAttribute('tabindex'),
    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
}"""

# Text contrast of every visible piece of text the page draws itself (WCAG 1.4.3).
CONTRAST_JS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => { for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3); }
    return [255, 255, 255]; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const out = [];
  for (const el of document.querySelectorAll('.top h1, .top .sub, .tool:not([aria-disabled=true]),'
      + '.bubble, .card h2, .card p, .choice, .send')) {
    if (!el.getBoundingClientRect().width) continue;
    out.push({text: el.textContent.slice(0, 20),
      ratio: ratio(rgb(getComputedStyle(el).color), background(el))});
  }
  const input = document.getElementById('text');
  out.push({text: 'placeholder', ratio: ratio(rgb(getComputedStyle(input, '::placeholder').color),
    background(input))});
  return out;
}"""


async def bigger_text(page, steps: int) -> None:
    for _ in range(steps):
        await page.get_by_role("button", name="글자 크게").click()


async def check_question_in_view(page, where: str) -> dict:
    await page.evaluate("() => document.fonts.ready")
    await page.mouse.move(0, 0)  # no button under the pointer looks pressed in a screenshot
    seen = await page.evaluate(LAYOUT_JS)
    vh, vw = seen["vh"], seen["vw"]
    log, question = seen["log"], seen["question"]
    assert seen["buttons"] >= 10, where
    assert log["height"] >= 0.4 * vh, f"{where}: conversation {log['height']} of {vh} px"
    assert MANY in seen["said"], f"{where}: the last bubble is not the current question"
    assert log["top"] - 1 <= question["top"] and question["bottom"] <= log["bottom"] + 1, (
        f"{where}: the question {question} is not inside the conversation {log}"
    )
    assert question["top"] >= 0 and question["bottom"] <= vh, where
    assert seen["pageHeight"] <= vh and seen["pageWidth"] <= vw, f"{where}: the page scrolls"
    lines = await page.evaluate(HEADER_LINES_JS)
    assert lines and all(h["lines"] == 1 for h in lines), f"{where}: header wraps: {lines}"
    return seen


async def check_choices_scroll_alone(page, seen: dict, where: str) -> None:
    """The buttons that do not fit are reached by scrolling their own area, which moves
    neither the conversation nor the question."""
    if not seen["choicesScroll"]:
        return
    before = await page.evaluate("() => document.getElementById('log').scrollTop")
    last = page.locator("#choices .choice").last
    await last.scroll_into_view_if_needed()
    assert await last.is_visible()
    box = await last.bounding_box()
    assert box["y"] + box["height"] <= seen["vh"] + 1, where
    assert await page.evaluate("() => document.getElementById('log').scrollTop") == before
    assert (await page.evaluate(LAYOUT_JS))["question"] == seen["question"], where


@pytest.mark.parametrize(
    ("width", "height", "steps"),
    [(320, 568, 3), (360, 740, 0), (1280, 800, 0)],
    ids=["320px-large-text", "360px", "1280px"],
)
async def test_the_question_stays_in_view_above_ten_buttons(page, demo, width, height, steps):
    await page.set_viewport_size({"width": width, "height": height})
    await verify(page, demo["101-1203"])
    await bigger_text(page, steps)
    await tap(page, MANY, MANY)
    where = f"{width}×{height}, 글자 크게 ×{steps}"
    seen = await check_question_in_view(page, where)
    if width == 320:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(SCREENSHOTS / "webchat-320px-large-text.png"))
    await check_choices_scroll_alone(page, seen, where)
    small = await page.evaluate(
        """() => [...document.querySelectorAll('button:not([hidden]), a.choice')]
          .map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0)
          .filter((r) => Math.min(r.width, r.height) < 44).length"""
    )
    assert small == 0, where


@pytest.fixture
async def zoomed_page(zoomed_browser, site):
    page = zoomed_browser.pages[0] if zoomed_browser.pages else await zoomed_browser.new_page()
    page.set_default_timeout(10_000)
    await page.goto(site + "/")
    yield page


@pytest.mark.parametrize("steps", [0, 1], ids=["200pct", "200pct-large-text"])
async def test_at_200_percent_zoom_the_question_stays_in_view(zoomed_page, demo, steps):
    page = zoomed_page
    window = await page.evaluate("() => [innerWidth, innerHeight, devicePixelRatio]")
    assert window == [640, 400, 2]
    await verify(page, demo["101-1203"])
    await bigger_text(page, steps)
    await tap(page, MANY, MANY)
    seen = await check_question_in_view(page, f"200% zoom, 글자 크게 ×{steps}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = "webchat-200pct.png" if steps == 0 else "webchat-200pct-large-text.png"
    await page.screenshot(path=str(SCREENSHOTS / name))
    await check_choices_scroll_alone(page, seen, "200% zoom")


async def test_the_conversation_is_a_log_with_speakers(page, demo):
    await verify(page, demo["101-1203"])
    log = page.get_by_role("log", name="대화 내용")
    assert await log.count() == 1
    assert await log.get_attribute("aria-live") == "polite"
    spoken = await log.aria_snapshot()
    assert re.search(r"내친구: .*무엇을 도와드릴까요", spoken), spoken
    assert re.search(rf"나: {re.escape(demo['101-1203'])}", spoken), spoken
    speakers = await page.evaluate(
        """() => [...document.querySelectorAll('#log .bubble')].map((b) => {
          const who = b.firstElementChild, r = who.getBoundingClientRect();
          return {kind: b.className, who: who.textContent, hidden: r.width <= 1 && r.height <= 1};
        })"""
    )
    names = {"bot": "내친구: ", "me": "나: ", "notice": "내친구 알림: "}
    for s in speakers:
        assert s["who"] == names[s["kind"].split()[1]] and s["hidden"], s


async def test_focus_moves_to_the_new_question_after_a_tap(page, demo):
    await verify(page, demo["101-1203"])
    await choice_button(page, MANY).focus()
    before = await page.locator(".bubble.bot").count()
    await page.keyboard.press("Enter")  # a keyboard tap
    await answered(page, before, MANY)
    focus = await page.evaluate(FOCUS_JS)
    assert focus["question"] and focus["tabindex"] == "-1", focus
    assert focus["ring"], "the focused question shows no focus ring"
    await page.keyboard.press("Tab")  # on to the answers
    assert (await page.evaluate(FOCUS_JS))["inChoices"]

    await tap(page, "처음으로", "무엇을 도와드릴까요")  # a pointer tap
    focus = await page.evaluate(FOCUS_JS)
    assert focus["question"] and focus["tag"] != "BODY", focus

    await page.locator("#text").fill("포인트")  # typing: focus stays in the text box
    before = await page.locator(".bubble.bot").count()
    await page.locator("#text").press("Enter")
    await answered(page, before, "포인트")
    assert (await page.evaluate(FOCUS_JS))["id"] == "text"


def photo_step(route) -> None:
    """The bot's answer when it waits for a photo (the defect and listing dialogs' photo step),
    given to the page directly: this test is about the page, not about one dialog."""
    screen = {
        "text": "사진을 보내 주세요.",
        "buttons": [{"label": "처음으로", "token": "t", "role": "nav", "url": None}],
        "expect": "photo",
        "cards": [],
        "notices": [],
        "image_url": None,
        "image_alt": "",
        "placeholder": "",
    }
    body = json.dumps({"screens": [screen], "easy": False, "lang": "ko", "duplicate": False})
    return route.fulfill(status=200, content_type="application/json", body=body)


async def test_the_photo_control_is_reached_by_keyboard_and_named(page, demo):
    # Listening early turns Playwright's interception of file choosers on in time (turning it
    # on is not awaited, so inside expect_file_chooser alone it can come after the Enter).
    page.on("filechooser", lambda chooser: None)
    await verify(page, demo["101-1203"])
    await page.route("**/api/web/message", photo_step, times=1)
    before = await page.locator(".bubble.bot").count()
    await choice_button(page, "포인트").focus()
    await page.keyboard.press("Enter")
    await answered(page, before, "사진을 보내 주세요")
    control = page.get_by_role("button", name="사진 보내기")
    assert await control.count() == 1 and await control.is_visible()
    for _ in range(15):  # from the question, Tab by Tab
        await page.keyboard.press("Tab")
        if (await page.evaluate(FOCUS_JS))["id"] == "photo-button":
            break
    focus = await page.evaluate(FOCUS_JS)
    assert focus["id"] == "photo-button", focus
    assert focus["ring"], "the photo control shows no focus ring"
    box = await control.bounding_box()
    assert min(box["width"], box["height"]) >= 44
    before = await page.locator(".bubble.bot").count()
    async with page.expect_file_chooser() as chooser:
        await page.keyboard.press("Enter")
    picked = await chooser.value
    await picked.set_files([{"name": "a.png", "mimeType": "image/png", "buffer": tiny_image()}])
    await page.locator(".bubble.me", has_text="(사진)").wait_for()
    await page.wait_for_function(  # the real bot answered the photo
        "n => document.querySelectorAll('.bubble.bot').length > n", arg=before
    )
    assert (await page.evaluate(FOCUS_JS))["question"]


def cards_screen(route) -> None:
    card = {"lines": ["12월 5일", "관리사무소"], "image_url": None, "price": None}
    buttons = [{"label": "읽기", "token": "r", "role": "choice", "url": None}]
    screen = {
        "text": "[공지사항] 모두 2건이에요.",
        "buttons": [{"label": "처음으로", "token": "t", "role": "nav", "url": None}],
        "expect": "choice",
        "cards": [
            {"title": "물탱크 청소로 단수", **card, "buttons": buttons},
            {"title": "승강기 점검", **card, "buttons": buttons},
        ],
        "notices": ["새 알림 1건"],
        "image_url": None,
        "image_alt": "",
        "placeholder": "",
    }
    body = json.dumps({"screens": [screen], "easy": False, "lang": "ko", "duplicate": False})
    return route.fulfill(status=200, content_type="application/json", body=body)


async def test_a_screen_reads_text_then_cards_each_under_its_heading(page, demo):
    await verify(page, demo["101-1203"])
    await page.route("**/api/web/message", cards_screen, times=1)
    before = await page.locator(".bubble.bot").count()
    await choice_button(page, "포인트").click()
    await answered(page, before, "[공지사항]")
    order = await page.evaluate(
        """() => [...document.getElementById('log').children].slice(-4).map((el) => ({
          cls: el.className, first: el.firstElementChild && el.firstElementChild.tagName,
          next: el.firstElementChild && el.firstElementChild.nextElementSibling
            && el.firstElementChild.nextElementSibling.tagName}))"""
    )
    assert [o["cls"] for o in order] == ["bubble notice", "bubble bot", "card", "card"], order
    for card in order[2:]:
        assert card["first"] == "H2" and card["next"] == "P", card  # the heading, then its body
    headings = await page.evaluate(
        "() => [...document.querySelectorAll('h1, h2, h3, h4')].map((h) => h.tagName)"
    )
    assert headings == ["H1", "H2", "H2"]  # no level skipped
    focus = await page.evaluate(FOCUS_JS)
    assert focus["question"]
    await page.keyboard.press("Tab")  # from the text, on to the first card's button
    assert await page.evaluate("() => document.activeElement.closest('.card') !== null")

"""The web chat in Chromium, for eyes: 쉬운 모드 and the text-size steps enlarge everything in
both modes; every control has enough contrast and a visible focus (split from
test_webchat_a11y.py, whose docstring lists the standards)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.test_webchat_browser import tap, verify

pytestmark = pytest.mark.browser
if not Path("/usr/bin/chromium").exists():
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed", allow_module_level=True)
pytest.importorskip("playwright.async_api")

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / os.environ.get("NAECHINGU_SCREENSHOTS", "test-artifacts")
MANY = "우리단지"  # a home entry whose screen has 10 buttons

# Where things are, in CSS px of the window (the layout viewport).

from tests.browser.test_webchat_a11y import FOCUS_JS, HEADER_LINES_JS, LAYOUT_JS  # noqa: E402

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


async def set_easy_mode(services, on: bool) -> None:
    async with services.uow() as uow:
        complex_ = await uow.complexes.by_code("DEMO")
        household = await uow.households.find(complex_.id, "101", "1203")
        (resident_id,) = await uow.residents.ids_in_household(household.id)
        resident = await uow.residents.get(resident_id)
        resident.easy_mode = on
        await uow.commit()


SIZES_JS = """() => ({
  body: parseFloat(getComputedStyle(document.body).fontSize),
  bubble: Math.min(...[...document.querySelectorAll('#log .bubble')]
    .map((b) => parseFloat(getComputedStyle(b).fontSize))),
  choice: Math.min(...[...document.querySelectorAll('#choices .choice')]
    .map((b) => parseFloat(getComputedStyle(b).fontSize))),
  buttonHeight: Math.min(...[...document.querySelectorAll('#choices .choice, #send')]
    .map((b) => b.getBoundingClientRect().height)),
})"""


async def test_easy_mode_is_large_and_text_steps_work_in_both_modes(page, site, services, demo):
    await verify(page, demo["101-1203"])
    normal = await page.evaluate(SIZES_JS)
    assert normal["body"] >= 18 and normal["buttonHeight"] >= 44, normal
    await bigger_text(page, 1)  # 글자 크게 in normal mode
    assert (await page.evaluate(SIZES_JS))["bubble"] > normal["bubble"]
    await page.get_by_role("button", name="글자 작게").click()
    assert await page.evaluate(SIZES_JS) == normal

    await set_easy_mode(services, True)
    await tap(page, MANY, MANY)  # the next answer says the resident is in 쉬운 모드
    await page.wait_for_function("() => document.documentElement.classList.contains('easy')")
    easy = await page.evaluate(SIZES_JS)
    assert min(easy["body"], easy["bubble"], easy["choice"]) >= 22, easy
    assert easy["buttonHeight"] >= 48, easy
    await bigger_text(page, 2)  # 글자 크게 in 쉬운 모드 enlarges too
    larger = await page.evaluate(SIZES_JS)
    assert larger["bubble"] > easy["bubble"] and larger["choice"] > easy["choice"], larger
    assert larger["buttonHeight"] > easy["buttonHeight"]

    await page.goto(site + "/")  # kept after a reload
    await page.locator("#choices .choice").first.wait_for()
    kept = await page.evaluate(SIZES_JS)
    assert (kept["body"], kept["bubble"]) == (larger["body"], larger["bubble"]), kept
    assert await page.get_by_role("button", name="글자 크게").get_attribute("aria-disabled") == (
        "false"
    )
    await bigger_text(page, 1)  # the last step; then 글자 크게 says it can do no more
    assert await page.get_by_role("button", name="글자 크게").get_attribute("aria-disabled") == (
        "true"
    )
    assert "4단계" in await page.locator("#size-status").inner_text()

    # The largest text of 쉬운 모드 on a 320 px phone: the question starts in view (a long one
    # scrolls within the conversation), which keeps ≥ 40%; the header stays one line.
    await page.set_viewport_size({"width": 320, "height": 568})
    await tap(page, "처음으로", "")  # home, whatever its wording in 쉬운 모드
    seen = await page.evaluate(LAYOUT_JS)
    assert seen["log"]["height"] >= 0.4 * seen["vh"], seen
    assert seen["log"]["top"] - 1 <= seen["question"]["top"] < seen["log"]["bottom"] - 60, seen
    assert seen["pageHeight"] <= seen["vh"] and seen["pageWidth"] <= seen["vw"], seen
    assert all(h["lines"] == 1 for h in await page.evaluate(HEADER_LINES_JS))


@pytest.mark.parametrize("width", [320, 1280])
async def test_contrast_and_a_visible_focus_on_everything(page, demo, width):
    await page.set_viewport_size({"width": width, "height": 700})
    await verify(page, demo["101-1203"])
    low = [c for c in await page.evaluate(CONTRAST_JS) if c["ratio"] < 4.5]
    assert not low, low
    await page.locator("#smaller").focus()
    seen = []
    for _ in range(20):  # through the header, the log, the buttons and the text box
        await page.keyboard.press("Tab")
        focus = await page.evaluate(FOCUS_JS)
        assert focus["tag"] != "BODY", seen
        assert focus["ring"], focus
        seen.append(focus["tag"] + "#" + focus["id"])
        if focus["id"] == "send":
            break
    assert seen[0] == "BUTTON#bigger" and "INPUT#text" in seen and seen[-1] == "BUTTON#send", seen
    assert sum(s == "BUTTON#" for s in seen) >= 5, seen  # the home buttons

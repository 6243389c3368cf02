"""Four languages (한국어, English, Tiếng Việt, 中文): a first contact whose messenger reports
another language than Korean is asked one question naming each language in its own script; the
choice is stored on the resident and the whole conversation follows it; 도움말 → 언어 Language
changes it again (two taps from home). Journeys on the web chat, whose page sends the
browser's language with each message (Telegram sends `language_code`, see the adapter tests)."""

from __future__ import annotations

import re

import aiohttp
import pytest

from bot.demo.points import seed_points
from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code
from bot.runtime import Runtime
from tests.support.drivers import WebDriver

LANGUAGES = ["한국어", "English", "Tiếng Việt", "中文"]
VI_HOME = ["Chợ chia sẻ", "Mua sắm", "Khu chung cư", "Điểm", "Hướng dẫn"]
HOMES = [(f"{h.building}-{h.unit}", h) for h in DEMO_HOUSEHOLDS]
HANGUL = re.compile("[\uac00-\ud7a3]")


class Browser(WebDriver):
    """The web chat page of a browser set to `lang` (navigator.language)."""

    def __init__(self, base: str, http: aiohttp.ClientSession, lang: str) -> None:
        super().__init__(base, http)
        self.lang = lang

    async def _post(self, payload: dict) -> None:
        await super()._post({"lang": self.lang, **payload})


@pytest.fixture
async def browser(services, demo, engine):
    runtime = Runtime(services, engine)
    await runtime.start()
    async with aiohttp.ClientSession() as http:
        yield lambda lang: Browser(f"http://127.0.0.1:{runtime.port}", http, lang)
    await runtime.stop()


async def test_an_english_browser_is_asked_once_and_the_journey_continues_in_english(
    browser, demo
):
    en = browser("en-GB")
    await en.start()
    assert en.labels[:4] == LANGUAGES
    assert "Which language would you like?" in en.text.splitlines()[0]  # theirs first
    assert "어떤 언어로 보여 드릴까요?" in en.text  # and in Korean, for a helper beside them
    await en.tap("English")
    assert "I'll show everything in English" in en.text
    assert "Enter code" in en.labels
    await en.tap("Enter code")
    await en.say(demo["101-1203"])
    await en.tap("No")  # the one 쉬운 모드 question after sign-up
    assert "Help" in en.labels and "도움말" not in en.labels
    await en.say("")  # the page reloaded: home, not the question again
    assert "Which language" not in en.text
    await en.tap("Help")  # two taps from home to the languages
    await en.tap("언어 Language")
    assert en.labels[:4] == LANGUAGES


async def test_a_vietnamese_browser_gets_vietnamese_dates_and_words(browser, demo, services):
    vi = browser("vi-VN")
    await vi.start()
    await vi.tap("Tiếng Việt")
    welcome = vi.text
    assert "Bạn muốn" not in welcome and "내친구" in welcome
    assert not HANGUL.search(welcome.replace("내친구", ""))
    await vi.tap(vi.labels[0])  # 초대코드 입력, in Vietnamese
    await vi.say(demo["103-1501"])
    await vi.tap("Không")  # the one 쉬운 모드 question after sign-up
    assert vi.labels == [*VI_HOME, "Bật chế độ dễ", "Nhờ giúp đỡ"]
    await seed_points(services, {k: (h, demo_code(services.invite_key, h)) for k, h in HOMES})
    await vi.say("điểm")  # typed: a button's label in their language is understood
    assert "[Điểm]" in vi.text
    await vi.tap("Xem điểm chung")
    history = vi.text
    day = services.catalogs.get("vi").short_day(services.clock.now())  # 25/11: day first
    # the shop kind, stored in Korean in the ledger, is read in Vietnamese too
    assert f"{day} hàng xóm Thực phẩm địa phương tích điểm mua hàng +" in history
    # only what a person typed stays as written (the coordinator's "놀이방 장난감")
    assert not HANGUL.search(history.replace("놀이방 장난감", "")), history


async def test_a_korean_browser_is_not_asked_and_telegram_codes_map_to_the_catalogs(
    browser, services
):
    ko = browser("ko-KR")
    await ko.start()
    assert "초대코드 입력" in ko.labels and "English" not in ko.labels
    match = services.catalogs.match
    assert [match(t) for t in ("en", "vi", "zh-hans", "zh-CN", "ko", "th", "", None)] == [
        "en",
        "vi",
        "zh_Hans",
        "zh_Hans",
        "ko",
        None,
        None,
        None,
    ]


async def test_a_new_telegram_person_starts_in_their_language(services):
    from core.identity.onboarding import get_or_register_account

    async with services.uow() as uow:
        account = await get_or_register_account(uow, services.clock, "telegram", "77", "", "vi")
        resident = await uow.residents.get(account.resident_id)
        await uow.commit()
    assert resident.locale == "vi"

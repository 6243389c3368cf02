"""물품 나눔·대여 with a photo on every channel: a resident posts a goods listing and sends
the photo (web upload, Telegram photo message, KakaoTalk image URL); a neighbour on the same
channel browses 물품 나눔·대여 and sees the card with the image (web card image, KakaoTalk
basicCard thumbnail, Telegram photo with caption), then the listing with the image."""

from __future__ import annotations

import aiohttp
import pytest

from bot.app import build_engine
from bot.runtime import Runtime
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.defects import tiny_image
from tests.support.drivers import KakaoDriver, PhotoHost, TelegramDriver, WebDriver
from tests.support.share import listing_row


@pytest.fixture(params=["web", "kakao", "telegram"])
async def people(request, services, demo):
    """A factory of residents on one channel (KakaoTalk photos come from a local photo host)."""
    fake = None
    photos = await PhotoHost().start()
    if request.param == "telegram":
        fake = await FakeTelegramServer().start()
        services.config = services.config.replace(
            telegram={"token": fake.token, "api_base": fake.base_url}
        )
    services.config = services.config.replace(kakao={"photo_hosts": ("127.0.0.1",)})
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    base = f"http://127.0.0.1:{runtime.port}"
    async with aiohttp.ClientSession() as http:
        yield {
            "web": lambda: WebDriver(base, http),
            "kakao": lambda: KakaoDriver(base, http, photo_host=photos),
            "telegram": lambda: TelegramDriver(fake),
        }[request.param]
        await runtime.stop()
    await photos.stop()
    if fake is not None:
        await fake.stop()


def images(person) -> list[str]:
    """The image URLs in the last answer, as the channel shows them."""
    if isinstance(person, WebDriver):
        screens = person.answer["screens"]
        cards = [c.get("image_url") for s in screens for c in s["cards"]]
        return [url for url in [*cards, *(s.get("image_url") for s in screens)] if url]
    if isinstance(person, KakaoDriver):
        found = []
        for output in person.answer["template"]["outputs"]:
            for kind, body in output.items():
                items = body.get("items", []) if kind == "carousel" else [body]
                found += [i.get("thumbnail", {}).get("imageUrl") for i in items]
                found.append(body.get("imageUrl") if kind == "simpleImage" else None)
        return [url for url in found if url]
    sent = person.srv.sent[person._mark :]
    return [
        p["photo"]
        for method, p, _ in sent
        if method == "sendPhoto" and str(p.get("chat_id")) == str(person.chat_id)
    ]


async def test_a_goods_photo_is_posted_and_a_neighbour_sees_it(people, services, demo):
    kim = people()
    await kim.start(demo["101-1203"])
    for label in ("공유마켓", "돌봄·나눔 보기", "물품 나눔·대여", "글 올리기", "해드려요"):
        await kim.tap(label)
    await kim.say("유모차 빌려 드려요")
    await kim.tap("주말")
    await kim.tap("우리 단지 안")
    await kim.tap("무료")
    await kim.tap("건너뛰기")
    assert "물건 사진을 한 장 보내 주세요" in kim.text
    await kim.photo(tiny_image("JPEG"))
    assert "사진: 1장" in kim.text
    await kim.tap("올리기")
    assert "글을 올렸어요" in kim.text
    url = services.media.url((await listing_row(services))["photo"])

    lee = people()
    await lee.start(demo["102-304"])
    for label in ("공유마켓", "돌봄·나눔 보기", "물품 나눔·대여"):
        await lee.tap(label)
    assert "유모차 빌려 드려요" in lee.text
    assert images(lee) == [url]
    await lee.tap("자세히 보기")
    assert "유모차 빌려 드려요" in lee.text and "101동 이웃" in lee.text
    assert images(lee) == [url]

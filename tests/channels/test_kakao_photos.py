"""KakaoTalk photos are stored whole or not at all. Kakao sends a photo as a URL on its CDN; a
real CDN answers a 2 MB photo in many small pieces, so the skill must read to the end (a single
`read(n)` once stored 65,393 bytes of a 2,097,158-byte JPEG and told the resident "사진 1장을
받았어요"). A local photo server here sends slowly, in small chunks, or breaks off."""

from __future__ import annotations

import asyncio
import io
import random
import time
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from PIL import Image

from bot.app import build_engine
from bot.channels.kakao.photos import fetch_photos, is_whole_image
from bot.runtime import Runtime
from tests.support.defects import household_id, reports_of
from tests.support.drivers import KakaoDriver, PhotoHost


def big_jpeg(at_least: int = 2_000_000) -> bytes:
    """A photo-sized JPEG: noise does not compress, so it is about as big as a phone photo."""
    rng = random.Random(7)
    side = int((at_least / 2.5) ** 0.5)  # noise at quality 95: about 2.8 bytes a pixel
    while True:
        noise = rng.randbytes(side * side * 3)
        buffer = io.BytesIO()
        Image.frombytes("RGB", (side, side), noise).save(buffer, "JPEG", quality=95)
        if len(buffer.getvalue()) >= at_least:
            return buffer.getvalue()
        side += 50


class SlowPhotoServer(PhotoHost):
    """Serves each photo in `chunk`-byte pieces with a pause between them; `break_after`
    closes the connection after that many bytes (a promised Content-Length not kept)."""

    def __init__(self, chunk: int = 4096, pause_s: float = 0.0005) -> None:
        super().__init__()
        self.chunk, self.pause_s = chunk, pause_s
        self.how: dict[str, tuple[int | None, bool]] = {}

    def put(self, data: bytes, *, break_after: int | None = None, length: bool = True) -> str:
        url = super().put(data)
        self.how[url.rsplit("/", 1)[1]] = (break_after, length)
        return url

    async def _get(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        data, (break_after, length) = self.files[name], self.how[name]
        response = web.StreamResponse(headers={"Content-Type": "image/jpeg"})
        if length:
            response.content_length = len(data)
        else:
            response.enable_chunked_encoding()
        await response.prepare(request)
        end = len(data) if break_after is None else break_after
        for at in range(0, end, self.chunk):
            await response.write(data[at : min(at + self.chunk, end)])
            await asyncio.sleep(self.pause_s)
        if break_after is not None:
            request.transport.close()  # the connection drops before the promised end
            return response
        await response.write_eof()
        return response


@pytest.fixture
async def photo_server():
    server = await SlowPhotoServer().start()
    yield server
    await server.stop()


async def test_a_big_photo_sent_slowly_in_small_chunks_arrives_whole(photo_server):
    photo = big_jpeg()
    async with aiohttp.ClientSession() as http:
        got, lost = await fetch_photos(
            http, [photo_server.put(photo)], max_bytes=10 * 2**20, within_s=10
        )
    assert lost == 0 and len(got) == 1
    assert got[0] == photo  # every byte, not the first read's worth


async def test_photos_of_one_message_are_fetched_together_within_one_budget(photo_server):
    photo_server.pause_s = 0.05  # each photo alone takes about 0.7 s
    small = big_jpeg(50_000)
    urls = [photo_server.put(small) for _ in range(3)]
    started = time.monotonic()
    async with aiohttp.ClientSession() as http:
        got, lost = await fetch_photos(http, urls, max_bytes=10 * 2**20, within_s=5)
    assert (len(got), lost) == (3, 0)
    assert time.monotonic() - started < 1.6  # in parallel, not 3 × 0.7 s


@pytest.mark.parametrize(
    "how", ["connection breaks", "chunked and cut short", "too big", "too slow", "not an image"]
)
async def test_a_photo_that_does_not_arrive_whole_is_counted_lost(photo_server, how):
    photo = big_jpeg(300_000)
    max_bytes, within_s = 10 * 2**20, 5.0
    if how == "connection breaks":
        url = photo_server.put(photo, break_after=100_000)
    elif how == "chunked and cut short":
        url = photo_server.put(photo[:150_000], length=False)
    elif how == "too big":
        url, max_bytes = photo_server.put(photo), 200_000
    elif how == "too slow":
        photo_server.pause_s, within_s = 0.05, 0.5
        url = photo_server.put(photo)
    else:
        url = photo_server.put(b"<html>not a photo</html>" * 100)
    started = time.monotonic()
    async with aiohttp.ClientSession() as http:
        got, lost = await fetch_photos(http, [url], max_bytes=max_bytes, within_s=within_s)
    assert (got, lost) == ([], 1)
    assert time.monotonic() - started < within_s + 0.5


def test_whole_images_decode_and_cut_ones_do_not():
    photo = big_jpeg(100_000)
    assert is_whole_image(photo)
    assert not is_whole_image(photo[:65_393])
    assert not is_whole_image(photo[:-100])


@pytest.fixture
async def kakao_person(services, demo, photo_server):
    services.config = services.config.replace(kakao={"photo_hosts": ("127.0.0.1",)})
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    async with aiohttp.ClientSession() as http:
        yield KakaoDriver(f"http://127.0.0.1:{runtime.port}", http, photo_host=photo_server)
    await runtime.stop()


async def start_defect(person, demo) -> None:
    await person.start(demo["101-1203"])
    for label in ("우리단지", "고장 신고", "누수"):
        await person.tap(label)
    assert "무슨 일인가요?" in person.text


async def test_a_2_mb_defect_photo_from_kakaotalk_is_stored_byte_for_byte(
    kakao_person, services, demo
):
    photo = big_jpeg()
    await start_defect(kakao_person, demo)
    await kakao_person.photo(photo)
    assert "사진 1장을 받았어요" in kakao_person.text
    await kakao_person.tap("다 보냈어요")
    await kakao_person.say("욕실 천장에서 물이 떨어져요")
    await kakao_person.tap("우리 집")
    await kakao_person.tap("보통")
    await kakao_person.tap("접수")
    (report,) = await reports_of(services, await household_id(services, "101", "1203"))
    (media_id,) = report.photos
    stored = services.media.resolve(services.media.name(media_id)).read_bytes()
    assert stored == photo


async def test_a_photo_cut_short_is_not_taken_and_the_resident_is_asked_again(
    kakao_person, services, demo, photo_server
):
    photo = big_jpeg(300_000)
    await start_defect(kakao_person, demo)
    media = Path(services.config.media.dir)
    before = files_in(media)
    await kakao_person._post(photo_server.put(photo, break_after=100_000))
    assert "사진 1장을 제대로 받지 못했어요" in kakao_person.text
    assert "사진 1장을 받았어요" not in kakao_person.text
    assert "무슨 일인가요?" in kakao_person.text  # the same question again
    assert files_in(media) == before  # nothing stored
    await kakao_person.photo(photo)  # sent again, whole this time
    assert "사진 1장을 받았어요" in kakao_person.text


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []

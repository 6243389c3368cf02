"""Defect 2: the web chat's multipart upload is capped as a whole (http.max_body_kb), in its
number of parts and in each part (media.max_photo_mb), read in chunks to a spool file and
refused with 413 as soon as a cap is passed (before: 100 × 9.9 MB in one request got 200 and
the server's memory rose from 201 to 1,160 MB). A normal photo still arrives."""

from __future__ import annotations

import io

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from PIL import Image

from bot.app import build_engine
from bot.server import build_http_app


@pytest.fixture
async def web(services, demo):
    services.config = services.config.replace(
        http={"max_body_kb": 1536}, media={"max_photo_mb": 1}
    )
    client = TestClient(TestServer(build_http_app(services, build_engine(services))))
    await client.start_server()
    session = (await (await client.post("/api/web/session")).json())["session"]
    yield client, session
    await client.close()


def _jpeg(size: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(out, "JPEG")
    data = out.getvalue()
    return data + b"\0" * max(0, size - len(data))


def _form(session: str, photos: list[bytes], extra_fields: int = 0) -> aiohttp.FormData:
    form = aiohttp.FormData(default_to_multipart=True)
    form.add_field("session", session)
    form.add_field("id", "m1")
    for n in range(extra_fields):
        form.add_field(f"x{n}", "y")
    for data in photos:
        form.add_field("photo", data, filename="p.jpg", content_type="image/jpeg")
    return form


async def test_many_photo_parts_in_one_request_are_refused(web):
    client, session = web
    r = await client.post("/api/web/message", data=_form(session, [_jpeg(900_000)] * 20))
    assert r.status == 413


async def test_many_small_parts_are_refused(web):
    client, session = web
    r = await client.post("/api/web/message", data=_form(session, [], extra_fields=200))
    assert r.status == 413


async def test_one_part_over_the_photo_cap_is_refused(web):
    client, session = web
    r = await client.post("/api/web/message", data=_form(session, [_jpeg(1_100_000)]))
    assert r.status == 413


async def test_a_body_over_the_cap_without_a_length_is_refused(web):
    client, session = web
    payload = _form(session, [_jpeg(800_000), _jpeg(800_000)])()
    body = await _bytes(payload)

    async def stream():  # chunked, no Content-Length: the cap holds while reading
        for i in range(0, len(body), 65536):
            yield body[i : i + 65536]

    r = await client.post(
        "/api/web/message", data=stream(), headers={"Content-Type": payload.content_type}
    )
    assert r.status == 413


async def _bytes(payload) -> bytes:
    class Sink:
        def __init__(self) -> None:
            self.data = bytearray()

        async def write(self, chunk: bytes) -> None:
            self.data += chunk

    sink = Sink()
    await payload.write(sink)
    return bytes(sink.data)


async def test_a_normal_photo_still_arrives(web):
    client, session = web
    r = await client.post("/api/web/message", data=_form(session, [_jpeg(300_000)]))
    assert r.status == 200
    assert (await r.json())["screens"]

"""Photos sent on KakaoTalk arrive as URLs on Kakao's servers: fetched here, whole or not at all.

A single `read(n)` returns only the bytes that have arrived so far (a 2 MB photo was once stored
as its first 64 KB), so each photo is read to its end, chunk by chunk, within the size limit
and one shared deadline (all photos of a message at once, in parallel), and it counts only if
the image really decodes: a photo cut short is reported as lost, never stored as received.
"""

from __future__ import annotations

import asyncio
import io
import logging
import struct

import aiohttp
from PIL import Image, UnidentifiedImageError

from core.media import sniff_image

log = logging.getLogger("naechingu.kakao")
CHUNK = 64 * 1024
MAX_PHOTOS = 3


class PhotoLost(Exception):
    """The photo could not be fetched whole (status, size, time, or it does not decode)."""


async def fetch_photos(
    http: aiohttp.ClientSession, urls: list[str], *, max_bytes: int, within_s: float
) -> tuple[list[bytes], int]:
    """The photos that arrived whole within `within_s`, in order, and how many did not."""
    fetch = PhotoFetch(http, urls, max_bytes=max_bytes)
    await fetch.wait(within_s)
    return fetch.results()


class PhotoFetch:
    """The photos of one message, all fetched at once. `wait` may be called again: the skill
    waits within the answer's budget, and if some are still coming, answers and waits for
    them once more in the background (bot/channels/kakao/skill.py)."""

    def __init__(self, http: aiohttp.ClientSession, urls: list[str], *, max_bytes: int) -> None:
        self.tasks = [
            asyncio.ensure_future(_fetch_whole(http, url, max_bytes)) for url in urls[:MAX_PHOTOS]
        ]

    async def wait(self, within_s: float) -> bool:
        """True when every photo has arrived or failed within `within_s`."""
        if not self.tasks:
            return True
        _, pending = await asyncio.wait(self.tasks, timeout=within_s)
        return not pending

    def cancel(self) -> None:
        for task in self.tasks:
            task.cancel()

    def results(self) -> tuple[list[bytes], int]:
        """The photos that arrived whole, in order, and how many did not (those still on
        the way are given up and count as lost)."""
        photos: list[bytes] = []
        lost = 0
        for task in self.tasks:
            if task.done() and not task.cancelled() and task.exception() is None:
                photos.append(task.result())
                continue
            lost += 1
            reason = "TimeoutError" if not task.done() or task.cancelled() else task.exception()
            task.cancel()
            # The reason only (never the URL: it names the resident's photo).
            name = reason if isinstance(reason, str) else type(reason).__name__
            log.warning("a KakaoTalk photo was not received: %s", name)
        return photos, lost


async def _fetch_whole(http: aiohttp.ClientSession, url: str, max_bytes: int) -> bytes:
    # No redirects: a Kakao URL must not lead the server anywhere else.
    async with http.get(url, allow_redirects=False) as resp:
        if resp.status != 200:
            raise PhotoLost(f"status {resp.status}")
        if resp.content_length is not None and resp.content_length > max_bytes:
            raise PhotoLost("too large")
        data = bytearray()
        async for chunk in resp.content.iter_chunked(CHUNK):
            data += chunk
            if len(data) > max_bytes:
                raise PhotoLost("too large")
        if resp.content_length is not None and len(data) != resp.content_length:
            raise PhotoLost("cut short")
    whole = bytes(data)
    if not await asyncio.to_thread(is_whole_image, whole):
        raise PhotoLost("does not decode")
    return whole


def is_whole_image(data: bytes) -> bool:
    """True when the bytes are an image we accept and all of it is there."""
    kind = sniff_image(data)
    if kind is None:
        return False
    if kind == "image/heic":
        return _boxes_fill(data)
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (320, 320))  # JPEG: decode scaled down, still every byte
            image.load()
    except (
        OSError,
        UnidentifiedImageError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ):
        return False
    return True


def _boxes_fill(data: bytes) -> bool:
    """HEIC (which Pillow does not decode): the top-level boxes end exactly at the end."""
    at = 0
    while at < len(data):
        if at + 8 > len(data):
            return False
        (size,) = struct.unpack(">I", data[at : at + 4])
        if size == 1:
            if at + 16 > len(data):
                return False
            (size,) = struct.unpack(">Q", data[at + 8 : at + 16])
        elif size == 0:
            return True  # the last box runs to the end of the file
        if size < 8:
            return False
        at += size
    return at == len(data)

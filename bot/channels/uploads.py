"""A web chat upload (multipart/form-data) read within caps, refused as soon as one is passed:

- the whole body: `http.max_body_kb` (the Content-Length, when given, is checked first;
  chunked bodies are counted as they are read);
- the number of parts: `MAX_PARTS` (session, id, text, token and the photos), and at most
  `MAX_PHOTOS` photos;
- each photo: `media.max_photo_mb`, each text field: `MAX_FIELD_BYTES`.

Photos are read chunk by chunk into a spool file (on disk past `SPOOL_IN_MEMORY`), so a
request being refused never held more than one chunk of it in memory beyond that.
"""

from __future__ import annotations

import tempfile

from aiohttp import BodyPartReader, web

from bot.screens import Photo

MAX_PARTS = 8
MAX_PHOTOS = 3
MAX_FIELD_BYTES = 16 * 1024
CHUNK = 64 * 1024
SPOOL_IN_MEMORY = 256 * 1024
FIELDS = ("session", "id", "text", "token", "lang")


class TooLarge(Exception):
    """A cap was passed: the route answers 413."""


class _Budget:
    def __init__(self, cap: int) -> None:
        self.left = cap

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise TooLarge("body too large")


async def read_upload(
    request: web.Request, *, max_body: int, max_photo: int
) -> tuple[dict[str, str], list[Photo]]:
    """The text fields and photos of a multipart request; raises TooLarge or ValueError."""
    if request.content_length is not None and request.content_length > max_body:
        raise TooLarge("body too large")
    budget = _Budget(max_body)
    fields: dict[str, str] = {}
    photos: list[Photo] = []
    reader = await request.multipart()
    for _ in range(MAX_PARTS):
        part = await reader.next()
        if part is None:
            return fields, photos
        if not isinstance(part, BodyPartReader):
            raise ValueError("nested multipart")
        if part.name == "photo":
            if len(photos) >= MAX_PHOTOS:
                raise TooLarge("too many photos")
            data = await _spool(part, budget, max_photo)
            photos.append(Photo(data, part.headers.get("Content-Type", "")))
        else:
            raw = await _small(part, budget)
            if part.name in FIELDS:
                fields[part.name] = raw.decode("utf-8", errors="replace")
    if await reader.next() is not None:
        raise TooLarge("too many parts")
    return fields, photos


async def _small(part: BodyPartReader, budget: _Budget) -> bytes:
    data = bytearray()
    while chunk := await part.read_chunk(CHUNK):
        budget.take(len(chunk))
        data += chunk
        if len(data) > MAX_FIELD_BYTES:
            raise TooLarge("field too large")
    return bytes(data)


async def _spool(part: BodyPartReader, budget: _Budget, cap: int) -> bytes:
    size = 0
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
        while chunk := await part.read_chunk(CHUNK):
            budget.take(len(chunk))
            size += len(chunk)
            if size > cap:
                raise TooLarge("photo too large")
            spool.write(chunk)
        spool.seek(0)
        return spool.read()

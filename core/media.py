"""Photos residents send: images only, recognised by their content (never by a file name),
at most 10 MB each, kept behind a MediaStore port so an object store can replace the disk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from core.notifications import Notification

MAX_PHOTO_BYTES = 10 * 1024 * 1024

# (offset, magic bytes, content type); HEIC is what iPhones send by default.
_SIGNATURES = (
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (8, b"WEBP", "image/webp"),
    (4, b"ftypheic", "image/heic"),
    (4, b"ftypheix", "image/heic"),
    (4, b"ftypmif1", "image/heic"),
)


def sniff_image(data: bytes) -> str | None:
    """The image type the bytes really are, or None when they are not an image we accept."""
    for offset, magic, content_type in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            if content_type == "image/webp" and data[:4] != b"RIFF":
                continue
            return content_type
    return None


class MediaStore(Protocol):
    async def put(self, data: bytes, content_type: str) -> str:
        """Store the bytes; returns the media id (the same bytes give the same id)."""

    def url(self, media_id: str) -> str:
        """An unguessable URL where the channel (or a person) can fetch the photo."""


@dataclass(frozen=True)
class PhotosArrived(Notification, kind="media.photos_arrived"):
    """To the resident: photos that were slow to arrive (answered "사진을 받는 중이에요" in
    time) have now arrived, `received` whole and `lost` not, and were given to the dialog."""

    received: int
    lost: int

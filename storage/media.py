"""Photos on disk, content-addressed: the id is the SHA-256 of the bytes, so the same photo
is stored once. URLs carry the id and a keyed signature, so they cannot be enumerated."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import re
from pathlib import Path

NAME = re.compile(r"^([0-9a-f]{64})-([0-9a-f]{20})$")
MEDIA_ID = re.compile(r"[0-9a-f]{64}")


class FileMediaStore:
    def __init__(self, directory: str | Path, key: bytes, base_url: str) -> None:
        self.root = Path(directory)
        self.key = key
        self.base_url = base_url.rstrip("/")

    def _path(self, media_id: str) -> Path:
        return self.root / media_id[:2] / media_id

    def _sign(self, media_id: str) -> str:
        return hmac.new(self.key, media_id.encode(), hashlib.sha256).hexdigest()[:20]

    async def put(self, data: bytes, content_type: str) -> str:
        media_id = hashlib.sha256(data).hexdigest()
        path = self._path(media_id)
        if path.exists():  # stored before: fresh again, so the orphan sweep leaves it
            await asyncio.to_thread(path.touch)
        else:
            await asyncio.to_thread(self._write, path, data)
        return media_id

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: a reader never sees half a photo

    def name(self, media_id: str) -> str:
        return f"{media_id}-{self._sign(media_id)}"

    def url(self, media_id: str) -> str:
        return f"{self.base_url}/media/{self.name(media_id)}"

    def delete(self, media_ids: list[str]) -> int:
        """Remove these photos' files (the retention job, after its commit); returns how
        many were there."""
        removed = 0
        for media_id in media_ids:
            if not MEDIA_ID.fullmatch(media_id):
                continue
            path = self._path(media_id)
            if path.exists():
                path.unlink()
                removed += 1
        return removed

    def resolve(self, name: str) -> Path | None:
        """The file behind a URL name, or None when the name is forged or unknown."""
        match = NAME.match(name)
        if not match or not hmac.compare_digest(match.group(2), self._sign(match.group(1))):
            return None
        path = self._path(match.group(1))
        return path if path.exists() else None

    def sweep(self, keep: set[str], older_than: float) -> int:
        """Delete stored photos not in `keep` whose file is older than `older_than` (a
        time.time() reading): photos of dialogs gone back or abandoned. Returns how many."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for path in self.root.glob("*/*"):
            stale = path.suffix == ".tmp" or (len(path.name) == 64 and path.name not in keep)
            with contextlib.suppress(FileNotFoundError):
                if stale and path.stat().st_mtime < older_than:
                    path.unlink()
                    removed += 1
        return removed

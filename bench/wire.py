"""A lean HTTP/1.1 client for the load generator: kept-alive sockets, a prebuilt request head,
no validation of the answers (the tests validate every SkillResponse).

On a 2-core machine the load generator competes with the workers and PostgreSQL for the same
cores: aiohttp's client plus the SkillResponse validator cost it about half a millisecond
of CPU a request, a third of what a worker spent on the step itself. This client costs a
fraction of that, so more of the machine is left to what is measured (issue 17).
"""

from __future__ import annotations

import asyncio
import json

from tests.support.drivers import KakaoDriver


class Wire:
    """Kept-alive connections per port, opened on demand (at most one per request in flight)."""

    def __init__(self) -> None:
        self._idle: dict[int, list[tuple[asyncio.StreamReader, asyncio.StreamWriter]]] = {}

    async def post(self, port: int, path: str, body: bytes) -> tuple[int, bytes]:
        idle = self._idle.setdefault(port, [])
        if idle:
            reader, writer = idle.pop()
        else:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (path.encode(), len(body), body)
        )
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        answer = await reader.readexactly(length)
        if b"connection: close" in head.lower():
            writer.close()
        else:
            idle.append((reader, writer))
        return status, answer

    async def close(self) -> None:
        for idle in self._idle.values():
            for _reader, writer in idle:
                writer.close()
        self._idle.clear()


class WireResident(KakaoDriver):
    """A KakaoTalk resident (tests.support.drivers) whose requests go over `Wire`."""

    def __init__(self, wire: Wire, port: int) -> None:
        super().__init__(f"http://127.0.0.1:{port}", None)
        self.wire, self.port = wire, port

    async def _post(self, utterance: str, extra: dict | None = None) -> None:
        body = json.dumps(self.payload(utterance, extra), ensure_ascii=False).encode()
        status, answer = await self.wire.post(self.port, "/kakao/skill", body)
        assert status == 200, answer[:200]
        self.answer = json.loads(answer)

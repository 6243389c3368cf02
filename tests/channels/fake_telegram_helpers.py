"""Helpers shared by the tests of the fake Telegram Bot API server."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import aiohttp
from PIL import Image

from tests.fakes.telegram_server import FakeTelegramServer


def png(width: int = 3, height: int = 2) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "red").save(out, format="PNG")
    return out.getvalue()


async def call(srv: FakeTelegramServer, method: str, token: str | None = None, **params: Any):
    """POST JSON to the fake; return (HTTP status, decoded body)."""
    url = f"{srv.base_url}/bot{token or srv.token}/{method}"
    async with aiohttp.ClientSession() as session, session.post(url, json=params) as resp:
        return resp.status, await resp.json()


def button(text: str, data: str) -> dict[str, Any]:
    return {"inline_keyboard": [[{"text": text, "callback_data": data}]]}


async def eventually(condition, within: float = 3.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)

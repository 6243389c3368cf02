"""Delivering outbox rows to KakaoTalk through the Open Builder Event API.

`POST {base}/v2/bots/{botId}/talk` with `Authorization: KakaoAK <key>` sends one event to at
most 100 users; the event block prints `{{#current.event.data.text}}`. The answer only says the
job was accepted; per-user results come from `GET {base}/v1/tasks/{taskId}`, and users listed
there as failed are marked (blocked when they left or blocked the channel).
"""

from __future__ import annotations

import logging

import aiohttp

from bot.outbox.notifier import payload_text
from bot.outbox.sender import Outcome

log = logging.getLogger("naechingu.kakao.event")
MAX_USERS = 100
MAX_TEXT = 1000
BLOCKED_HINTS = ("block", "not friend", "차단", "친구")


class KakaoEventDeliverer:
    record_every = None  # one Event API call carries up to 100 users: record per batch

    def __init__(
        self,
        http: aiohttp.ClientSession,
        *,
        base: str,
        bot_id: str,
        key: str,
        event: str,
        batch: int = MAX_USERS,
    ) -> None:
        self.batch = max(1, min(batch, MAX_USERS))
        self.http = http
        self.base = base.rstrip("/")
        self.bot_id = bot_id
        self.headers = {"Authorization": f"KakaoAK {key}"}
        self.event = event

    async def deliver(self, rows: list[dict]) -> dict[int, Outcome]:
        outcomes: dict[int, Outcome] = {}
        groups: dict[str, list[dict]] = {}
        for row in rows:  # one call carries one text: group identical messages
            groups.setdefault(payload_text(row["payload"])[:MAX_TEXT], []).append(row)
        for text, group in groups.items():
            for start in range(0, len(group), self.batch):
                chunk = _distinct_users(group[start : start + self.batch], outcomes)
                outcomes.update(await self._send(text, chunk))
        return outcomes

    async def _send(self, text: str, rows: list[dict]) -> dict[int, Outcome]:
        body = {
            "event": {"name": self.event, "data": {"text": text}},
            "user": [{"type": "botUserKey", "id": r["address"]} for r in rows],
        }
        url = f"{self.base}/v2/bots/{self.bot_id}/talk"
        try:
            async with self.http.post(url, json=body, headers=self.headers) as resp:
                data = await resp.json(content_type=None) if resp.status < 500 else {}
                status = resp.status
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            return {r["id"]: Outcome("retry", type(exc).__name__) for r in rows}
        if status == 429:
            return {r["id"]: Outcome("retry", "429", retry_in=30) for r in rows}
        if status >= 400 or data.get("status") != "SUCCESS":
            error = f"{status} {data.get('message', '')}"[:200]
            return {r["id"]: Outcome("retry", error) for r in rows}
        failed = await self._task_failures(str(data.get("taskId", "")))
        result = {}
        for row in rows:
            message = failed.get(row["address"])
            if message is None:
                result[row["id"]] = Outcome("sent")
            elif any(h in message.lower() for h in BLOCKED_HINTS):
                result[row["id"]] = Outcome("blocked", message[:200])
            else:
                result[row["id"]] = Outcome("failed", message[:200])
        return result

    async def _task_failures(self, task_id: str) -> dict[str, str]:
        """{user id: error} from the task endpoint; empty when it cannot be read (the job
        was accepted, so the messages count as sent)."""
        if not task_id:
            return {}
        try:
            url = f"{self.base}/v1/tasks/{task_id}"
            async with self.http.get(url, headers=self.headers) as resp:
                data = await resp.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError):
            log.warning("kakao task %s unreadable", task_id)
            return {}
        fail = (data or {}).get("fail") or {}
        return {str(f.get("userID")): str(f.get("errorMsg", "")) for f in fail.get("list", [])}


def _distinct_users(rows: list[dict], outcomes: dict[int, Outcome]) -> list[dict]:
    """The Event API rejects duplicate users in one call: later duplicates wait a round."""
    seen: set[str] = set()
    chunk = []
    for row in rows:
        if row["address"] in seen:
            outcomes[row["id"]] = Outcome("retry", "duplicate user in batch", retry_in=1)
        else:
            seen.add(row["address"])
            chunk.append(row)
    return chunk

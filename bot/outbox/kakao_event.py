"""Delivering outbox rows to KakaoTalk through the Open Builder Event API, and showing them.

`POST {base}/v2/bots/{botId}/talk` with `Authorization: KakaoAK <key>` sends the event
`kakao.event_name` to at most 100 users. Each user entry carries, in its `properties`, an opaque
reference to that person's outbox row (`naechingu_ref`: "<row id>.<signature>", ≤ 64 characters,
no personal data); Kakao merges those properties into `userRequest.user.properties` when the
event block calls our skill, and the skill answers with the row's full stored screen (text,
image, cards, buttons with their tokens) through `make_open_event` below. `event.data.text`
keeps the plain text, for an event block that prints `{{#current.event.data.text}}` instead.

The answer only says the job was accepted; per-user results come from
`GET {base}/v1/tasks/{taskId}`, and users listed there as failed are marked (blocked when they
left or blocked the channel).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from dataclasses import dataclass, replace

import aiohttp

from bot.channels.kakao.protocol import EVENT_REF, EVENT_REF_MAX
from bot.i18n import N_
from bot.outbox.notifier import payload_text
from bot.outbox.sender import Outcome
from bot.screens import Button, ButtonRole, Screen, screen_from_dict

log = logging.getLogger("naechingu.kakao.event")
MAX_USERS = 100
MAX_TEXT = 1000
BLOCKED_HINTS = ("block", "not friend", "차단", "친구")
SIG_CHARS = 22  # 132 bits of HMAC-SHA256, base64url
ALREADY_SEEN = N_("이미 확인한 알림이에요.")
NOT_FOUND = N_("이 알림은 열 수 없어요.")


def event_ref_key(token_key: bytes) -> bytes:
    """The key signing event references, derived from the button-token key."""
    return hmac.new(token_key, b"kakao-event-ref", hashlib.sha256).digest()


def _signature(key: bytes, row_id: int, user_key: str) -> str:
    mac = hmac.new(key, f"{row_id}:{user_key}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode()[:SIG_CHARS]


def make_ref(key: bytes, row_id: int, user_key: str) -> str:
    """The reference to outbox row `row_id`, valid only for the botUserKey it was pushed to."""
    ref = f"{row_id}.{_signature(key, row_id, user_key)}"
    assert len(ref) <= EVENT_REF_MAX
    return ref


def check_ref(key: bytes, ref: str, user_key: str) -> int | None:
    """The row id of a reference this user may open; None when forged or someone else's."""
    row, _, sig = ref.partition(".")
    if not row.isdigit() or len(row) > 15:
        return None
    if not hmac.compare_digest(sig.encode(), _signature(key, int(row), user_key).encode()):
        return None
    return int(row)


class KakaoEventDeliverer:
    record_every: int | None = None  # one Event API call carries up to 100 users: record per batch
    exclusive = False

    def __init__(
        self,
        http: aiohttp.ClientSession,
        *,
        base: str,
        bot_id: str,
        key: str,
        event: str,
        batch: int = MAX_USERS,
        ref_key: bytes | None = None,
    ) -> None:
        self.batch = max(1, min(batch, MAX_USERS))
        self.http = http
        self.base = base.rstrip("/")
        self.bot_id = bot_id
        self.headers = {"Authorization": f"KakaoAK {key}"}
        self.event = event
        self.ref_key = ref_key  # None: text only (no event block calling our skill)

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
            "user": [self._user(r) for r in rows],
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

    def _user(self, row: dict) -> dict:
        user: dict = {"type": "botUserKey", "id": row["address"]}
        if self.ref_key is not None:
            user["properties"] = {EVENT_REF: make_ref(self.ref_key, row["id"], row["address"])}
        return user

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


@dataclass(frozen=True)
class EventScreens:
    """What an event block's skill call shows: the row's screens, or a polite `note` (then
    the skill shows the person's current screen with it, and nothing changed)."""

    screens: tuple[Screen, ...] = ()
    note: str = ""


def make_open_event(services):
    """`open(external_id, user_key, ref)` for the KakaoTalk skill: the stored screens of the
    outbox row `ref` names, when it was pushed to this very account (same botUserKey, same
    KakaoTalk account) and not shown yet; the row becomes `read` in the same transaction."""
    key = event_ref_key(services.token_key)

    async def open_event(external_id: str, user_key: str, ref: str) -> EventScreens:
        async with services.uow() as uow:
            account = await uow.accounts.find("kakao", external_id)
            locale = None
            if account is not None:
                resident = await uow.residents.get(account.resident_id)
                locale = resident.locale if resident is not None else None
            t = services.catalogs.get(locale)
            row_id = check_ref(key, ref, user_key)
            row = await uow.outbox.get(row_id) if row_id is not None else None
            if (
                row is None
                or account is None
                or row["account_id"] != account.id
                or row["channel"] != "kakao"
                or row["mode"] != "push"
                or row["address"] != user_key
            ):
                log.info("kakao event reference refused")
                return EventScreens(note=t._(NOT_FOUND))
            if not await uow.outbox.mark_read(row["id"], services.clock.now()):
                return EventScreens(note=t._(ALREADY_SEEN))
            await uow.commit()
        screens = [screen_from_dict(s) for s in row["payload"]] or [Screen(payload_text([]))]
        if not screens[-1].nav:  # a way on from a bare notice: typed "처음으로" goes home
            home = Button(t._("처음으로"), role=ButtonRole.NAV)
            screens[-1] = replace(screens[-1], buttons=(*screens[-1].buttons, home))
        return EventScreens(screens=tuple(screens))

    return open_event

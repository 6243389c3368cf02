"""The Notifier port on the unit of work: renders a notification in the recipient's language
and queues one outbox row per channel account of theirs, in the same transaction as its cause,
so a notification is sent if and only if the change committed."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.engine.present import Tokenizer, strip_actions
from bot.outbox.kinds import NotificationKinds
from bot.outbox.live import bell_key
from bot.screens import screen_to_dict
from core.notifications import Notification

PUSH, INBOX = "push", "inbox"


class OutboxNotifier:
    def __init__(self, uow, services, kinds: NotificationKinds) -> None:
        self.uow = uow
        self.s = services
        self.kinds = kinds

    def mode(self, channel: str) -> str:
        if channel == "telegram":
            return PUSH
        if channel == "kakao" and self.s.config.kakao.event_api_base:
            return PUSH
        return INBOX

    async def notify(
        self,
        resident_id: int,
        note: Notification,
        *,
        key: str,
        urgent: bool = False,
        batch: str | None = None,
        complex_id: int | None = None,
        skip_account_id: int | None = None,
    ) -> int:
        """Queue the notification for every reachable account of the resident; returns rows queued.

        `key` names the cause (e.g. "defect:12:status:3"); with the account it makes the
        dedupe key, so notifying twice for the same cause queues nothing more.
        """
        resident = await self.uow.residents.get(resident_id)
        if resident is None:
            return 0
        accounts = await self.uow.accounts.for_resident(resident_id)
        accounts = [a for a in accounts if a.id != skip_account_id]
        return await self._queue(
            [(resident, accounts)], note, lambda _: key, urgent, batch, complex_id
        )

    async def notify_many(
        self,
        resident_ids: list[int],
        note: Notification,
        *,
        key: str,
        urgent: bool = False,
        batch: str | None = None,
        complex_id: int | None = None,
    ) -> int:
        """`notify` for many residents in a few statements (a broadcast chunk): the cause
        key of each is `{key}:r{resident_id}`; returns rows queued."""
        people = await self.uow.residents.many(resident_ids)
        accounts = await self.uow.accounts.for_residents([r.id for r in people])
        pairs = [(r, accounts.get(r.id, [])) for r in people]
        return await self._queue(
            pairs, note, lambda r: f"{key}:r{r.id}", urgent, batch, complex_id
        )

    async def _queue(self, pairs, note, key_of, urgent, batch, complex_id) -> int:
        now = self.s.clock.now()
        days = self.s.config.dialogs.token_days
        rendered: dict[str, Any] = {}  # one rendering per language
        tokens: list[dict] = []
        rows: list[dict] = []
        waiting: set[str] = set()  # inbox accounts whose open page is woken after the commit
        for resident, accounts in pairs:
            reachable = [a for a in accounts if not a.unreachable]
            if not reachable:
                continue
            if resident.locale not in rendered:
                t = self.s.catalogs.get(resident.locale)
                rendered[resident.locale] = self.kinds.render(note.kind, t, note)
            tokenizer = Tokenizer(self.s.token_key, resident.id, now, days)
            screen = tokenizer.screen(rendered[resident.locale])
            tokens.extend(tokenizer.rows.values())
            # The kind and the ids it names ride along: the inbox collapses repeated kinds
            # and counts a notice opened there as read.
            payload = [{**screen_to_dict(strip_actions(screen)), **_about(note)}]
            key = key_of(resident)
            rows += [
                {
                    "dedupe_key": f"{key}:a{account.id}",
                    "complex_id": complex_id or resident.complex_id,
                    "resident_id": resident.id,
                    "account_id": account.id,
                    "channel": account.channel,
                    "address": account.address,
                    "mode": self.mode(account.channel),
                    "payload": payload,
                    "priority": 10 if urgent else 0,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                    "batch": batch,
                }
                for account in reachable
            ]
            waiting.update(
                bell_key(a.channel, a.external_id)
                for a in reachable
                if self.mode(a.channel) == INBOX
            )
        await self.uow.tokens.add_many(tokens)
        queued = await self.uow.outbox.add_many(rows)
        if queued and waiting:
            self.uow.after_commit(lambda: self.s.bell.ring(waiting))
        return queued


def _about(note: Notification) -> dict[str, Any]:
    refs: dict[str, int] = {}
    if dataclasses.is_dataclass(note):
        for field in dataclasses.fields(note):
            value = getattr(note, field.name)
            if field.name.endswith("_id") and isinstance(value, int):
                refs[field.name] = value
    return {"kind": note.kind, "refs": refs}


def payload_text(payload: list[dict]) -> str:
    """A queued message as plain text (KakaoTalk Event API, inbox notices)."""
    parts: list[str] = []
    for screen in payload:
        parts.extend(screen.get("notices", ()))
        parts.append(screen.get("text", ""))
    return "\n".join(p for p in parts if p)

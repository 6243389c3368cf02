"""The Notifier port on the unit of work: renders a notification in the recipient's language
and queues one outbox row per channel account of theirs, in the same transaction as its cause,
so a notification is sent if and only if the change committed.

알림톡 (AlimTalk, `[alimtalk]` enabled): a notification asked to go as an `alert` (a 긴급
notice, a vote reminder) also gets one row on channel "alimtalk" for each resident who gave
a mobile number for it (도움말 → 알림 받는 방법) — unless `only_without_push` and a push
channel (Telegram, KakaoTalk Event API) already reaches them. The row carries the template
and its parameters, never the number: the deliverer looks the number up when it sends, so a
number removed meanwhile is never used."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.engine.present import Tokenizer, strip_actions
from bot.engine.store import store_of
from bot.outbox.kinds import NotificationKinds
from bot.outbox.live import bell_key
from bot.screens import screen_to_dict
from core.notifications import Notification

PUSH, INBOX = "push", "inbox"
ALIMTALK = "alimtalk"
# Which configured template carries a kind (`[alimtalk] vote_template`); others: urgent.
ALIMTALK_TEMPLATES = {"vote.reminder": "vote"}
ALIMTALK_TITLE = 50  # characters of the first line (#{title})
ALIMTALK_PARAMS = 900  # #{title} + #{text}: the template's own words fit in 1,000 with them


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
        alert: bool = False,
    ) -> int:
        """Queue the notification for every reachable account of the resident; returns rows queued.

        `key` names the cause (e.g. "defect:12:status:3"); with the account it makes the
        dedupe key, so notifying twice for the same cause queues nothing more. `alert`: by
        알림톡 too, when the resident asked for it (see the module docstring).
        """
        resident = await self.uow.residents.get(resident_id)
        if resident is None:
            return 0
        accounts = await self.uow.accounts.for_resident(resident_id)
        accounts = [a for a in accounts if a.id != skip_account_id]
        return await self._queue(
            [(resident, accounts)], note, lambda _: key, urgent, batch, complex_id, alert
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
        alert: bool = False,
    ) -> int:
        """`notify` for many residents in a few statements (a broadcast chunk): the cause
        key of each is `{key}:r{resident_id}`; returns rows queued."""
        people = await self.uow.residents.many(resident_ids)
        accounts = await self.uow.accounts.for_residents([r.id for r in people])
        pairs = [(r, accounts.get(r.id, [])) for r in people]
        return await self._queue(
            pairs, note, lambda r: f"{key}:r{r.id}", urgent, batch, complex_id, alert
        )

    async def _by_alimtalk(self, note: Notification, alert: bool, pairs) -> set[int]:
        """The residents to reach by 알림톡 too (empty unless it is on and this is an alert)."""
        cfg = self.s.config.alimtalk
        if not (alert and cfg.enabled and self._template_code(note.kind)):
            return set()
        ids = [resident.id for resident, _ in pairs]
        chosen = await self.uow.alert_phones.having(ids)
        if cfg.only_without_push:
            pushed = {
                resident.id
                for resident, accounts in pairs
                if any(not a.unreachable and self.mode(a.channel) == PUSH for a in accounts)
            }
            chosen -= pushed
        return chosen

    def _template_code(self, kind: str) -> str:
        cfg = self.s.config.alimtalk
        template = ALIMTALK_TEMPLATES.get(kind, "urgent")
        return str(getattr(cfg, f"{template}_template"))

    async def _queue(self, pairs, note, key_of, urgent, batch, complex_id, alert=False) -> int:
        now = self.s.clock.now()
        days = self.s.config.dialogs.token_days
        rendered: dict[str, Any] = {}  # one rendering per language (and 쉬운 모드)
        labels: dict[str, str] = {}  # the kind's short digest label, per language
        tokens: list[dict] = []
        rows: list[dict] = []
        waiting: set[str] = set()  # inbox accounts whose open page is woken after the commit
        by_alimtalk = await self._by_alimtalk(note, alert, pairs)
        for resident, accounts in pairs:
            reachable = [a for a in accounts if not a.unreachable]
            if not reachable and resident.id not in by_alimtalk:
                continue
            voice = f"{resident.locale}:{'easy' if resident.easy_mode else ''}"  # 쉬운 모드
            if voice not in rendered:
                t = self.s.catalogs.get(resident.locale, resident.easy_mode)
                rendered[voice] = self.kinds.render(note.kind, t, note)
                label = self.kinds.label(note.kind)
                labels[voice] = t._(label) if label else ""
            if resident.id in by_alimtalk and accounts:
                rows.append(
                    self._alimtalk_row(resident, accounts[0], rendered[voice], note, now)
                    | {"dedupe_key": f"{key_of(resident)}:alimtalk:r{resident.id}", "batch": batch}
                    | {"complex_id": complex_id or resident.complex_id}
                )
            if not reachable:
                continue
            tokenizer = Tokenizer(self.s.token_key, resident.id, now, days)
            screen = tokenizer.screen(rendered[voice])
            tokens.extend(tokenizer.rows.values())
            # The kind and the ids it names ride along: the inbox collapses repeated kinds
            # and counts a notice opened there as read.
            about = _about(note, labels[voice])
            payload = [{**screen_to_dict(strip_actions(screen)), **about}]
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
        await store_of(self.uow).add_tokens(tokens)  # (plain SQL on the same transaction)
        queued = await self.uow.outbox.add_many(rows)
        if queued and waiting:
            self.uow.after_commit(lambda: self.s.bell.ring(waiting))
        return queued

    def _alimtalk_row(self, resident, account, screen, note: Notification, now) -> dict:
        """One 알림톡 row: the template and its parameters; no number (see the docstring).
        `account_id` names one of the resident's accounts only because every outbox row
        has one; the sender never marks it for an 알림톡 outcome."""
        return {
            "resident_id": resident.id,
            "account_id": account.id,
            "channel": ALIMTALK,
            "address": "",
            "mode": PUSH,
            "payload": [
                {
                    "text": screen.text,
                    "kind": note.kind,
                    "refs": _about(note)["refs"],
                    ALIMTALK: {
                        "template": self._template_code(note.kind),
                        "params": alimtalk_params(screen.text),
                    },
                }
            ],
            "priority": 10,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
        }


def alimtalk_params(text: str) -> dict[str, str]:
    """#{title}: the first line (≤ 50 characters); #{text}: the rest, shortened so both
    stay within `ALIMTALK_PARAMS` characters."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    title = _cut(lines[0] if lines else "", ALIMTALK_TITLE)
    body = _cut("\n".join(lines[1:]) or title, ALIMTALK_PARAMS - len(title))
    return {"title": title, "text": body}


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _about(note: Notification, label: str = "") -> dict[str, Any]:
    refs: dict[str, int] = {}
    if dataclasses.is_dataclass(note):
        for field in dataclasses.fields(note):
            value = getattr(note, field.name)
            if field.name.endswith("_id") and isinstance(value, int):
                refs[field.name] = value
    about: dict[str, Any] = {"kind": note.kind, "refs": refs}
    if label:  # how the inbox digest names several of this kind: "대화 종료 7건"
        about["label"] = label
    return about


def payload_text(payload: list[dict]) -> str:
    """A queued message as plain text (KakaoTalk Event API, inbox notices)."""
    parts: list[str] = []
    for screen in payload:
        parts.extend(screen.get("notices", ()))
        parts.append(screen.get("text", ""))
    return "\n".join(p for p in parts if p)

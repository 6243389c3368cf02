"""Delivering outbox rows by 알림톡 (AlimTalk) through a business-message dealer's REST API
(NHN Cloud style; `[alimtalk]` in bot.toml, off by default).

`POST {base_url}/alimtalk/v2.3/appkeys/{appkey}/messages` with header `X-Secret-Key` and
`{senderKey, templateCode, recipientList: [{recipientNo, templateParameter, resendParameter,
recipientGroupingKey}]}`, at most 1,000 recipients a call. The template (approved by Kakao
beforehand) has the placeholders `#{title}` and `#{text}`; the notifier chose the template
and filled both when it queued the row (together ≤ 900 characters, so the message stays within
1,000). The number is looked up here, when the row is sent, never stored in the row: a number
the resident removed meanwhile is never used (the row fails as "no number").

The dealer answers `{header: {isSuccessful, resultCode, resultMessage}, message: {requestId,
sendResults: [{recipientSeq, recipientNo, resultCode, resultMessage, recipientGroupingKey}]}}`;
each recipient's grouping key is its outbox row id, so results map back to rows without the
number. Outcomes:

- HTTP 429, 5xx, a timeout or a broken connection: retried with the sender's backoff;
- another 4xx, or a request refused as a whole (`isSuccessful: false`): failed;
- per recipient: 0 sent; -5000 (invalid number) blocked; any other code failed;
- a recipient missing from the answer: retried.
"""

from __future__ import annotations

import logging

import aiohttp

from bot.outbox.notifier import ALIMTALK
from bot.outbox.sender import LOST, Outcome, lease_lost

log = logging.getLogger("naechingu.alimtalk")
MAX_RECIPIENTS = 1000
INVALID_NUMBER = -5000
RESEND_TITLE = 20  # characters of an LMS title


class AlimTalkDeliverer:
    record_every: int | None = None  # one call carries up to 1,000 recipients: record per batch
    exclusive = False  # the dealer meters per account, far above our batches

    def __init__(
        self,
        services,
        http: aiohttp.ClientSession,
        *,
        base_url: str,
        appkey: str,
        secret_key: str,
        sender_key: str,
        sms_fallback: bool = False,
        batch: int = MAX_RECIPIENTS,
    ) -> None:
        self.s = services
        self.http = http
        self.url = f"{base_url.rstrip('/')}/alimtalk/v2.3/appkeys/{appkey}/messages"
        self.headers = {"X-Secret-Key": secret_key}
        self.sender_key = sender_key
        self.sms_fallback = sms_fallback
        self.batch = max(1, min(batch, MAX_RECIPIENTS))
        self.sent = 0

    async def deliver(self, rows: list[dict]) -> dict[int, Outcome]:
        outcomes: dict[int, Outcome] = {}
        async with self.s.uow() as uow:  # the numbers as they are now
            numbers = await uow.alert_phones.numbers(sorted({r["resident_id"] for r in rows}))
        groups: dict[str, list[tuple[dict, str]]] = {}
        for row in rows:
            number = numbers.get(row["resident_id"])
            template = _alimtalk(row).get("template", "")
            if lease_lost(row):
                outcomes[row["id"]] = LOST
            elif number is None:
                outcomes[row["id"]] = Outcome("failed", "no number")
            elif not template:
                outcomes[row["id"]] = Outcome("failed", "no template")
            else:
                groups.setdefault(template, []).append((row, number))
        for template, group in groups.items():
            for start in range(0, len(group), self.batch):
                outcomes.update(await self._send(template, group[start : start + self.batch]))
        return outcomes

    def _recipient(self, row: dict, number: str) -> dict:
        params = {k: str(v) for k, v in (_alimtalk(row).get("params") or {}).items()}
        resend: dict = {"isResend": self.sms_fallback}
        if self.sms_fallback:
            title = params.get("title", "")
            resend |= {
                "resendType": "LMS",
                "resendTitle": title[:RESEND_TITLE],
                "resendContent": "\n".join(p for p in (title, params.get("text", "")) if p)[:1000],
            }
        return {
            "recipientNo": number,
            "templateParameter": params,
            "resendParameter": resend,
            "recipientGroupingKey": str(row["id"]),
        }

    async def _send(self, template: str, group: list[tuple[dict, str]]) -> dict[int, Outcome]:
        rows = [row for row, _ in group]
        body = {
            "senderKey": self.sender_key,
            "templateCode": template,
            "recipientList": [self._recipient(row, number) for row, number in group],
        }
        try:
            async with self.http.post(self.url, json=body, headers=self.headers) as resp:
                status = resp.status
                wait = _seconds(resp.headers.get("Retry-After"))
                data = await resp.json(content_type=None) if status < 300 else {}
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            log.warning("alimtalk call failed: %s", type(exc).__name__)
            return {r["id"]: Outcome("retry", type(exc).__name__) for r in rows}
        if status == 429:
            return {r["id"]: Outcome("retry", "429", retry_in=wait or 30) for r in rows}
        if status >= 500:
            return {r["id"]: Outcome("retry", f"HTTP {status}") for r in rows}
        if status >= 300:
            return {r["id"]: Outcome("failed", f"HTTP {status}") for r in rows}
        header = (data or {}).get("header") or {}
        if not header.get("isSuccessful"):
            error = f"{header.get('resultCode', '')} {header.get('resultMessage', '')}".strip()
            log.warning("alimtalk request refused: %s", error[:100])
            return {r["id"]: Outcome("failed", error[:200] or "refused") for r in rows}
        results = ((data.get("message") or {}).get("sendResults")) or []
        # By the grouping key (the row id) we sent; a dealer that does not echo it: by order.
        by_key = {
            str(r["recipientGroupingKey"]): r for r in results if r.get("recipientGroupingKey")
        }
        by_seq = {r.get("recipientSeq"): r for r in results}
        outcomes: dict[int, Outcome] = {}
        for seq, row in enumerate(rows, start=1):
            result = by_key.get(str(row["id"])) if by_key else by_seq.get(seq)
            outcomes[row["id"]] = _outcome(result)
        self.sent += sum(1 for o in outcomes.values() if o.status == "sent")
        return outcomes


def _alimtalk(row: dict) -> dict:
    payload = row.get("payload") or [{}]
    return dict(payload[0].get(ALIMTALK) or {})


def _outcome(result: dict | None) -> Outcome:
    if result is None:
        return Outcome("retry", "no result")
    try:
        code = int(result.get("resultCode", -1))
    except (TypeError, ValueError):
        code = -1
    message = f"{code} {result.get('resultMessage', '')}".strip()[:200]
    if code == 0:
        return Outcome("sent")
    if code == INVALID_NUMBER:
        return Outcome("blocked", message)
    return Outcome("failed", message)


def _seconds(value: str | None) -> float:
    try:
        return max(float(value or 0), 0.0)
    except ValueError:
        return 0.0

"""The inbox: messages for channels the bot cannot push to (the web chat; KakaoTalk without
the Event API) wait as outbox rows and are handed over when the person is next there."""

from __future__ import annotations

from bot.outbox.notifier import payload_text
from bot.screens import Screen, screen_from_dict


def inbox_notices(t, rows: list[dict]) -> tuple[str, ...]:
    """ "새 알림 2건" first, then each message as a short bubble."""
    if not rows:
        return ()
    return (t._("새 알림 {n}건", n=len(rows)), *(payload_text(r["payload"]) for r in rows))


def make_fetch_inbox(services):
    async def fetch(channel: str, external_id: str) -> list[Screen]:
        async with services.uow() as uow:
            account = await uow.accounts.find(channel, external_id)
            if account is None:
                return []
            rows = await uow.outbox.take_inbox(account.id, services.clock.now())
            await uow.commit()
        return [screen_from_dict(s) for row in rows for s in row["payload"]]

    return fetch

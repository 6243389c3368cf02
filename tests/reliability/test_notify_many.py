"""A broadcast chunk notifies many residents in a few statements (`notify_many`): one row per
reachable account, nothing for unreachable accounts or unknown ids, the same rows as one
`notify` each would queue, and a repeat queues nothing more (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from core.notifications import Message
from tests.reliability.outbox_helpers import add_people, outbox_rows


async def _notify_many(services, ids: list[int]) -> int:
    async with services.uow() as uow:
        queued = await uow.notifier.notify_many(
            ids, Message("단수 안내"), key="notice:9", batch="notice:9"
        )
        await uow.commit()
    return queued


@pytest.mark.both_dbs
async def test_many_residents_get_one_row_per_account_once(services):
    people = await add_people(services, "telegram", list(range(20_001, 21_201)))  # 3 slices
    ids = sorted(people.values())
    async with services.uow() as uow:  # one of them blocked the bot
        account = await uow.accounts.find("telegram", "x20005")
        account.unreachable = True
        await uow.commit()

    assert await _notify_many(services, [*ids, 999_999]) == 1_199  # unknown id: nothing
    assert await _notify_many(services, ids) == 0  # a repeated chunk queues nothing
    rows = await outbox_rows(services, batch="notice:9")
    assert len(rows) == 1_199
    assert len({r["dedupe_key"] for r in rows}) == 1_199
    assert people["20005"] not in {r["resident_id"] for r in rows}
    first = next(r for r in rows if r["resident_id"] == ids[0])
    assert first["dedupe_key"].startswith(f"notice:9:r{ids[0]}:a")
    assert first["payload"][0]["text"] == "단수 안내"


@pytest.mark.both_dbs
async def test_households_to_residents_in_slices(services):
    async with services.uow() as uow:
        assert await uow.residents.ids_in_households(list(range(1, 1_300))) == []
        assert await uow.residents.many([]) == []
        assert await uow.accounts.for_residents([]) == {}

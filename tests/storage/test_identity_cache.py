"""The engine's identity rows kept between messages (storage/identity_cache.py), on SQLite and
PostgreSQL: a menu tap after a clean one takes them from the cache; a change made elsewhere (a
role granted or revoked, 쉬운 모드 switched at the desk, the household moved) is seen by the
very next message, because triggers bump the resident's identity version and the conversation
lock reads it; a step that opened a session or failed keeps nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from core.identity.model import RoleGrant
from tests.support.chat import Chat
from tests.support.drivers import answer_easy_offer

pytestmark = pytest.mark.both_dbs

NOW = datetime(2026, 12, 6, tzinfo=UTC)


async def _verified(engine, demo, user: str = "cached") -> Chat:
    chat = Chat(engine, user=user)
    await chat.say("안녕하세요")
    await chat.tap("초대코드 입력")
    await chat.say(demo["101-1203"])
    await answer_easy_offer(chat, False)
    return chat


async def _sql(services, sql: str, **params) -> None:
    """A change made outside this process's engine (another worker, the desk, a script)."""
    async with services.uow() as uow:
        await uow.session.execute(text(sql), params)
        await uow.commit()


async def _version(services, resident_id: int) -> int:
    async with services.uow() as uow:
        row = await uow.session.execute(
            text("SELECT identity_version FROM residents WHERE id = :i"), {"i": resident_id}
        )
        return int(row.scalar_one())


async def test_a_second_menu_tap_takes_the_identity_from_the_cache(engine, services, demo):
    chat = await _verified(engine, demo)
    cache = services.uow.identity_cache
    first = await chat.say("처음으로")
    hits = cache.hits
    again = await chat.say("처음으로")
    assert cache.hits == hits + 1
    assert again.screens[-1].text == first.screens[-1].text
    assert chat.labels == [b.label for b in first.screens[-1].buttons]


async def test_a_role_granted_or_revoked_elsewhere_shows_on_the_next_message(
    engine, services, demo
):
    chat = await _verified(engine, demo)
    await chat.say("처음으로")
    await chat.say("처음으로")  # (kept now)
    resident_id = chat.history[-1].resident_id
    assert "코디네이터" not in chat.labels
    async with services.uow() as uow:
        resident = await uow.residents.get(resident_id)
        await uow.roles.add(RoleGrant(resident_id, "coordinator", resident.complex_id, NOW))
        await uow.commit()
    await chat.say("처음으로")
    assert "코디네이터" in chat.labels
    await chat.say("처음으로")
    await _sql(
        services,
        "UPDATE role_grants SET revoked_at = :t WHERE resident_id = :i",
        t=NOW,
        i=resident_id,
    )
    await chat.say("처음으로")
    assert "코디네이터" not in chat.labels


async def test_easy_mode_switched_elsewhere_shows_on_the_next_message(engine, services, demo):
    chat = await _verified(engine, demo)
    await chat.say("처음으로")
    await chat.say("처음으로")
    assert "쉬운 모드 켜기" in chat.labels
    await _sql(
        services,
        "UPDATE residents SET easy_mode = :on WHERE id = :i",
        on=True,
        i=chat.history[-1].resident_id,
    )
    await chat.say("처음으로")
    assert "쉬운 모드 끄기" in chat.labels


async def test_every_identity_change_bumps_the_version(engine, services, demo):
    chat = await _verified(engine, demo)
    resident_id = chat.history[-1].resident_id
    async with services.uow() as uow:
        resident = await uow.residents.get(resident_id)
        household_id, complex_id = resident.household_id, resident.complex_id
    changes = [
        ("UPDATE residents SET locale = 'en' WHERE id = :i", {"i": resident_id}),
        (
            "UPDATE channel_accounts SET unreachable = :y WHERE resident_id = :i",
            {"y": True, "i": resident_id},
        ),
        ("UPDATE households SET kind = 'home' WHERE id = :h", {"h": household_id}),
        ("UPDATE complexes SET name = name WHERE id = :c", {"c": complex_id}),
        (
            "UPDATE role_grants SET revoked_at = :t WHERE resident_id = :i",
            {"t": NOW, "i": resident_id},
        ),
        ("DELETE FROM role_grants WHERE resident_id = :i", {"i": resident_id}),
        ("DELETE FROM channel_accounts WHERE resident_id = :i", {"i": resident_id}),
    ]
    for sql, params in changes:
        before = await _version(services, resident_id)
        await _sql(services, sql, **params)
        assert await _version(services, resident_id) > before, sql
    before = await _version(services, resident_id)
    async with services.uow() as uow:
        await uow.roles.add(RoleGrant(resident_id, "coordinator", complex_id, NOW))
        await uow.commit()
    assert await _version(services, resident_id) == before + 1  # (once, not twice)


async def test_a_step_that_changed_the_person_or_failed_keeps_nothing(
    engine, services, demo, monkeypatch
):
    chat = await _verified(engine, demo)
    cache = services.uow.identity_cache
    await chat.say("처음으로")
    assert ("web", "cached") in cache._rows
    await chat.tap("쉬운 모드 켜기")  # (its session wrote the resident)
    assert ("web", "cached") not in cache._rows
    await chat.say("처음으로")
    assert ("web", "cached") in cache._rows

    from storage.repositories.lean import SqlEngineStore

    async def crash(self, state, now, touch_after):
        raise RuntimeError("the process died before COMMIT")

    monkeypatch.setattr(SqlEngineStore, "save_conversation", crash)
    failed = await chat.tap("도움말")
    assert "잠시 문제가 생겼어요" in failed.screens[0].text
    assert ("web", "cached") not in cache._rows


async def test_a_cache_of_no_entries_keeps_nothing(engine, services, demo):
    services.uow.identity_cache._size = 0  # (database.identity_cache = 0)
    chat = await _verified(engine, demo)
    await chat.say("처음으로")
    await chat.say("처음으로")
    assert len(services.uow.identity_cache) == 0
    assert services.uow.identity_cache.hits == 0

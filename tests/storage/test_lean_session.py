"""The engine's unit of work (storage/lean_uow.py): its transaction begins on the driver and
its ORM session opens only when something needs it, on the same transaction. On SQLite and
PostgreSQL: a menu tap opens no session; a change to the loaded resident is written though
no session was open; a failed savepoint leaves nothing of what a session opened inside it
wrote, and gives the loaded objects back their values; a crash before COMMIT leaves nothing
of a handler's ORM writes; a commit with a session open writes the engine's state and the
handler's rows together."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from core.errors import DomainError
from core.identity.model import Complex
from storage import tables
from storage.lean_uow import LeanUnitOfWork
from tests.support.chat import Chat
from tests.support.drivers import answer_easy_offer

pytestmark = pytest.mark.both_dbs


@pytest.fixture
def opened(monkeypatch):
    """How many sessions the engine's units of work opened."""
    count = [0]
    real = LeanUnitOfWork.session

    def counting(self):
        if self._session is None:
            count[0] += 1
        return real.fget(self)

    monkeypatch.setattr(LeanUnitOfWork, "session", property(counting))
    return count


async def _resident(services, resident_id: int):
    async with services.uow() as uow:
        row = await uow.session.execute(
            select(tables.residents.c.easy_mode).where(tables.residents.c.id == resident_id)
        )
        return row.one()


async def _verified(engine, demo) -> Chat:
    chat = Chat(engine, user="lean")
    await chat.say("안녕하세요")
    await chat.tap("초대코드 입력")
    await chat.say(demo["101-1203"])
    await answer_easy_offer(chat, False)
    return chat


async def test_a_menu_tap_opens_no_session(engine, opened):
    chat = Chat(engine, user="lean")
    await chat.say("안녕하세요")
    before = opened[0]
    reply = await chat.say("도움말")
    assert "[도움말]" in reply.screens[-1].text
    await chat.say("처음으로")
    assert opened[0] == before


async def _all_labels(chat) -> list[str]:
    """Every button of the screen, paging with 더보기."""
    labels = list(chat.labels)
    while "더보기" in chat.labels:
        await chat.tap("더보기")
        labels += chat.labels
    return labels


async def test_the_complex_menu_asks_for_open_surveys_without_a_session(
    engine, services, demo, opened
):
    chat = await _verified(engine, demo)
    await chat.tap("우리단지")
    assert "설문조사" not in await _all_labels(chat)
    async with services.uow() as uow:  # a survey opens
        now = services.clock.now()
        await uow.session.execute(
            tables.surveys.insert().values(
                complex_id=1,
                author_id=1,
                title="공동체실",
                questions=[],
                anonymous=False,
                created_at=now,
                closes_at=now.replace(year=now.year + 1),
                status="open",
            )
        )
        await uow.commit()
    await chat.tap("처음으로")
    before = opened[0]
    await chat.tap("우리단지")
    assert "설문조사" in await _all_labels(chat)  # found by a plain read on the driver
    assert opened[0] == before


async def test_a_change_to_the_loaded_resident_is_written_without_a_session(
    engine, services, demo
):
    chat = await _verified(engine, demo)
    reply = await chat.tap("쉬운 모드 켜기")
    assert "쉬운 모드를 켰어요" in "\n".join(n for s in reply.screens for n in s.notices)
    assert (await _resident(services, reply.resident_id)).easy_mode is True


async def test_a_failed_savepoint_leaves_nothing_of_a_session_opened_inside(engine, services):
    chat = Chat(engine, user="lean")
    first = await chat.say("안녕하세요")
    async with services.uow.lean() as uow:
        known = await uow.engine_store.identity("web", "lean")
        assert known is not None
        _account, resident, _grants = known
        with pytest.raises(DomainError):
            async with uow.savepoint():
                resident.locale = "vi"
                await uow.complexes.add(Complex(code="LEAN1", name="사라질 단지"))
                raise DomainError("test.refused")
        assert resident.locale != "vi"  # the value it had at the savepoint
        await uow.complexes.add(Complex(code="LEAN2", name="남는 단지"))
        await uow.commit()
    async with services.uow() as uow:
        codes = (await uow.session.execute(select(tables.complexes.c.code))).scalars().all()
        locale = await uow.session.execute(
            text("SELECT locale FROM residents WHERE id = :i"), {"i": first.resident_id}
        )
        assert locale.scalar() != "vi"
    assert "LEAN2" in codes and "LEAN1" not in codes


async def test_a_crash_before_commit_leaves_nothing_of_the_handlers_writes(
    engine, services, demo, monkeypatch
):
    chat = await _verified(engine, demo)

    from storage.repositories.lean import SqlEngineStore

    async def crash(self, state, now, touch_after):
        raise RuntimeError("the process died before COMMIT")

    monkeypatch.setattr(SqlEngineStore, "save_conversation", crash)
    failed = await chat.tap("쉬운 모드 켜기")
    assert "잠시 문제가 생겼어요" in failed.screens[0].text
    monkeypatch.undo()
    assert (await _resident(services, chat.history[0].resident_id)).easy_mode is False


async def test_a_kept_connection_that_broke_is_dropped_and_the_step_goes_on(engine, services):
    chat = Chat(engine, user="lean")
    await chat.say("안녕하세요")
    await chat.say("도움말")
    kept = list(services.uow._kept)
    assert kept  # checked out between steps: no pool round trip, no pre-ping
    for fairy in kept:  # as after a database restart
        driver = fairy.driver_connection
        if services.config.database.url.startswith("sqlite"):
            driver._conn.close()
        else:
            await driver.close()
    reply = await chat.say("처음으로")
    assert "잠시 문제가 생겼어요" not in reply.screens[0].text
    assert all(f not in services.uow._kept for f in kept)


async def test_steps_take_their_turn_for_a_connection_in_arrival_order(services):
    """PostgreSQL: at most the pool's size of the engine's units of work hold a connection;
    the rest are given their turn first come first served (none overtakes from a kept
    connection). The turns are recorded as they are granted: the steps holding one at once
    may finish their BEGIN in either order."""
    import asyncio

    if services.config.database.url.startswith("sqlite"):
        pytest.skip("SQLite serialises the engine's units of work with its own lock")
    granted: list[str] = []

    class Turns(asyncio.Semaphore):
        async def acquire(self) -> bool:
            await super().acquire()
            granted.append(asyncio.current_task().get_name())
            return True

    services.uow._turns = Turns(2)
    inside, most = [0], [0]

    async def step(n: int) -> None:
        async with services.uow.lean() as uow:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            await uow.engine_store.claim_delivery(f"turn:{n}", services.clock.now())
            await asyncio.sleep(0.02)
            inside[0] -= 1
            await uow.commit()

    tasks = []
    for n in range(8):
        tasks.append(asyncio.create_task(step(n), name=f"step {n}"))
        await asyncio.sleep(0)  # (arrival order: 0, 1, 2, …)
    await asyncio.gather(*tasks)
    assert most[0] == 2
    assert granted == [f"step {n}" for n in range(8)]

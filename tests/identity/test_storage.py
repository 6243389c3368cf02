"""The identity repositories and the unit of work on a real database, SQLite and PostgreSQL:
values round-trip, unique keys hold, and concurrent transactions cannot overspend an invite
or interleave two messages of the same resident."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from bot.screens import Channel, Inbound
from core.errors import ConcurrencyConflict, DomainError
from core.identity.admin import add_complex, issue_invite
from core.identity.model import ChannelAccount, InviteCode, Resident, RoleGrant
from core.identity.onboarding import Verified, get_or_register_account, redeem_invite
from storage import tables
from tests.support.chat import Chat

pytestmark = pytest.mark.both_dbs
KST = timezone(timedelta(hours=9))


async def seed_invite(services, *, uses: int = 4):
    async with services.uow() as uow:
        await add_complex(uow, "TEST1", "테스트")
        issued = await issue_invite(
            uow,
            services.clock,
            services.invite_key,
            complex_code="TEST1",
            building="101",
            unit="1203",
            uses=uses,
        )
        await uow.commit()
    return issued


async def test_rows_round_trip_with_aware_utc_datetimes(services):
    created = datetime(2026, 11, 25, 10, 30, 15, 123456, tzinfo=KST)
    issued = await seed_invite(services)
    async with services.uow() as uow:
        resident = await uow.residents.add(Resident(created_at=created, locale="en"))
        await uow.accounts.add(
            ChannelAccount("telegram", "42", resident.id, created, address="chat-42")
        )
        await uow.roles.add(RoleGrant(resident.id, "resident", issued.complex.id, created))
        await uow.commit()
        ids = resident.id, issued.invite.id
    async with services.uow() as uow:  # a fresh session: read from the database, not memory
        resident = await uow.residents.get(ids[0])
        account = await uow.accounts.find("telegram", "42")
        (grant,) = await uow.roles.for_resident(resident.id)
        invite = await uow.invites.get(ids[1])
        for when in (resident.created_at, account.created_at, grant.granted_at):
            assert when == created and when.utcoffset() == timedelta(0)
        assert (resident.locale, resident.verified, account.address) == ("en", False, "chat-42")
        assert invite.expires_at == services.clock.now() + timedelta(days=30)
        assert invite.expires_at.utcoffset() == timedelta(0) and invite.revoked_at is None
        assert (invite.uses, invite.max_uses, invite.role) == (0, 4, "resident")
        assert [a.id for a in await uow.accounts.for_resident(resident.id)] == [account.id]


async def test_lookups_find_by_code_address_and_hash(services):
    issued = await seed_invite(services)
    async with services.uow() as uow:
        assert (await uow.complexes.by_code("TEST1")).name == "테스트"
        assert await uow.complexes.by_code("NOPE") is None
        found = await uow.households.find(issued.complex.id, "101", "1203")
        assert found.id == issued.household.id
        assert await uow.households.find(issued.complex.id, "101", "1204") is None
        assert (await uow.invites.by_hash(issued.invite.code_hash)).id == issued.invite.id
        assert await uow.invites.by_hash("0" * 64) is None


async def test_a_channel_account_is_unique_per_channel_and_external_id(services, clock):
    async with services.uow() as uow:
        await get_or_register_account(uow, clock, "telegram", "42")
        await get_or_register_account(uow, clock, "web", "42")  # another channel: fine
        await uow.commit()
    with pytest.raises(ConcurrencyConflict):
        async with services.uow() as uow:
            other = await uow.residents.add(Resident(created_at=clock.now()))
            await uow.accounts.add(ChannelAccount("telegram", "42", other.id, clock.now()))
    async with services.uow() as uow:  # the failed transaction left nothing behind
        count = select(func.count()).select_from(tables.residents)
        assert await uow.session.scalar(count) == 2


async def test_try_use_counts_uses_until_none_are_left(services):
    issued = await seed_invite(services, uses=2)
    async with services.uow() as uow:
        assert [await uow.invites.try_use(issued.invite.id) for _ in range(3)] == [
            True,
            True,
            False,
        ]
        await uow.commit()
    async with services.uow() as uow:
        assert (await uow.invites.get(issued.invite.id)).uses == 2


async def test_rate_events_are_counted_per_subject_kind_and_window(services, clock):
    now = clock.now()
    async with services.uow() as uow:
        for minutes in (0, 5, 11):
            await uow.rate_events.add(
                "resident:1", "invite.wrong", now - timedelta(minutes=minutes)
            )
        await uow.rate_events.add("resident:2", "invite.wrong", now)
        await uow.rate_events.add("resident:1", "other", now)
        await uow.commit()
    async with services.uow() as uow:
        since = now - timedelta(minutes=10)
        assert await uow.rate_events.count("resident:1", "invite.wrong", since) == 2


async def test_ten_people_racing_for_an_invite_with_three_uses_let_exactly_three_in(services):
    issued = await seed_invite(services, uses=3)
    outcomes: list[str] = []

    async def one_person(n: int) -> None:
        for _attempt in range(20):
            try:
                async with services.uow() as uow:
                    account = await get_or_register_account(
                        uow, services.clock, "web", f"racer-{n}"
                    )
                    resident = await uow.residents.get(account.resident_id)
                    result = await redeem_invite(
                        uow, services.clock, services.invite_key, resident, issued.code
                    )
                    await uow.commit()
                outcomes.append("in" if isinstance(result, Verified) else "wrong")
                return
            except DomainError as exc:
                outcomes.append(exc.code)
                return
            except ConcurrencyConflict:
                await asyncio.sleep(0.01 * (n + 1))
        outcomes.append("gave up")

    await asyncio.gather(*(one_person(n) for n in range(10)))
    assert sorted(outcomes) == ["in"] * 3 + ["invite.used_up"] * 7
    async with services.uow() as uow:
        invite = await uow.session.get(InviteCode, issued.invite.id)
        assert invite.uses == 3
        assert await uow.residents.count_verified(issued.complex.id) == 3
        assert await uow.residents.count_in_household(issued.household.id) == 3
        grants = select(func.count()).select_from(tables.role_grants)
        assert await uow.session.scalar(grants) == 3


async def conversation_version(services, resident_id: int) -> int:
    async with services.uow() as uow:
        c = tables.conversations.c
        return await uow.session.scalar(select(c.version).where(c.resident_id == resident_id))


def is_a_real_reply(reply) -> bool:
    text = "\n".join(s.text for s in reply.screens)
    return bool(reply.screens) and "잠시 문제가 생겼어요" not in text and not reply.duplicate


async def test_two_messages_of_one_resident_at_once_are_applied_one_after_the_other(engine):
    chat = Chat(engine, user="kim")
    await chat.say("안녕하세요")
    resident_id = chat.reply.resident_id
    before = await conversation_version(engine.s, resident_id)
    replies = await asyncio.gather(
        *(
            engine.handle(Inbound(channel=Channel.WEB, user_id="kim", text=text, delivery_key=k))
            for text, k in (("도움말", "race:1"), ("처음으로", "race:2"))
        )
    )
    assert all(is_a_real_reply(r) for r in replies)
    assert {r.resident_id for r in replies} == {resident_id}
    assert await conversation_version(engine.s, resident_id) == before + 2


async def test_the_first_two_messages_of_a_new_person_at_once_make_one_resident(engine):
    replies = await asyncio.gather(
        *(
            engine.handle(Inbound(channel=Channel.WEB, user_id="new", text="안녕", delivery_key=k))
            for k in ("first:1", "first:2")
        )
    )
    assert all(is_a_real_reply(r) for r in replies)
    (resident_id,) = {r.resident_id for r in replies}
    assert await conversation_version(engine.s, resident_id) == 2

"""`python -m bot operator add`: an operator (a resident with an operator grant over every
complex) and a one-time desk login code: keyed hash, 5 minutes, single use."""

from __future__ import annotations

import re
import sqlite3

import pytest

from bot.cli.households import operator_add
from core.errors import DomainError, Forbidden
from core.identity.desk_login import add_operator, issue_desk_code, redeem_desk_code
from core.identity.invites import ALPHABET
from core.identity.model import Membership, Role

CODE = re.compile(rf"([{ALPHABET}]{{5}}-[{ALPHABET}]{{5}})$")


async def test_operator_add_prints_a_login_code(config, capsys):
    assert await operator_add(config, " 김운영 ") == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0] == "operator #1 created: 김운영 (all complexes)"
    code = CODE.search(out[1]).group(1).replace("-", "")
    with sqlite3.connect(config.database.url.split("///", 1)[1]) as conn:
        assert conn.execute("select role, complex_id from role_grants").fetchall() == [
            ("operator", None)
        ]
        assert conn.execute("select name from operators").fetchall() == [("김운영",)]
        (stored,) = conn.execute("select code_hash from desk_login_codes").fetchone()
    assert len(stored) == 64 and code not in stored


async def test_a_bad_name_is_refused(config, capsys):
    assert await operator_add(config, "  ") == 1
    assert capsys.readouterr().err.strip().endswith("[operator.bad_name]")


async def test_a_login_code_works_once_within_five_minutes(services, clock):
    key = services.invite_key
    async with services.uow() as uow:
        resident, issued = await add_operator(uow, clock, key, "김운영")
        second = await issue_desk_code(
            uow,
            clock,
            key,
            Membership(resident.id, None, None, frozenset({("operator", None)})),
            None,
        )
        await uow.commit()
    async with services.uow() as uow:
        login, member = await redeem_desk_code(uow, clock, key, issued.display.lower())
        await uow.commit()
    assert login.resident_id == resident.id and login.complex_id is None
    assert member.has(Role.OPERATOR) and member.has(Role.OPERATOR, 12345)
    async with services.uow() as uow:
        with pytest.raises(DomainError) as used:
            await redeem_desk_code(uow, clock, key, issued.code)
    assert used.value.code == "desk.code_used"
    clock.advance(minutes=5)
    async with services.uow() as uow:
        with pytest.raises(DomainError) as expired:
            await redeem_desk_code(uow, clock, key, second.code)
        with pytest.raises(DomainError) as wrong:
            await redeem_desk_code(uow, clock, key, "nonsense")
    assert (expired.value.code, wrong.value.code) == ("desk.code_expired", "desk.code_wrong")


async def test_a_coordinator_gets_a_code_for_their_own_complex_only(services, clock):
    coordinator = Membership(7, 1, 1, frozenset({(Role.COORDINATOR, 1)}))
    async with services.uow() as uow:
        from core.identity.admin import add_complex
        from core.identity.model import Resident

        await add_complex(uow, "AA", "햇살마을")
        await uow.residents.add(Resident(created_at=clock.now(), id=7))
        issued = await issue_desk_code(uow, clock, services.invite_key, coordinator, 1)
        assert issued.login.complex_id == 1
        with pytest.raises(Forbidden):
            await issue_desk_code(uow, clock, services.invite_key, coordinator, 2)
        resident = Membership(7, 1, 1, frozenset({(Role.RESIDENT, 1)}))
        with pytest.raises(Forbidden):
            await issue_desk_code(uow, clock, services.invite_key, resident, 1)

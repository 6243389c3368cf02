"""Desk fixtures: two complexes (AA with its coordinator, BB with its own), an operator, the
real HTTP app in a test client, and signing in the way a browser does (the login form's
token, then the session cookie; every later form carries the CSRF token of its page)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_engine
from bot.server import build_http_app
from core.identity.admin import add_complex
from core.identity.desk_login import add_operator, issue_desk_code, membership_of
from core.identity.model import Household, Membership, Resident, Role, RoleGrant

CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')
PRE = re.compile(r'name="pre" value="([^"]+)"')


@dataclass
class People:
    aa: Membership  # coordinator of AA (lives in AA 101동 101호)
    bb: Membership  # coordinator of BB
    operator: Membership
    aa_id: int
    bb_id: int


async def coordinator(uow, clock, complex_id: int, building: str, unit: str) -> Membership:
    now = clock.now()
    home = await uow.households.add(Household(complex_id=complex_id, building=building, unit=unit))
    resident = await uow.residents.add(
        Resident(created_at=now, household_id=home.id, complex_id=complex_id)
    )
    await uow.roles.add(
        RoleGrant(
            resident_id=resident.id,
            role=str(Role.COORDINATOR),
            complex_id=complex_id,
            granted_at=now,
        )
    )
    return await membership_of(uow, resident)


@pytest.fixture
async def people(services, clock) -> People:
    async with services.uow() as uow:
        aa = await add_complex(uow, "AA", "햇살마을")
        bb = await add_complex(uow, "BB", "달빛마을")
        coord_aa = await coordinator(uow, clock, aa.id, "101", "101")
        coord_bb = await coordinator(uow, clock, bb.id, "201", "101")
        op, _code = await add_operator(uow, clock, services.invite_key, "김운영")
        operator = await membership_of(uow, op)
        await uow.commit()
    return People(coord_aa, coord_bb, operator, aa.id, bb.id)


@pytest.fixture
async def client(services):
    client = TestClient(TestServer(build_http_app(services, build_engine(services))))
    await client.start_server()
    yield client
    await client.close()


async def desk_code(services, clock, member: Membership, complex_id: int | None) -> str:
    async with services.uow() as uow:
        issued = await issue_desk_code(uow, clock, services.invite_key, member, complex_id)
        await uow.commit()
    return issued.display


async def sign_in(client: TestClient, code: str):
    """The login form, then its POST; the response of the POST (redirects not followed)."""
    page = await client.get("/desk/login")
    pre = PRE.search(await page.text()).group(1)
    return await client.post("/desk/login", data={"pre": pre, "code": code}, allow_redirects=False)


async def signed_in(client, services, clock, member: Membership, complex_id: int | None):
    response = await sign_in(client, await desk_code(services, clock, member, complex_id))
    assert response.status == 303, await response.text()
    return response


async def csrf(client: TestClient, path: str) -> str:
    page = await client.get(path)
    assert page.status == 200, await page.text()
    return CSRF.search(await page.text()).group(1)


@pytest.fixture
async def office(client, services, clock) -> Membership:
    """The demo complex with every sample (the desk's included) and its office coordinator."""
    from bot.demo.seed import seed_demo

    await seed_demo(services)
    async with services.uow() as uow:
        account = await uow.accounts.find("web", "demo-sample-관리동-100")
        resident = await uow.residents.get(account.resident_id)
        return await membership_of(uow, resident)

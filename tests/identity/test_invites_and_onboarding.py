"""Invite codes, onboarding and the operator's use cases, as pure rules of core/: no database,
only the in-memory fakes of tests/core/fakes.py and a frozen clock."""

from __future__ import annotations

import math
import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import ports
from core.errors import DomainError, Forbidden, InvalidInput, NotFound, TooManyAttempts
from core.identity.admin import add_complex, issue_invite
from core.identity.invites import ALPHABET, CODE_LENGTH, display_code, hash_code, new_code
from core.identity.invites import normalize_code as normalize
from core.identity.model import Membership, Role
from core.identity.onboarding import Verified, WrongCode, membership_of, redeem_invite
from core.identity.onboarding import get_or_register_account as register
from tests.fakes.uow import FakeUnitOfWork

KEY = b"test-invite-key"
A_WRONG_CODE = "ZZZZZ-ZZZZZ"


@pytest.fixture
async def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    await add_complex(uow, "DEMO", "데모아파트")
    return uow


async def issue(uow, clock, building="101", unit="1203", **kw):
    return await issue_invite(
        uow, clock, KEY, complex_code="DEMO", building=building, unit=unit, **kw
    )


async def person(uow, clock, name="kim"):
    account = await register(uow, clock, "web", name)
    return await uow.residents.get(account.resident_id)


async def redeem(uow, clock, resident, code):
    return await redeem_invite(uow, clock, KEY, resident, code)


def test_the_fakes_offer_every_method_of_the_ports():
    uow = FakeUnitOfWork()
    for name, port in typing.get_type_hints(ports.UnitOfWork).items():
        methods = [m for m, v in vars(port).items() if callable(v) and not m.startswith("_")]
        assert methods, name
        for method in methods:
            assert callable(getattr(getattr(uow, name), method, None)), f"{name}.{method}"


def test_codes_avoid_look_alike_characters_and_carry_at_least_40_bits():
    assert not set("0O1I") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET)
    assert CODE_LENGTH * math.log2(len(ALPHABET)) >= 40
    for _ in range(200):
        code = new_code()
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    assert display_code("K7XMP4QRTW") == "K7XMP-4QRTW"


@given(
    code=st.text(alphabet=ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH),
    sep=st.sampled_from(["", " ", "-", "  ", "\t"]),
)
def test_typing_a_code_ignores_case_spaces_and_hyphens(code, sep):
    assert normalize(code) == code
    assert normalize(display_code(code).lower()) == code
    assert normalize(f" {sep.join(code.lower())} ") == code


@pytest.mark.parametrize(
    "text", ["", "ABCDE", "K7XMP-4QRTWX", "K0XMP-4QRTW", "K7XMP-4QRTI", "안녕하세요 반가워요"]
)
def test_text_that_cannot_be_a_code_does_not_normalise(text):
    assert normalize(text) is None


async def test_only_a_keyed_hash_of_the_code_is_stored(uow, clock):
    issued = await issue(uow, clock)
    (stored,) = uow.invites.rows.values()
    assert stored.code_hash == hash_code(KEY, issued.code) != hash_code(b"other", issued.code)
    assert all(issued.code not in str(value) for value in vars(stored).values())
    assert normalize(issued.display) == issued.code


async def test_a_wrong_code_is_recorded_and_tells_the_tries_left(uow, clock):
    await issue(uow, clock)
    kim = await person(uow, clock)
    assert await redeem(uow, clock, kim, A_WRONG_CODE) == WrongCode(left=4)
    assert await redeem(uow, clock, kim, A_WRONG_CODE) == WrongCode(left=3)
    assert len(uow.rate_events.events) == 2
    assert not kim.verified


async def test_five_wrong_codes_in_ten_minutes_block_that_person_even_the_right_code(uow, clock):
    issued = await issue(uow, clock)
    kim, lee = await person(uow, clock, "kim"), await person(uow, clock, "lee")
    for left in (4, 3, 2, 1, 0):
        assert await redeem(uow, clock, kim, A_WRONG_CODE) == WrongCode(left=left)
        clock.advance(minutes=1)
    with pytest.raises(TooManyAttempts) as refused:
        await redeem(uow, clock, kim, issued.code)
    assert refused.value.params == {"retry_minutes": 10}
    assert not kim.verified
    assert isinstance(await redeem(uow, clock, lee, issued.code), Verified)  # only kim waits


async def test_the_block_lifts_once_the_wrong_codes_are_ten_minutes_old(uow, clock):
    issued = await issue(uow, clock)
    kim = await person(uow, clock)
    for _ in range(5):
        await redeem(uow, clock, kim, A_WRONG_CODE)
    clock.advance(minutes=9, seconds=59)
    with pytest.raises(TooManyAttempts):
        await redeem(uow, clock, kim, issued.code)
    clock.advance(seconds=2)
    assert isinstance(await redeem(uow, clock, kim, issued.code), Verified)


async def test_text_that_cannot_be_a_code_is_refused_and_not_counted(uow, clock):
    issued = await issue(uow, clock)
    kim = await person(uow, clock)
    for _ in range(10):
        with pytest.raises(DomainError) as refused:
            await redeem(uow, clock, kim, "1203호예요")
        assert refused.value.code == "invite.malformed"
    assert uow.rate_events.events == []
    assert isinstance(await redeem(uow, clock, kim, issued.code), Verified)


@pytest.mark.parametrize("how", ["expire", "revoke"])
async def test_an_expired_or_revoked_invite_is_refused_and_changes_nothing(uow, clock, how):
    issued = await issue(uow, clock, days=1)
    kim = await person(uow, clock)
    if how == "expire":
        clock.advance(days=1)
    else:
        issued.invite.revoked_at = clock.now()
    with pytest.raises(DomainError) as refused:
        await redeem(uow, clock, kim, issued.code)
    assert refused.value.code == "invite.expired"
    assert issued.invite.uses == 0 and uow.roles.rows == {} and not kim.verified


async def test_an_invite_with_no_uses_left_is_refused(uow, clock):
    issued = await issue(uow, clock, uses=1)
    kim = await person(uow, clock, "kim")
    assert isinstance(await redeem(uow, clock, kim, issued.code), Verified)
    lee = await person(uow, clock, "lee")
    with pytest.raises(DomainError) as refused:
        await redeem(uow, clock, lee, issued.code)
    assert refused.value.code == "invite.used_up"
    assert not lee.verified and await uow.roles.for_resident(lee.id) == []


async def test_redeeming_the_same_code_twice_uses_it_once(uow, clock):
    issued = await issue(uow, clock, uses=2)
    kim = await person(uow, clock)
    first = await redeem(uow, clock, kim, issued.code)
    again = await redeem(uow, clock, kim, issued.display.lower())
    assert isinstance(first, Verified) and isinstance(again, Verified)
    assert issued.invite.uses == 1 and len(await uow.roles.for_resident(kim.id)) == 1


async def test_a_resident_of_one_household_cannot_join_another(uow, clock):
    mine, theirs = await issue(uow, clock), await issue(uow, clock, "102", "304")
    kim = await person(uow, clock)
    await redeem(uow, clock, kim, mine.code)
    with pytest.raises(DomainError) as refused:
        await redeem(uow, clock, kim, theirs.code)
    assert refused.value.code == "invite.other_household"
    assert kim.household_id == mine.household.id and theirs.invite.uses == 0


async def test_a_coordinator_code_grants_the_coordinator_role_for_that_complex_only(uow, clock):
    other = await add_complex(uow, "OTHER", "다른아파트")
    issued = await issue(uow, clock, "관리동", "사무소", role=Role.COORDINATOR)
    kim, lee = await person(uow, clock, "kim"), await person(uow, clock, "lee")
    result = await redeem(uow, clock, kim, issued.code)
    assert result.role == Role.COORDINATOR and result.complex.code == "DEMO"
    membership = await membership_of(uow, kim)
    assert membership.is_coordinator and membership.has(Role.COORDINATOR, issued.complex.id)
    assert not membership.has(Role.COORDINATOR, other.id)
    await redeem(uow, clock, lee, (await issue(uow, clock)).code)  # a resident code: no role
    assert not (await membership_of(uow, lee)).is_coordinator


def coordinator_of(complex_id: int) -> Membership:
    return Membership(99, complex_id, 1, frozenset({(str(Role.COORDINATOR), complex_id)}))


async def test_a_coordinator_of_another_complex_may_not_issue_codes(uow, clock):
    other = await add_complex(uow, "OTHER", "다른아파트")
    with pytest.raises(Forbidden):
        await issue(uow, clock, actor=coordinator_of(other.id))
    with pytest.raises(Forbidden):  # a plain resident of the complex neither
        await issue(uow, clock, actor=Membership(98, 1, 1, frozenset({("resident", 1)})))
    assert uow.invites.rows == {}


async def test_a_coordinator_issues_resident_codes_but_not_coordinator_codes(uow, clock):
    demo = await uow.complexes.by_code("DEMO")
    issued = await issue(uow, clock, actor=coordinator_of(demo.id))
    assert issued.invite.role == Role.RESIDENT
    with pytest.raises(Forbidden):
        await issue(uow, clock, role=Role.COORDINATOR, actor=coordinator_of(demo.id))


@pytest.mark.parametrize(
    ("building", "unit"),
    [("", "1203"), ("101", ""), ("101-A", "1"), ("12345678901", "1"), ("101", "12 03")],
)
async def test_building_and_unit_must_be_short_letters_or_digits(uow, clock, building, unit):
    with pytest.raises(InvalidInput) as refused:
        await issue(uow, clock, building, unit)
    assert refused.value.code == "household.bad_address"
    assert uow.households.rows == {}


async def test_the_suffixes_dong_and_ho_are_dropped_and_households_are_reused(uow, clock):
    first = await issue(uow, clock, " 101동 ", "1203호")
    second = await issue(uow, clock, "101", "1203")
    assert (first.household.building, first.household.unit) == ("101", "1203")
    assert first.household is second.household and len(uow.households.rows) == 1


@pytest.mark.parametrize(
    ("kw", "code"),
    [({"uses": 0}, "bad_limits"), ({"uses": 21}, "bad_limits"), ({"days": 0}, "bad_limits")]
    + [({"days": 366}, "bad_limits"), ({"role": Role.OPERATOR}, "bad_role")],
)
async def test_invite_limits_and_roles_are_checked(uow, clock, kw, code):
    with pytest.raises(InvalidInput, match=code):
        await issue(uow, clock, **kw)


async def test_an_invite_for_an_unknown_complex_is_not_found(uow, clock):
    with pytest.raises(NotFound, match="complex.not_found"):
        await issue_invite(uow, clock, KEY, complex_code="NOPE", building="1", unit="1")


async def test_a_complex_has_a_name_and_a_unique_code_of_capital_letters_or_digits(uow):
    for code in ("A", "A" * 21, "BAD-CODE", "가나다", ""):
        with pytest.raises(InvalidInput, match="complex.bad_code"):
            await add_complex(uow, code, "아파트")
    created = await add_complex(uow, " new1 ", " 새아파트 ")
    assert (created.code, created.name) == ("NEW1", "새아파트")
    for name in ("", " ", "가" * 51):
        with pytest.raises(InvalidInput, match="complex.bad_name"):
            await add_complex(uow, "NEW2", name)
    with pytest.raises(DomainError) as refused:
        await add_complex(uow, "demo", "또 데모")
    assert (refused.value.code, refused.value.params) == ("complex.exists", {"code": "DEMO"})


async def test_a_first_message_makes_an_unverified_resident_known_once(uow, clock):
    first = await register(uow, clock, "telegram", "42", "chat-1")
    again = await register(uow, clock, "telegram", "42")
    moved = await register(uow, clock, "telegram", "42", "chat-2")
    assert first is again is moved and moved.address == "chat-2"
    assert len(uow.residents.rows) == 1 and not uow.residents.rows[first.resident_id].verified

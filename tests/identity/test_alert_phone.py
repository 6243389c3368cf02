"""The rules of the 알림톡 number (core.identity.alert_phone) on the in-memory fakes."""

from __future__ import annotations

import pytest

from core.errors import Forbidden, InvalidInput
from core.identity.alert_phone import (
    alert_phone_of,
    mask_phone,
    normalize_phone,
    remove_alert_phone,
    save_alert_phone,
)
from core.identity.model import Membership
from tests.fakes.uow import FakeUnitOfWork
from tests.votes.test_rules import person


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("010-1234-5678", "01012345678"),
        ("01012345678", "01012345678"),
        (" 010 1234 5678 ", "01012345678"),
        ("010.1234.5678", "01012345678"),
        ("011-234-5678", "0112345678"),
    ],
)
def test_mobile_numbers_are_accepted_as_digits(typed, digits):
    assert normalize_phone(typed) == digits


@pytest.mark.parametrize(
    "typed",
    ["02-123-4567", "010-1234-567", "010-12345-6789", "1234-5678", "공일공", "", "+1 555 0100"],
)
def test_anything_else_is_refused(typed):
    with pytest.raises(InvalidInput, match="alert.bad_phone"):
        normalize_phone(typed)


def test_a_number_is_shown_masked():
    assert mask_phone("01012345678") == "010-****-5678"
    assert mask_phone("0112345678") == "011-****-5678"


async def test_a_verified_resident_saves_replaces_and_removes_their_number(clock):
    uow = FakeUnitOfWork()
    kim = await person(uow, clock, 1, "101", "1203")
    assert await alert_phone_of(uow, kim) is None
    phone = await save_alert_phone(uow, clock, kim, "010-1234-5678")
    assert (phone.number, phone.masked, phone.consented_at) == (
        "01012345678",
        "010-****-5678",
        clock.now(),
    )
    clock.advance(days=1)
    await save_alert_phone(uow, clock, kim, "010-9999-0000")
    assert (await alert_phone_of(uow, kim)).number == "01099990000"
    assert await remove_alert_phone(uow, kim)
    assert await alert_phone_of(uow, kim) is None
    assert not await remove_alert_phone(uow, kim)


async def test_a_bad_number_changes_nothing_and_strangers_give_none(clock):
    uow = FakeUnitOfWork()
    kim = await person(uow, clock, 1, "101", "1203")
    await save_alert_phone(uow, clock, kim, "01012345678")
    with pytest.raises(InvalidInput):
        await save_alert_phone(uow, clock, kim, "02-123-4567")
    assert (await alert_phone_of(uow, kim)).number == "01012345678"
    stranger = Membership(resident_id=999, complex_id=None, household_id=None)
    with pytest.raises(Forbidden):
        await save_alert_phone(uow, clock, stranger, "01012345678")

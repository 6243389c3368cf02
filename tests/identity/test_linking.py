"""Linking messenger accounts (core.identity.linking), as pure rules: the in-memory fakes of
tests/core/fakes.py and a frozen clock, no database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.errors import DomainError, NotFound, TooManyAttempts
from core.identity.admin import add_complex, issue_invite
from core.identity.invites import ALPHABET, hash_code
from core.identity.linking import (
    LINK_CODE_LENGTH,
    Linked,
    WrongLinkCode,
    display_link_code,
    issue_link_code,
    linked_accounts,
    normalize_link_code,
    redeem_link_code,
    unlink_account,
)
from core.identity.onboarding import WrongCode, redeem_invite
from core.identity.onboarding import get_or_register_account as register
from tests.fakes.uow import FakeUnitOfWork

KEY = b"test-invite-key"
A_WRONG_LINK = "ZZZZ-ZZZZ"


@pytest.fixture
async def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    await add_complex(uow, "DEMO", "데모아파트")
    return uow


async def verified_person(uow, clock, channel="web", user="kim", unit="1203"):
    account = await register(uow, clock, channel, user)
    resident = await uow.residents.get(account.resident_id)
    invite = await issue_invite(
        uow, clock, KEY, complex_code="DEMO", building="101", unit=unit, uses=5
    )
    await redeem_invite(uow, clock, KEY, resident, invite.code)
    return account, resident


async def newcomer(uow, clock, channel="telegram", user="tg-1"):
    account = await register(uow, clock, channel, user)
    return account, await uow.residents.get(account.resident_id)


async def test_a_link_code_is_8_readable_characters_stored_only_as_a_keyed_hash(uow, clock):
    _, resident = await verified_person(uow, clock)
    issued = await issue_link_code(uow, clock, KEY, resident)
    assert len(issued.code) == LINK_CODE_LENGTH and set(issued.code) <= set(ALPHABET)
    assert issued.display == f"{issued.code[:4]}-{issued.code[4:]}"
    [stored] = uow.links.rows.values()
    assert stored.code_hash == hash_code(KEY, issued.code)
    assert issued.code not in repr(vars(stored))
    assert stored.expires_at == clock.now() + timedelta(minutes=10)
    assert normalize_link_code(f" {issued.display.lower()} ") == issued.code
    assert normalize_link_code("K7XMP-4QRTW") is None  # an invite code is not a link code
    assert display_link_code("K7XM4QRT") == "K7XM-4QRT"


async def test_linking_moves_the_new_account_to_the_codes_resident(uow, clock):
    web, resident = await verified_person(uow, clock)
    tg, orphan = await newcomer(uow, clock)
    issued = await issue_link_code(uow, clock, KEY, resident)
    result = await redeem_link_code(uow, clock, KEY, tg, issued.display)
    assert isinstance(result, Linked)
    assert result.resident is resident and result.previous_resident_id == orphan.id
    assert tg.resident_id == resident.id
    assert [a.channel for a in await linked_accounts(uow, resident)] == ["web", "telegram"]
    assert orphan.household_id is None  # left unused
    assert uow.commits == 0  # use cases never commit


async def test_a_code_works_once(uow, clock):
    _, resident = await verified_person(uow, clock)
    tg, _ = await newcomer(uow, clock)
    kakao, _ = await newcomer(uow, clock, "kakao", "kk-1")
    issued = await issue_link_code(uow, clock, KEY, resident)
    await redeem_link_code(uow, clock, KEY, tg, issued.code)
    with pytest.raises(DomainError) as refused:
        await redeem_link_code(uow, clock, KEY, kakao, issued.code)
    assert refused.value.code == "link.used"
    assert kakao.resident_id != resident.id


async def test_an_expired_code_is_refused_and_nothing_moves(uow, clock):
    _, resident = await verified_person(uow, clock)
    tg, orphan = await newcomer(uow, clock)
    issued = await issue_link_code(uow, clock, KEY, resident)
    clock.advance(minutes=10)
    with pytest.raises(DomainError) as refused:
        await redeem_link_code(uow, clock, KEY, tg, issued.code)
    assert refused.value.code == "link.expired"
    assert tg.resident_id == orphan.id
    assert all(link.used_at is None for link in uow.links.rows.values())


async def test_a_wrong_code_is_recorded_and_shares_the_invite_throttle(uow, clock):
    tg, orphan = await newcomer(uow, clock)
    result = await redeem_link_code(uow, clock, KEY, tg, A_WRONG_LINK)
    assert result == WrongLinkCode(left=4)
    assert uow.rate_events.events == [(f"resident:{orphan.id}", "link.wrong", clock.now())]
    for _ in range(2):  # wrong invite codes count toward the same 5
        assert isinstance(await redeem_invite(uow, clock, KEY, orphan, "ZZZZZ-ZZZZZ"), WrongCode)
    result = await redeem_link_code(uow, clock, KEY, tg, A_WRONG_LINK)
    assert result == WrongLinkCode(left=1)
    await redeem_link_code(uow, clock, KEY, tg, A_WRONG_LINK)
    with pytest.raises(TooManyAttempts):
        await redeem_link_code(uow, clock, KEY, tg, A_WRONG_LINK)
    with pytest.raises(TooManyAttempts):
        await redeem_invite(uow, clock, KEY, orphan, "ZZZZZ-ZZZZZ")
    clock.advance(minutes=10, seconds=1)
    assert isinstance(await redeem_link_code(uow, clock, KEY, tg, A_WRONG_LINK), WrongLinkCode)


async def test_text_that_cannot_be_a_link_code_is_refused_and_not_counted(uow, clock):
    tg, _ = await newcomer(uow, clock)
    for text in ("", "ABC", "K7XMP-4QRTW", "K0XM-4QRT"):
        with pytest.raises(DomainError) as refused:
            await redeem_link_code(uow, clock, KEY, tg, text)
        assert refused.value.code == "link.malformed"
    assert uow.rate_events.events == []


async def test_linking_an_account_to_its_own_resident_is_refused(uow, clock):
    web, resident = await verified_person(uow, clock)
    issued = await issue_link_code(uow, clock, KEY, resident)
    with pytest.raises(DomainError) as refused:
        await redeem_link_code(uow, clock, KEY, web, issued.code)
    assert refused.value.code == "link.same"
    assert all(link.used_at is None for link in uow.links.rows.values())


async def test_an_account_verified_in_another_household_cannot_be_moved(uow, clock):
    _, resident = await verified_person(uow, clock)
    other, neighbour = await verified_person(uow, clock, "kakao", "lee", unit="1204")
    issued = await issue_link_code(uow, clock, KEY, resident)
    with pytest.raises(DomainError) as refused:
        await redeem_link_code(uow, clock, KEY, other, issued.code)
    assert refused.value.code == "link.other_household"
    assert other.resident_id == neighbour.id


async def test_an_account_verified_in_the_same_household_may_be_moved(uow, clock):
    _, resident = await verified_person(uow, clock)
    other, _ = await verified_person(uow, clock, "kakao", "kim-kakao")
    issued = await issue_link_code(uow, clock, KEY, resident)
    assert isinstance(await redeem_link_code(uow, clock, KEY, other, issued.code), Linked)
    assert other.resident_id == resident.id


async def test_an_unverified_resident_can_link_too(uow, clock):
    tg, first = await newcomer(uow, clock)
    web, _ = await newcomer(uow, clock, "web", "browser")
    issued = await issue_link_code(uow, clock, KEY, first)
    await redeem_link_code(uow, clock, KEY, web, issued.code)
    assert web.resident_id == first.id


async def test_unlinking_gives_the_account_a_fresh_empty_resident(uow, clock):
    web, resident = await verified_person(uow, clock)
    tg, _ = await newcomer(uow, clock)
    issued = await issue_link_code(uow, clock, KEY, resident)
    await redeem_link_code(uow, clock, KEY, tg, issued.code)
    await unlink_account(uow, clock, resident, web, tg.id)
    fresh = await uow.residents.get(tg.resident_id)
    assert fresh is not resident and not fresh.verified
    assert [a.channel for a in await linked_accounts(uow, resident)] == ["web"]


async def test_the_account_in_use_and_other_peoples_accounts_cannot_be_unlinked(uow, clock):
    web, resident = await verified_person(uow, clock)
    stranger, _ = await newcomer(uow, clock)
    with pytest.raises(DomainError) as refused:
        await unlink_account(uow, clock, resident, web, web.id)
    assert refused.value.code == "link.current"
    with pytest.raises(NotFound):
        await unlink_account(uow, clock, resident, web, stranger.id)
    with pytest.raises(NotFound):
        await unlink_account(uow, clock, resident, web, 999)
    assert web.resident_id == resident.id

"""대신 하기 refused where it must be, with a polite answer and nothing written: residents who
are not coordinators (even with a forged button), households of other complexes (typed, or
a tampered conversation), points without the household's consent, resident tasks for a
household nobody verified (a defect report still goes through), effects the mode does not
offer; and the mode ends with the dialog expiry. The old 대리 투표 now tells the household."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.engine.present import Tokenizer
from bot.handlers.points.actions import PayRent
from bot.handlers.proxy.actions import StartProxy
from bot.screens import Button
from core.errors import Forbidden, NotFound
from core.identity.model import Complex, Household, Membership, Proxy, Role
from core.identity.proxy import How, acting_for, start_acting
from core.points.use_cases import award_purchase, pay_rent, rent_months
from core.share.listings import NewListing, post_listing
from core.votes.ballots import NewVote, cast_proxy_ballot, create_vote
from storage import tables
from tests.support.complex_life import member_of, outbox_of, run_jobs, texts, verified
from tests.support.points import in_uow
from tests.support.shop import orders, product, vendor_chat


@pytest.fixture
async def people(engine, demo):
    coord = await verified(engine, demo, "관리동-100", "coord")
    kim = await verified(engine, demo, "101-1203", "kim")
    return coord, kim


async def act_for(chat, building="101", unit="1203", *, consent=True) -> None:
    await chat.say("처음으로")
    await chat.tap("코디네이터")
    while "대신 하기" not in chat.labels:  # the coordinator menu is paged
        await chat.tap("더보기")
    await chat.tap("대신 하기")
    await chat.say(building)
    await chat.say(unit)
    await chat.tap("전화")
    await chat.tap("네, 동의를 받았어요" if consent else "아니요, 포인트는 안 써요")


async def proxy_rows(services) -> list[dict]:
    async with services.uow() as uow:
        stmt = select(tables.proxy_actions).order_by(tables.proxy_actions.c.id)
        return [dict(r) for r in (await uow.session.execute(stmt)).mappings()]


async def forged_tap(engine, chat, user: str, action) -> None:
    """A button the server never showed this person, as if a token held it."""
    async with engine.s.uow() as uow:
        resident_id = (await uow.accounts.find("web", user)).resident_id
        tokenizer = Tokenizer(engine.s.token_key, resident_id, engine.s.clock.now(), 1)
        token = tokenizer.button(Button("x", action.dump())).token
        await uow.tokens.add_many([dict(r) for r in tokenizer.rows.values()])
        await uow.commit()
    await chat.tap_token(token)


async def other_household(services) -> int:
    async with services.uow() as uow:
        other = await uow.complexes.add(Complex("OTHER", "다른 단지"))
        household = await uow.households.add(Household(other.id, "101", "777"))
        await uow.commit()
        return household.id


async def test_a_resident_cannot_start_it_even_with_a_forged_button(engine, services, people):
    coord, kim = people
    await kim.say("대신 하기")  # not a resident's word: whatever it is taken for, not the mode
    assert "몇 동" not in kim.text and "대신 하는 중" not in kim.text
    await forged_tap(engine, kim, "kim", StartProxy())
    assert "이 기능은 사용할 수 없어요" in kim.text
    assert "몇 동" not in kim.text
    assert await proxy_rows(services) == []


async def test_a_household_outside_the_complex_is_refused(engine, services, people):
    coord, kim = people
    await other_household(services)
    await act_for(coord, "101", "9999")
    assert "우리 단지에 그런 세대가 없어요" in coord.text and "몇 동인가요?" in coord.text
    assert await proxy_rows(services) == []
    # Another complex's coordinator cannot reach 101동 1203호 of DEMO either (core).
    stranger = Membership(99, 2, None, frozenset({(str(Role.COORDINATOR), 2)}))
    kim_member = await member_of(services, "kim")
    async with services.uow() as uow:
        with pytest.raises(NotFound):
            await start_acting(uow, services.clock, stranger, "101", "1203", How.PHONE)
        with pytest.raises(Forbidden):
            await acting_for(uow, stranger, Proxy(99, kim_member.household_id, How.PHONE))


@pytest.mark.both_dbs
async def test_a_tampered_mode_for_another_complex_ends_and_runs_nothing(engine, services, people):
    coord, kim = people
    await act_for(coord)
    assert "고장 신고" in coord.labels
    foreign = await other_household(services)
    coord_id = (await member_of(services, "coord")).resident_id
    async with services.uow() as uow:  # as if the stored state named another complex's home
        c = tables.conversations.c
        row = (await uow.session.execute(select(c.data).where(c.resident_id == coord_id))).one()
        data = dict(row.data)
        data["proxy"] = dict(data["proxy"], household_id=foreign)
        await uow.session.execute(
            update(tables.conversations).where(c.resident_id == coord_id).values(data=data)
        )
        await uow.commit()
    await coord.tap("고장 신고")
    assert "대신 하기를 끝냈어요" in coord.text and "대신 하는 중" not in coord.text
    assert "어떤 고장인가요?" not in coord.text
    assert [r["task"] for r in await proxy_rows(services)] == ["start"]


@pytest.mark.both_dbs
async def test_points_without_the_households_consent_are_refused(engine, services, people):
    coord, kim = people
    kim_member = await member_of(services, "kim")
    await in_uow(
        services,
        award_purchase,
        order_key="earlier",
        resident_id=kim_member.resident_id,
        complex_id=kim_member.complex_id,
        paid_won=700_000,
        memo="로컬푸드",
    )
    await act_for(coord, consent=False)
    assert "세대의 동의를 받지 않아서 포인트는 쓸 수 없어요" in coord.text
    await coord.tap("임대료로 내기")
    assert "세대의 동의 없이는 포인트를 쓸 수 없어요" in coord.text and "몇 월분" not in coord.text
    # The order dialog offers no points step: the order goes through without points.
    await vendor_chat(engine, services)
    await product(services, await member_of(services, "farm"), name="햇사과", price=12000)
    await coord.say("처음으로")
    for label in ("물건 주문", "로컬푸드", "주문하기", "1개", "관리동 앞 · 평일 오후 6~8시"):
        await coord.tap(label)
    await coord.tap("만나서 내기")
    assert "모두 쓰기" not in str(coord.labels)
    await coord.tap("주문하기")
    (order,) = await orders(services)
    assert order["points_used"] == 0 and order["resident_id"] == kim_member.resident_id
    # The rule is core's: the use case refuses points without consent whatever the screen.
    coord_member = await member_of(services, "coord")
    async with services.uow() as uow:
        member = await acting_for(uow, coord_member, Proxy(0, kim_member.household_id, How.PHONE))
        with pytest.raises(Forbidden, match="proxy.no_consent"):
            await pay_rent(uow, services.clock, member, rent_months(services.clock)[0], 10)
    async with services.uow() as uow:
        assert list(await uow.session.execute(select(tables.rent_settlements))) == []
    assert [r["task"] for r in await proxy_rows(services)] == ["start", "order"]
    notices = texts(await outbox_of(services, "kim"))
    assert not any("임대료" in t for t in notices) and any("햇사과" in t for t in notices)


@pytest.mark.both_dbs
async def test_a_household_nobody_verified_gets_a_defect_report_only(engine, services, people):
    coord, kim = people
    await act_for(coord, "102", "304")
    assert "고장 신고만 대신 할 수 있어요" in coord.text
    assert [b for b in coord.labels if b not in ("대신 하기 끝내기", "처음으로")] == ["고장 신고"]
    for label in ("고장 신고", "누수"):
        await coord.tap(label)
    await coord.say("천장에서 물이 새요")
    await coord.tap("우리 집")
    await coord.tap("보통")
    await coord.tap("접수")
    assert "접수 번호는" in coord.text
    coord_id = (await member_of(services, "coord")).resident_id
    async with services.uow() as uow:
        household_id = (await uow.households.find(1, "102", "304")).id
        (report,), _ = await uow.defects.for_household(household_id, offset=0, limit=5)
        assert report.reporter_id == coord_id
    row = (await proxy_rows(services))[-1]
    assert row["task"] == "defect" and row["resident_id"] is None
    # Resident tasks are refused in core as well (here a forged 임대료로 내기 button).
    await forged_tap(engine, coord, "coord", PayRent())
    assert "아직 확인된 주민이 없어서 대신 할 수 없어요" in coord.text
    assert "몇 월분" not in coord.text
    coord_member = await member_of(services, "coord")
    async with services.uow() as uow:
        proxy = Proxy(0, household_id, How.PHONE, consent=True)
        member = await acting_for(uow, coord_member, proxy)
        with pytest.raises(Forbidden, match="proxy.no_resident"):
            await pay_rent(uow, services.clock, member, rent_months(services.clock)[0], 10)


async def test_effects_the_mode_does_not_offer_are_refused(services, people):
    coord, kim = people
    kim_member = await member_of(services, "kim")
    coord_member = await member_of(services, "coord")
    async with services.uow() as uow:
        proxy = Proxy(0, kim_member.household_id, How.PHONE)
        member = await acting_for(uow, coord_member, proxy)
        new = NewListing(kind="goods", side="offer", title="유모차 나눔")
        with pytest.raises(Forbidden, match="proxy.not_offered"):
            await post_listing(uow, services.clock, member, new)


async def test_the_mode_ends_with_the_dialog_expiry(engine, services, people, clock):
    coord, kim = people
    await act_for(coord)
    clock.advance(hours=engine.s.config.dialogs.expire_hours, minutes=1)
    await coord.tap("고장 신고")
    assert "오랫동안 답이 없어서" in coord.text and "대신 하는 중" not in coord.text
    assert "어떤 고장인가요?" not in coord.text


async def test_the_proxy_ballot_of_vote_management_tells_the_household(services, people, clock):
    coord, kim = people
    coord_member = await member_of(services, "coord")
    now = clock.now()
    async with services.uow() as uow:
        vote = await create_vote(
            uow,
            clock,
            coord_member,
            NewVote("주차 규칙", ("찬성", "반대"), now, now + timedelta(days=1)),
        )
        await uow.commit()
        vote_id = vote.id
    await run_jobs(services)
    async with services.uow() as uow:
        await cast_proxy_ballot(uow, clock, coord_member, vote_id, "101", "1203", 0)
        await uow.commit()
    assert any(
        "관리사무소에서 대신 투표했어요: 주차 규칙" in t and "요청: 방문" in t
        for t in texts(await outbox_of(services, "kim"))
    )
    (row,) = [r for r in await proxy_rows(services) if r["task"] == "vote"]
    assert row["coordinator_id"] == coord_member.resident_id and row["how"] == "visit"

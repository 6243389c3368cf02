"""대신 하기 on every channel: the coordinator (`person`) opens household 101동 1203호 (김씨네,
verified in the web chat) and files a defect, orders, joins a group buy, pays rent with
points, asks for a carpool seat, answers a survey and votes for it. Each effect belongs to
the household, is marked as the coordinator's (proxy_actions, and a ballot's proxy_by), and
김씨네 is told in its messenger "관리사무소에서 대신 … 했어요"."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from core.identity.onboarding import membership_of
from core.points.use_cases import award_purchase
from core.surveys.answering import NewSurvey, create_survey
from core.surveys.model import Question, QuestionKind
from core.votes.ballots import NewVote, create_vote
from storage import tables
from tests.support.complex_life import member_of, outbox_of, run_jobs, texts
from tests.support.defects import verified
from tests.support.points import in_uow
from tests.support.share import post_ride
from tests.support.shop import group_buy, orders, product, vendor_chat


async def household_and_coordinator(person, engine, services, demo):
    """김씨네 verified on the web; the person on their channel is the coordinator."""
    kim = await verified(engine, demo["101-1203"], "kim")
    await person.start(demo["관리동-100"])
    return kim


async def act_for(person, building="101", unit="1203", how="전화", consent=True) -> None:
    await person.say("처음으로")
    await person.tap("코디네이터")
    await tap_paged(person, "대신 하기")
    await person.say(building)
    await person.say(unit)
    await person.tap(how)
    if how == "도움 요청":
        await person.say("#7")
    await person.tap("네, 동의를 받았어요" if consent else "아니요, 포인트는 안 써요")
    assert f"{building}동 ****호 대신 하는 중" in person.text, person.text
    assert "대신 하기 끝내기" in person.labels


async def wait_for(person, words: str) -> None:
    for _ in range(200):
        if any(words in (p.get("text") or "") for _, p, _ in person.srv.sent):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no message with {words!r}")


async def tap_paged(person, label: str) -> None:
    """Tap `label`, paging with 더보기 first where the channel shows fewer buttons."""
    while label not in person.labels and "더보기" in person.labels:
        await person.tap("더보기")
    await person.tap(label)


async def coordinator(services):
    """The coordinator's membership (the person, whatever their channel's user id)."""
    async with services.uow() as uow:
        (resident_id,) = await uow.roles.holders("coordinator", 1)
        return await membership_of(uow, await uow.residents.get(resident_id))


async def proxy_rows(services) -> list[dict]:
    async with services.uow() as uow:
        stmt = select(tables.proxy_actions).order_by(tables.proxy_actions.c.id)
        return [dict(r) for r in (await uow.session.execute(stmt)).mappings()]


async def marked(services, task: str, ref: str) -> dict:
    """The audit line of one effect: for 101-1203, by the coordinator, with 김씨네 as subject."""
    kim = await member_of(services, "kim")
    rows = [r for r in await proxy_rows(services) if r["task"] == task]
    assert rows, task
    row = rows[-1]
    assert row["ref"].startswith(ref), row
    assert row["household_id"] == kim.household_id and row["resident_id"] == kim.resident_id
    assert row["coordinator_id"] == (await coordinator(services)).resident_id
    return row


async def told(services, words: str) -> None:
    notices = texts(await outbox_of(services, "kim"))
    assert any("관리사무소에서 대신" in t and words in t for t in notices), notices


async def test_file_a_defect_for_the_household(person, engine, services, demo):
    await household_and_coordinator(person, engine, services, demo)
    await act_for(person, how="도움 요청")
    for label in ("고장 신고", "승강기"):
        await person.tap(label)
    await person.say("문이 안 닫혀요")
    await person.tap("엘리베이터")  # a 승강기 is always 공용부: which one
    await person.tap("보통")
    await person.tap("접수")
    assert "접수 번호는 D-2026-000001이에요" in person.text
    assert "101동 ****호 대신 하는 중" in person.text
    kim = await member_of(services, "kim")
    async with services.uow() as uow:
        (report,), _ = await uow.defects.for_household(kim.household_id, offset=0, limit=5)
        report_id, reporter_id = report.id, report.reporter_id
    assert reporter_id == kim.resident_id
    row = await marked(services, "defect", f"defect:{report_id}")
    assert row["how"] == "help" and row["request_no"] == "7"
    await told(services, "고장 신고를 했어요: 승강기 · 엘리베이터 (D-2026-000001)")
    await person.tap("대신 하기 끝내기")
    assert "대신 하기를 끝냈어요" in person.text and "[코디네이터]" in person.text


async def test_order_with_points_for_the_household(person, engine, services, demo):
    await household_and_coordinator(person, engine, services, demo)
    kim = await member_of(services, "kim")
    await in_uow(
        services,
        award_purchase,
        order_key="earlier",
        resident_id=kim.resident_id,
        complex_id=kim.complex_id,
        paid_won=100_000,
        memo="로컬푸드",
    )
    await vendor_chat(engine, services)
    await product(services, await member_of(services, "farm"), name="햇사과", price=12000)
    await act_for(person)
    for label in ("물건 주문", "로컬푸드", "주문하기", "1개", "관리동 앞 · 평일 오후 6~8시"):
        await person.tap(label)
    await person.tap("만나서 내기")
    await person.tap("1000점 모두 쓰기")  # the household agreed (the consent step)
    await person.tap("주문하기")
    assert "주문 번호는 S-000001이에요" in person.text
    (order,) = await orders(services)
    assert order["resident_id"] == kim.resident_id and order["household_id"] == kim.household_id
    assert order["points_used"] == 1000
    await marked(services, "order", f"order:{order['id']}")
    await told(services, "주문했어요: 햇사과 (포인트 1,000점 사용)")


async def test_join_a_group_buy_for_the_household(person, engine, services, demo):
    await household_and_coordinator(person, engine, services, demo)
    await vendor_chat(engine, services)
    vendor = await member_of(services, "farm")
    await group_buy(services, vendor, await product(services, vendor, name="사과 한 상자"))
    await act_for(person, how="방문")
    for label in ("공동구매", "1번 보기", "참여하기", "2개", "만나서 내기", "참여하기"):
        await person.tap(label)
    assert "공동구매에 참여했어요" in person.text
    kim = await member_of(services, "kim")
    (order,) = await orders(services)
    assert order["resident_id"] == kim.resident_id and order["quantity"] == 2
    row = await marked(services, "group_buy", f"order:{order['id']}")
    assert row["how"] == "visit"
    await told(services, "공동구매에 참여했어요")


async def test_pay_rent_with_points_after_consent(person, engine, services, demo):
    await household_and_coordinator(person, engine, services, demo)
    kim = await member_of(services, "kim")
    await in_uow(
        services,
        award_purchase,
        order_key="earlier",
        resident_id=kim.resident_id,
        complex_id=kim.complex_id,
        paid_won=700_000,
        memo="로컬푸드",
    )
    await act_for(person)
    await person.tap("임대료로 내기")
    await person.tap("12월분 (다음 달)")
    await person.say("5000")
    await person.tap("네, 맞아요")
    assert "[임대료 납부 확인증]" in person.text
    async with services.uow() as uow:
        (settled,) = (await uow.session.execute(select(tables.rent_settlements))).mappings()
    assert settled["resident_id"] == kim.resident_id
    assert settled["household_id"] == kim.household_id and settled["amount"] == 5000
    row = await marked(services, "rent", "rent:")
    assert row["consent"] is True or row["consent"] == 1
    await told(services, "포인트로 임대료를 냈어요: 2026-12, 5,000점")


async def test_ask_for_a_carpool_seat_for_the_household(person, engine, services, demo):
    await household_and_coordinator(person, engine, services, demo)
    driver = await verified(engine, demo["102-304"], "lee")
    await post_ride(driver)
    await act_for(person)
    for label in ("카풀 자리 신청", "자세히 보기", "같이 타기 신청", "1명"):
        await person.tap(label)
    assert "같이 타기 신청을 보냈어요 (1명)" in person.text
    kim = await member_of(services, "kim")
    async with services.uow() as uow:
        (request,) = await uow.share.requests_of(kim.resident_id)
        request_id = request.id
    await marked(services, "ride", f"ride:{request_id}")
    await told(services, "카풀 자리를 신청했어요: 동탄역 (1명)")
    driver_notes = texts(await outbox_of(services, "lee"))
    assert any("101동 이웃이 1명 같이 타겠다고 신청했어요" in t for t in driver_notes)


async def test_answer_a_survey_for_the_household(person, engine, services, demo, clock):
    await household_and_coordinator(person, engine, services, demo)
    questions = (Question(QuestionKind.SINGLE, "경로당을 저녁에도 열까요?", ("네", "아니요")),)
    coord = await coordinator(services)
    async with services.uow() as uow:
        new = NewSurvey("경로당 설문", questions, clock.now() + timedelta(days=3))
        await create_survey(uow, clock, coord, new)
        await uow.commit()
    await act_for(person)
    for label in ("설문 답하기", "보기", "시작하기", "네", "제출"):
        await person.tap(label)
    assert "설문을 제출했어요" in person.text
    kim = await member_of(services, "kim")
    async with services.uow() as uow:
        rows = (await uow.session.execute(select(tables.survey_responses))).mappings()
        (response,) = list(rows)
    assert response["resident_id"] == kim.resident_id and response["submitted_at"]
    await marked(services, "survey", "survey:")
    await told(services, "설문에 답했어요: 경로당 설문")


async def test_vote_for_the_household(person, engine, services, demo, clock):
    await household_and_coordinator(person, engine, services, demo)
    coord = await coordinator(services)
    now = clock.now()
    async with services.uow() as uow:
        new = NewVote("주차 규칙", ("찬성", "반대"), now, now + timedelta(days=1))
        vote = await create_vote(uow, clock, coord, new)
        await uow.commit()
        vote_id = vote.id
    await run_jobs(services)
    # the office's unit (관리동) does not vote: the opening is not pushed to the coordinator
    await act_for(person)
    await tap_paged(person, "주민투표")
    await person.tap("2. 반대")  # the only open vote opened at once
    assert "'반대'에 투표했어요" in person.text
    kim = await member_of(services, "kim")
    async with services.uow() as uow:
        ballot = await uow.votes.ballot(vote_id, kim.household_id)
        assert ballot.option == 1 and ballot.proxy_by == coord.resident_id
        assert ballot.resident_id is None
    await marked(services, "vote", f"vote:{vote_id}")
    await told(services, "투표했어요: 주차 규칙")

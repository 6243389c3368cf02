"""포인트, read as conversations: the menu two taps from home, the balance and the last 10
entries in plain words, 임대료로 내기 with its confirmation and receipt, bad amounts asked again,
공용 포인트 for every verified resident, and a coordinator recording a common spend."""

from __future__ import annotations

from sqlalchemy import select

from core.points.use_cases import award_purchase, balance
from storage import tables
from tests.support.defects import member, verified
from tests.support.points import books_are_exact, in_uow


async def buy(services, user: str, paid: int, n: int = 1, memo: str = "로컬푸드") -> None:
    who = await member(services, user)
    await in_uow(
        services,
        award_purchase,
        order_key=f"order:{user}:{n}",
        resident_id=who.resident_id,
        complex_id=who.complex_id,
        paid_won=paid,
        memo=memo,
    )


async def test_the_points_menu_is_two_taps_from_home_and_shows_the_balance(engine, services, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await buy(services, "kim", 12_000)
    await chat.say("처음으로")
    await chat.tap("포인트")
    assert chat.labels[:4] == [
        "내 포인트",
        "임대료로 내기",
        "공용 포인트 보기",
        "포인트 모으는 법",
    ]
    await chat.tap("내 포인트")
    assert "지금 120점이 있어요" in chat.text
    assert "11/25 로컬푸드 주문 적립 +120" in chat.text
    assert "이전" in chat.labels and "처음으로" in chat.labels


async def test_history_shows_the_last_ten_entries_newest_first(engine, services, demo, clock):
    chat = await verified(engine, demo["101-1203"], "kim")
    for n in range(1, 13):
        clock.advance(days=1)
        await buy(services, "kim", n * 1_000, n)
    await chat.say("처음으로")  # the old buttons expired meanwhile
    await chat.tap("포인트")
    await chat.tap("내 포인트")
    lines = [line for line in chat.text.splitlines() if line.startswith("· ")]
    assert len(lines) == 10
    assert lines[0].endswith("+120") and lines[-1].endswith("+30")


async def test_paying_rent_with_points_gives_a_receipt(engine, services, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await buy(services, "kim", 700_000)
    await chat.tap("포인트")
    await chat.tap("임대료로 내기")
    assert "몇 월분" in chat.text
    assert chat.labels[:2] == ["11월분 (이번 달)", "12월분 (다음 달)"]
    await chat.tap("12월분 (다음 달)")
    assert "지금 7,000점" in chat.text and chat.labels[0] == "전부 (7,000점)"
    await chat.say("0")
    assert "1점 이상으로 적어 주세요" in chat.text
    await chat.say("7001")
    assert "그보다 적게 적어 주세요" in chat.text
    await chat.say("오천")
    assert "숫자로 적어 주세요" in chat.text
    await chat.say("5,000점")
    assert "12월분 임대료로 5,000점" in chat.text and "남는 포인트: 2,000점" in chat.text
    assert chat.labels[:2] == ["네, 맞아요", "고치기"]
    yes = chat.button("네, 맞아요").token
    await chat.tap("네, 맞아요")
    assert "[임대료 납부 확인증]" in chat.text and "확인 번호: R-000001" in chat.text
    assert "남은 포인트: 2,000점" in chat.text
    await chat.tap_token(yes)  # a redelivered tap pays once
    kim = await member(services, "kim")
    async with services.uow() as uow:
        assert await balance(uow, kim) == 2_000
        rows = (await uow.session.execute(select(tables.rent_settlements))).mappings().all()
    assert [(r["month"], r["amount"], r["household_id"]) for r in rows] == [
        ("2026-12", 5_000, kim.household_id)
    ]
    await books_are_exact(services)


async def test_fixing_the_rent_payment_starts_again_and_pays_nothing(engine, services, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await buy(services, "kim", 300_000)
    await chat.tap("포인트")
    await chat.tap("임대료로 내기")
    await chat.tap("11월분 (이번 달)")
    await chat.tap("전부 (3,000점)")
    await chat.tap("고치기")
    assert "몇 월분" in chat.text
    kim = await member(services, "kim")
    async with services.uow() as uow:
        assert await balance(uow, kim) == 3_000


async def test_without_points_rent_is_not_offered_as_a_dead_end(engine, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await chat.tap("포인트")
    await chat.tap("임대료로 내기")
    assert "낼 포인트가 아직 없어요" in chat.text and "포인트 모으는 법" in chat.labels
    await chat.tap("포인트 모으는 법")
    assert "1%" in chat.text and "2%" in chat.text and "5년" in chat.text


async def test_common_points_are_open_to_every_resident_and_spent_by_the_coordinator(
    engine, services, demo
):
    kim = await verified(engine, demo["101-1203"], "kim")
    lee = await verified(engine, demo["102-304"], "lee")
    await buy(services, "kim", 100_000)
    await lee.tap("포인트")
    await lee.tap("공용 포인트 보기")
    assert "2,000점" in lee.text and "이웃 로컬푸드 주문 적립 +2,000" in lee.text
    assert "공용 포인트 쓰기" not in lee.labels
    coord = await verified(engine, demo["관리동-100"], "coord")
    await coord.tap("코디네이터")
    await coord.tap("공용 포인트 쓰기")
    assert "지금 2,000점" in coord.text
    await coord.say("2500")
    assert "그보다 적게 적어 주세요" in coord.text
    await coord.say("1500")
    await coord.say("가" * 101)
    assert "100자 안으로" in coord.text
    await coord.say("놀이방 장난감")
    await coord.tap("기록하기")
    assert "'놀이방 장난감'에 쓴 것으로 기록했어요" in coord.text and "500점" in coord.text
    await kim.tap("포인트")
    await kim.tap("공용 포인트 보기")
    assert "놀이방 장난감 (공용 포인트 사용) -1,500" in kim.text
    async with services.uow() as uow:
        audit = (await uow.session.execute(select(tables.audit_log))).mappings().all()
    assert [a["action"] for a in audit] == ["points.common_spend"]
    await books_are_exact(services)

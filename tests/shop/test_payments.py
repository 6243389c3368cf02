"""입금 계좌 (계좌이체): the account rules, the vendor's dialog refusing bad answers, 계좌이체
refused to a shop without an account (nothing written), the buyer alone seeing the number in
full, and 입금 확인 exactly once when two taps race (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from core.errors import DomainError, Forbidden, InvalidInput
from core.shop.groupbuys import join_group_buy
from core.shop.orders import NewOrder, confirm_payment, place_order
from core.shop.payments import (
    BankAccount,
    check_account,
    check_holder,
    check_number,
    mask_number,
    own_account,
    set_account,
)
from storage import tables
from tests.shop.test_concurrency import attempt
from tests.support.defects import verified
from tests.support.shop import (
    bank_account,
    group_buy,
    joined,
    member,
    orders,
    outbox_keys,
    product,
    stock_of,
    vendor_chat,
)

PICKUP = ("관리동 앞",)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("123-45-678901", "123-45-678901"),
        (" 123 45 678901 ", "123-45-678901"),
        ("3333011234567", "3333011234567"),
        ("110-234-567890", "110-234-567890"),
        ("123--45-678901-", "123-45-678901"),  # stray hyphens are tidied, not refused
    ],
)
def test_account_numbers_are_digits_and_single_hyphens(typed, kept):
    assert check_number(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "1234567",
        "12345678901234567",
        "123/45/678901",
        "123-45-67890a",
        "일이삼",
        "1-2-3-4-5-6-7-8-9-0-1",
    ],
)
def test_bad_account_numbers_are_refused(typed):
    with pytest.raises(InvalidInput) as refused:
        check_number(typed)
    assert refused.value.code == "shop.bad_account_number"


def test_holder_bank_and_mask():
    assert check_holder("  홍   길동 ") == "홍 길동"
    for bad in ("", "가" * 21, "12345", None):
        with pytest.raises(InvalidInput) as refused:
            check_holder(bad)
        assert refused.value.code == "shop.bad_holder"
    with pytest.raises(InvalidInput) as refused:
        check_account("가짜은행", "123-45-678901", "홍길동")  # a bank not on the list
    assert refused.value.code == "shop.bad_bank"
    assert mask_number("123-45-678901") == "123-45-******"
    assert BankAccount("농협", "3333011234567", "홍길동").masked == "33330********"


@pytest.fixture
async def world(engine, services, demo):
    farm_chat = await vendor_chat(engine, services)
    kim_chat = await verified(engine, demo["101-1203"], "kim")
    farm, kim = await member(services, "farm"), await member(services, "kim")
    return farm_chat, kim_chat, farm, kim, await product(services, farm, price=10000, stock=5)


async def test_only_the_vendor_sets_the_account_and_a_forged_bank_changes_nothing(services, world):
    _, _, farm, kim, _ = world
    async with services.uow() as uow:
        with pytest.raises(Forbidden):  # a resident is no vendor
            await set_account(uow, services.clock, kim, BankAccount("농협", "12345678", "김"))
        with pytest.raises(DomainError) as refused:  # a forged bank choice
            await set_account(uow, services.clock, farm, BankAccount("가짜", "12345678", "김"))
        assert refused.value.code == "shop.bad_bank"
        assert await own_account(uow, farm) is None
    await bank_account(services, farm)
    await bank_account(services, farm, number="301-0000-1111-22")  # changing it replaces it
    async with services.uow() as uow:
        assert await own_account(uow, farm) == BankAccount("농협", "301-0000-1111-22", "홍길동")


async def test_transfer_to_a_shop_without_an_account_is_refused_and_nothing_written(
    services, world
):
    _, kim_chat, farm, kim, product_id = world
    gb = await group_buy(services, farm, product_id)
    async with services.uow() as uow:  # a forged payload choosing 계좌이체
        new = NewOrder(product_id, 1, PICKUP[0], "transfer")
        with pytest.raises(DomainError) as refused:
            await place_order(uow, services.clock, kim, new, PICKUP)
        assert refused.value.code == "shop.no_transfer"
        with pytest.raises(DomainError) as refused:
            await join_group_buy(uow, services.clock, kim, gb, 2, payment="transfer")
        assert refused.value.code == "shop.no_transfer"
        await uow.commit()
    assert await orders(services) == [] and await stock_of(services, product_id) == 5
    assert await joined(services, gb) == (0, "open")
    for label in ("알뜰쇼핑", "가게별 상품", "로컬푸드", "주문하기", "1개"):  # not offered
        await kim_chat.tap(label)
    await kim_chat.tap("관리동 앞 · 평일 오후 6~8시")
    assert "만나서 내기만 받아요" in kim_chat.text and "통장 입금" not in kim_chat.labels


async def test_the_dialog_asks_again_on_bad_answers(services, world):
    farm_chat, _, farm, _, _ = world
    await farm_chat.tap("내 가게")
    await farm_chat.tap("입금 계좌")
    assert "어느 은행" in farm_chat.text
    await farm_chat.tap("농협")
    await farm_chat.say("0101234")  # too short
    assert "숫자 8~16자리" in farm_chat.text
    await farm_chat.say("123-45-67890가")
    assert "숫자 8~16자리" in farm_chat.text
    await farm_chat.say("123 45 678901")
    await farm_chat.say("가" * 21)
    assert "20자 안으로" in farm_chat.text
    await farm_chat.say("홍길동")
    assert "농협 123-45-678901" in farm_chat.text and "예금주: 홍길동" in farm_chat.text
    await farm_chat.tap("그만두기")
    async with services.uow() as uow:
        assert await own_account(uow, farm) is None  # nothing saved
    await farm_chat.tap("내 가게")
    await farm_chat.tap("입금 계좌")
    for answer in ("농협",):
        await farm_chat.tap(answer)
    await farm_chat.say("123-45-678901")
    await farm_chat.say("홍길동")
    await farm_chat.tap("저장하기")
    assert "농협 123-45-****** (예금주 홍길동)" in farm_chat.text
    await farm_chat.say("처음으로")
    await farm_chat.tap("내 가게")
    await farm_chat.tap("입금 계좌")
    assert "[입금 계좌] 농협 123-45-******" in farm_chat.text and "678901" not in farm_chat.text


async def test_only_the_buyer_sees_the_number_in_full(services, world):
    _, kim_chat, farm, kim, product_id = world
    await bank_account(services, farm)
    async with services.uow() as uow:
        new = NewOrder(product_id, 2, PICKUP[0], "transfer")
        await place_order(uow, services.clock, kim, new, PICKUP)
        await uow.commit()
    for label in ("알뜰쇼핑", "내 주문"):
        await kim_chat.tap(label)
    assert "입금하실 곳: 농협 123-45-678901 (예금주 홍길동) · 20,000원" in kim_chat.text
    async with services.uow() as uow:  # nothing for the vendor's notification carries it
        rows = (await uow.session.execute(select(tables.outbox))).all()
        assert rows and "678901" not in repr(rows)


@pytest.mark.both_dbs
async def test_two_confirmations_at_once_confirm_once(engine, services, demo):
    await vendor_chat(engine, services)
    farm = await member(services, "farm")
    await bank_account(services, farm)
    product_id = await product(services, farm, stock=5)
    await verified(engine, demo["101-1203"], "kim")
    kim = await member(services, "kim")
    async with services.uow() as uow:
        new = NewOrder(product_id, 1, PICKUP[0], "transfer")
        order_id = (await place_order(uow, services.clock, kim, new, PICKUP)).id
        await uow.commit()

    async def confirm() -> str:
        return await attempt(
            services, lambda uow: confirm_payment(uow, services.clock, farm, order_id)
        )

    results = await asyncio.gather(confirm(), confirm(), confirm())
    assert results.count("ok") == 1 and results.count("shop.already_paid") == 2
    (order,) = await orders(services)
    assert order["paid"]
    keys = await outbox_keys(services, kim.resident_id)
    paid = [k for k in keys if k.startswith(f"shop:order:{order_id}:paid")]
    assert len(paid) == 1  # the buyer is told once


async def test_the_demo_shops_show_where_to_pay(engine, services):
    from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code, seed_demo
    from core.identity.invites import display_code

    await seed_demo(services)
    code = display_code(demo_code(services.invite_key, DEMO_HOUSEHOLDS[1]))
    lee = await verified(engine, code, "lee-pay")
    for label in ("알뜰쇼핑", "가게별 상품", "로컬푸드"):
        await lee.tap(label)
    await lee.tap("주문하기")  # the newest product's card first
    await lee.tap("1개")
    if "어디에서" in lee.text:
        await lee.tap(lee.labels[0])
    await lee.tap("통장 입금")
    if "몇 점" in lee.text:
        await lee.tap("안 써요")
    await lee.tap("주문하기")
    assert "입금하실 곳: 농협 123-45-678901 (예금주 행복농원)" in lee.text


@pytest.mark.parametrize(
    ("line", "logged"),
    [
        ("pay to 123-45-678901 now", "pay to 123-45-****** now"),
        ("3333-01-1234567", "3333-0*-*******"),
        ("call 010-1234-5678", "call 010-****-****"),  # a mobile number stays a phone's mask
        ("on 2026-12-06, order 42", "on 2026-12-06, order 42"),  # dates and ids left alone
    ],
)
def test_the_log_redactor_masks_account_numbers(line, logged):
    import logging

    from bot.logs import Redactor

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s", (line,), None)
    Redactor([]).filter(record)
    assert record.getMessage() == logged


async def test_a_group_buy_share_by_transfer_shows_where_to_pay_once_it_succeeds(
    services, world, clock
):
    from bot.scheduler import JobRunner
    from tests.support.jobs import drain

    _, kim_chat, farm, _, product_id = world
    await bank_account(services, farm)
    await group_buy(services, farm, product_id, minimum=2, hours=30)
    for label in ("알뜰쇼핑", "공동구매", "1번 보기", "참여하기", "2개", "통장 입금"):
        await kim_chat.tap(label)
    if "몇 점" in kim_chat.text:
        await kim_chat.tap("안 써요")
    await kim_chat.tap("참여하기")
    assert "성사되면 '내 주문'에서 입금하실 곳을 볼 수 있어요" in kim_chat.text
    await kim_chat.say("처음으로")
    for label in ("알뜰쇼핑", "내 주문"):
        await kim_chat.tap(label)
    assert "입금하실 곳" not in kim_chat.text  # not before the group buy succeeds
    clock.advance(hours=32)
    await drain(JobRunner(services, services.jobs))
    await kim_chat.say("처음으로")
    for label in ("알뜰쇼핑", "내 주문"):
        await kim_chat.tap(label)
    assert "입금하실 곳: 농협 123-45-678901 (예금주 홍길동) · 18,000원" in kim_chat.text

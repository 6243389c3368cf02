"""One vendor, many complexes on every channel (web chat, KakaoTalk, Telegram): the farm shop
asks to serve NEAR, NEAR's coordinator is told, opens 코디네이터 → 입점 신청 and approves; the
vendor is told, and NEAR's resident then finds the shop's products. Two coordinators deciding
at once decide once, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest

from core.shop import serving
from tests.shop.test_concurrency import attempt
from tests.support.shop import member, outbox_keys
from tests.support.vendors import ask, status, world


async def test_near_coordinator_approves_in_chat(person, services, engine, demo):
    w = await world(engine, services, demo)
    serving_id = await ask(services, w.shop_id, pickup="201동 앞")
    near_coord = await member(services, "near-coord")
    assert any(
        k.startswith(f"shop:serve:{serving_id}:")
        for k in await outbox_keys(services, near_coord.resident_id)
    )
    await person.start(w.near["관리동-200"])
    await person.tap("코디네이터")
    while "입점 신청" not in person.labels:  # the menu pages with 더보기
        await person.tap("더보기")
    await person.tap("입점 신청")
    assert "[입점 신청] 1건" in person.text and "받는 곳: 201동 앞" in person.text
    await person.tap("행복농원 승인")
    assert "이제 우리 단지에서도 팔아요" in person.text
    assert await status(services, serving_id) == "approved"
    keys = await outbox_keys(services, w.farm.resident_id)
    assert any(k.startswith(f"shop:serve:{serving_id}:approved") for k in keys)

    choi = w.chats["choi"]
    for label in ("알뜰쇼핑", "가게별 상품", "로컬푸드"):
        await choi.tap(label)
    assert "햇사과" in choi.text


@pytest.mark.both_dbs
async def test_two_coordinators_deciding_at_once_decide_once(engine, services, demo):
    w = await world(engine, services, demo)
    serving_id = await ask(services, w.shop_id)
    near_coord = await member(services, "near-coord")

    async def decide(approve: bool) -> str:
        return await attempt(
            services,
            lambda uow: serving.decide(
                uow, services.clock, near_coord, serving_id, approve=approve
            ),
        )

    results = await asyncio.gather(decide(True), decide(False), decide(True), decide(False))
    assert results.count("ok") == 1 and results.count("shop.already_decided") == 3
    won = results.index("ok")  # even: an approval, odd: a refusal
    assert await status(services, serving_id) == ("approved" if won % 2 == 0 else "refused")

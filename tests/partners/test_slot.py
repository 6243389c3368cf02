"""오늘의 추천, the promotion slot on 알뜰쇼핑: a coordinator puts an open partner offer (or a
기획전) there for 7 days in chat; residents see it first and claim from it; when it ends the
entry disappears; residents cannot assign it, and another complex's offer looks missing."""

from __future__ import annotations

import pytest

from core.errors import DomainError
from core.partners.slots import assign_slot
from tests.support.defects import verified
from tests.support.partners import member, offer, other_complex, partner_chat


async def test_the_coordinator_assigns_the_slot_and_residents_see_it(
    engine, services, demo, clock
):
    await partner_chat(engine, services)
    await offer(services, await member(services, "salon"))
    coord = await verified(engine, demo["관리동-100"], "coord")
    kim = await verified(engine, demo["101-1203"], "kim")
    await kim.tap("알뜰쇼핑")
    assert "오늘의 추천" not in kim.labels
    await coord.tap("코디네이터")
    while "알뜰쇼핑 추천 자리" not in coord.labels:
        await coord.tap("더보기")
    await coord.tap("알뜰쇼핑 추천 자리")
    await coord.tap("동네 미용실 · 첫 방문 커트 할인")
    assert "7일 동안 보여 드려요" in coord.text
    await kim.say("처음으로")
    await kim.tap("알뜰쇼핑")
    await kim.tap("오늘의 추천")
    assert "[오늘의 추천]" in kim.text
    await kim.tap("쿠폰 받기")
    assert "쿠폰을 받았어요!" in kim.text
    clock.advance(days=8)
    await kim.say("처음으로")
    await kim.tap("알뜰쇼핑")
    assert "오늘의 추천" not in kim.labels


async def test_residents_cannot_assign_and_foreign_offers_look_missing(engine, services, demo):
    await other_complex(services)
    await partner_chat(engine, services, "far", "OTHER", "먼 미용실")
    far_offer = await offer(services, await member(services, "far"))
    await verified(engine, demo["관리동-100"], "coord")
    await verified(engine, demo["101-1203"], "kim")
    coord, kim = await member(services, "coord"), await member(services, "kim")
    for who, kw, code in (
        (kim, {"offer_id": far_offer}, "forbidden"),
        (coord, {"offer_id": far_offer}, "not_found"),
        (coord, {"exhibition_id": 999}, "not_found"),
        (coord, {}, "partners.bad_slot"),
    ):
        async with services.uow() as uow:
            with pytest.raises(DomainError) as refused:
                await assign_slot(uow, services.clock, who, **kw)
        assert refused.value.code == code

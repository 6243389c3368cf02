"""내 글 → 글 고치기: the poster changes the title, when, where and price of a care listing
with the posting limits (too long or a bad amount: the same question again, nothing changed);
a carpool only changes its details; another resident cannot edit it."""

from __future__ import annotations

import pytest

from core.errors import InvalidInput, NotFound
from core.share.listings import edit_listing
from tests.share.test_listings import post_care
from tests.support.share import listing_row, member, post_ride, verified


async def edit(chat, field: str) -> None:
    await chat.say("처음으로")
    for label in ("공유마켓", "내 글", "자세히 보기", "글 고치기"):
        await chat.tap(label)
    assert "무엇을 고칠까요?" in chat.text
    await chat.tap(field)


async def test_the_poster_edits_title_when_where_and_price(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_care(kim)
    await edit(kim, "제목")
    await kim.say("제" * 51)
    assert "50자까지 적을 수 있어요" in kim.text and "새 제목" in kim.text
    await kim.say("주말 아이 돌봐 드려요")
    assert "글을 고쳤어요" in kim.text
    await edit(kim, "언제")
    await kim.say("토요일 오전 10시~12시")
    await edit(kim, "어디")
    await kim.say("어" * 51)
    assert "50자까지" in kim.text
    await kim.say("놀이터")
    await edit(kim, "비용")
    await kim.say("만원")
    assert "금액은 1원부터" in kim.text
    await kim.tap("무료")
    await kim.tap("글 보기")
    row = await listing_row(services)
    assert row["title"] == "주말 아이 돌봐 드려요" and row["when_text"] == "토요일 오전 10시~12시"
    assert row["place"] == "놀이터" and row["price"] == 0
    assert "주말 아이 돌봐 드려요" in kim.text


async def test_a_carpool_changes_only_its_details(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim)
    await kim.say("처음으로")
    for label in ("공유마켓", "내 글", "자세히 보기", "글 고치기"):
        await kim.tap(label)
    assert "새 내용을 적어 주세요" in kim.text
    await kim.say("트렁크에 짐 실을 수 있어요")
    assert "글을 고쳤어요" in kim.text
    row = await listing_row(services)
    assert row["details"] == "트렁크에 짐 실을 수 있어요"
    driver = await member(services, "kim")
    async with services.uow() as uow:
        with pytest.raises(InvalidInput):
            await edit_listing(uow, services.clock, driver, row["id"], "price", 5000)
        with pytest.raises(InvalidInput):
            await edit_listing(uow, services.clock, driver, row["id"], "seats", 6)


async def test_only_the_poster_edits(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_care(kim)
    await verified(engine, demo["102-304"], "lee")
    lee = await member(services, "lee")
    async with services.uow() as uow:
        with pytest.raises(NotFound):
            await edit_listing(uow, services.clock, lee, 1, "title", "남의 글")
        with pytest.raises(NotFound):
            await edit_listing(uow, services.clock, lee, 999, "title", "없는 글")
    assert (await listing_row(services))["title"] == "방과 후 아이 돌봐 드려요"

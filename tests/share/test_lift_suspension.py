"""코디네이터 → 글쓰기 정지 풀기: the suspended resident is listed as "101동 이웃" with the
reason, 정지 풀기 acts once, is audited, and the resident is told and may post again; a
resident never suspended, an unknown id, or a non-coordinator changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.errors import DomainError, NotFound
from core.share import moderation
from core.share.listings import require_can_post
from storage import tables
from tests.share.test_listings import post_care
from tests.support.share import member, outbox_texts, verified


async def open_list(coord) -> None:
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    while "글쓰기 정지 풀기" not in coord.labels:  # the menu pages with 더보기
        await coord.tap("더보기")
    await coord.tap("글쓰기 정지 풀기")


async def test_a_coordinator_lifts_a_suspension(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    coord = await verified(engine, demo["관리동-100"], "coord")
    await open_list(coord)
    assert "글쓰기가 정지된 이웃이 없어요" in coord.text
    await post_care(kim)
    boss, kim_m = await member(services, "coord"), await member(services, "kim")
    async with services.uow() as uow:
        await moderation.suspend_poster(uow, services.clock, boss, 1, "광고 글")
        await uow.commit()
    await open_list(coord)
    assert "101동 이웃" in coord.text and "까닭: 광고 글" in coord.text
    assert "1203" not in coord.text
    token = coord.button("정지 풀기").token
    first = await coord.tap_token(token)
    assert "101동 이웃의 글쓰기 정지를 풀었어요" in coord.text
    assert "글쓰기가 정지된 이웃이 없어요" in coord.text
    again = await coord.tap_token(token)
    assert again.duplicate and again.screens == first.screens

    async with services.uow() as uow:
        await require_can_post(uow, kim_m)  # may post again
        a = tables.audit_log.c
        actions = list(await uow.session.scalars(select(a.action).order_by(a.id)))
    assert actions.count("share.lift") == 1
    assert any("정지를 풀었어요" in t for t in await outbox_texts(services, kim_m.resident_id))


async def test_lifting_someone_not_suspended_or_unknown_changes_nothing(engine, services, demo):
    await verified(engine, demo["101-1203"], "kim")
    await verified(engine, demo["관리동-100"], "coord")
    boss, kim = await member(services, "coord"), await member(services, "kim")
    async with services.uow() as uow:
        with pytest.raises(NotFound):  # no standing at all
            await moderation.lift_suspension(uow, services.clock, boss, kim.resident_id)
        with pytest.raises(NotFound):
            await moderation.lift_suspension(uow, services.clock, boss, 999_999)
        with pytest.raises(DomainError):  # a resident cannot lift anything
            await moderation.lift_suspension(uow, services.clock, kim, kim.resident_id)

"""A refusal that leaves a person with no way forward offers 도움 요청 on its screen: locked
out of link codes after wrong ones (a dialog), a coordinator button that no longer works
after the role was taken away (a handler); an ordinary refusal does not."""

from __future__ import annotations

from sqlalchemy import update

from storage import tables
from tests.helpdesk.helpers import coordinator, open_queue, resident_asks
from tests.support.chat import Chat


async def test_locked_out_of_link_codes_is_offered_a_person(engine):
    chat = Chat(engine, user="newcomer")
    await chat.say("안녕")
    await chat.tap("연결 코드 입력")
    for _ in range(5):
        await chat.say("2222-3333")
    assert "도움 요청" not in [b.label for b in chat.screen.choices]
    await chat.say("2222-3333")
    assert "여러 번 틀려서 잠시 막혔어요" in chat.text
    await chat.tap("도움 요청")
    assert "어느 단지에 사시나요?" in chat.text


async def test_a_refused_coordinator_button_offers_a_person(engine, services, demo):
    coord = await coordinator(engine, demo)
    await resident_asks(engine, demo, "kim", "보일러가 안 켜져요")
    await open_queue(coord)
    await coord.tap("대기 중 (1)")
    await coord.tap("열기")
    async with services.uow() as uow:  # the coordinator role is taken away meanwhile
        await uow.session.execute(
            update(tables.role_grants)
            .where(tables.role_grants.c.role == "coordinator")
            .values(revoked_at=services.clock.now())
        )
        await uow.commit()
    await coord.tap("제가 맡을게요")
    assert "이 기능은 사용할 수 없어요" in coord.text
    assert "도움 요청" in coord.labels


async def test_an_ordinary_refusal_offers_no_extra_button(engine, services, demo):
    chat = await resident_asks(engine, demo, "kim", "보일러가 안 켜져요")
    await chat.say("가" * 1001)
    assert "1000자까지" in chat.text
    assert "도움 요청" not in chat.labels

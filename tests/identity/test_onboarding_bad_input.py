"""Bad input during onboarding gets a clear, polite Korean answer and changes nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from storage import tables
from tests.support.chat import Chat


async def _count(services, table) -> int:
    async with services.uow() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(table)))


async def _at_code_step(engine) -> Chat:
    chat = Chat(engine)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    return chat


async def test_text_that_cannot_be_a_code_is_explained_and_not_counted(engine, demo, services):
    chat = await _at_code_step(engine)
    await chat.say("잘 모르겠어요")
    assert "초대코드는 글자 10개예요" in chat.text
    assert await _count(services, tables.rate_events) == 0
    assert "이전" not in chat.labels and "처음으로" in chat.labels


async def test_a_wrong_code_says_how_many_tries_are_left_and_creates_nothing(
    engine, demo, services
):
    chat = await _at_code_step(engine)
    await chat.say("AAAAA-BBBBB")
    assert "맞지 않는 코드예요" in chat.text and "남은 횟수 4번" in chat.text
    assert await _count(services, tables.role_grants) == 0
    assert await _count(services, tables.households) == 4  # only the demo's


async def test_five_wrong_codes_make_the_person_wait_ten_minutes(engine, demo, clock):
    chat = await _at_code_step(engine)
    for _ in range(5):
        await chat.say("AAAAA-BBBBB")
    await chat.say(demo["101-1203"])
    assert "10분 뒤에 다시" in chat.text
    assert "확인했어요" not in chat.text
    clock.advance(minutes=11)
    await chat.say(demo["101-1203"])
    assert "101동 1203호로 확인했어요" in chat.text
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)


async def test_an_expired_code_says_it_expired_and_whom_to_ask(engine, demo, clock):
    clock.advance(days=366)
    chat = await _at_code_step(engine)
    await chat.say(demo["102-304"])
    assert "기한이 지난 초대코드예요" in chat.text and "코디네이터" in chat.text


async def test_a_used_up_code_says_so(engine, services, clock):
    from core.identity.admin import add_complex, issue_invite

    async with services.uow() as uow:
        await add_complex(uow, "TINY", "작은단지")
        issued = await issue_invite(
            uow, clock, services.invite_key, complex_code="TINY", building="1", unit="1", uses=1
        )
        await uow.commit()
    first = await _at_code_step(engine)
    await first.say(issued.display)
    assert "1동 1호로 확인했어요" in first.text
    await first.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    second = Chat(engine, user="second")
    await second.say("안녕")
    await second.tap("초대코드 입력")
    await second.say(issued.display)
    assert "이미 정해진 인원이 모두 쓴 초대코드예요" in second.text


async def test_a_forged_button_token_is_refused_politely(engine, demo):
    chat = Chat(engine)
    await chat.say("안녕")
    await chat.tap_token("forged-token-123")
    assert "이 버튼은 더 이상 사용할 수 없어요" in chat.text
    assert "초대코드 입력" in chat.labels


async def test_another_persons_button_does_not_work_for_me(engine, demo):
    kim, lee = Chat(engine, user="kim"), Chat(engine, user="lee")
    await kim.say("안녕")
    await lee.say("안녕")
    await lee.tap_token(kim.button("초대코드 입력").token)
    assert "이 버튼은 더 이상 사용할 수 없어요" in lee.text


async def test_unverified_people_cannot_open_sections_by_typing(engine, demo):
    chat = Chat(engine)
    await chat.say("안녕")
    await chat.say("포인트")  # understood (내 포인트), and refused with the reason
    assert "먼저 초대코드로 우리 집 확인을 해 주세요" in chat.text
    assert "원" not in chat.text
    assert chat.labels == ["초대코드 입력", "연결 코드 입력", "도움말", "도움 요청"]


async def test_a_very_long_text_is_answered_not_crashed(engine, demo):
    chat = await _at_code_step(engine)
    await chat.say("가" * 5000)
    assert "초대코드는 글자 10개예요" in chat.text


async def test_a_redelivered_message_changes_nothing_and_repeats_the_answer(engine, demo):
    chat = Chat(engine)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    first = await chat._send(text=demo["101-1203"], delivery_key="tg:777")
    again = await chat._send(text=demo["101-1203"], delivery_key="tg:777")
    assert again.duplicate and not first.duplicate
    assert again.screens[0].text == first.screens[0].text


async def test_a_deep_link_start_with_the_code_verifies_at_once(engine, demo):
    chat = Chat(engine)
    await chat.command("start", demo["103-1501"].replace("-", ""))
    assert "103동 1501호로 확인했어요" in chat.text
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)


async def test_an_abandoned_dialog_returns_home_with_a_note(engine, demo, clock):
    chat = await _at_code_step(engine)
    clock.advance(hours=25)
    await chat.say(demo["101-1203"])
    assert "오랫동안 답이 없어서" in chat.text
    assert "확인했어요" not in chat.text
    assert "초대코드 입력" in chat.labels

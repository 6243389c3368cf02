"""다른 메신저 연결: a code from one chat links another chat to the same person."""

from __future__ import annotations

import re

from bot.screens import Channel
from tests.support.chat import Chat

CODE = re.compile(r"연결 코드: ([0-9A-Z]{4}-[0-9A-Z]{4})")


async def verified(engine, demo, key="101-1203", user="kim", channel=Channel.TELEGRAM) -> Chat:
    chat = Chat(engine, user=user, channel=channel)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(demo[key])
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    return chat


async def link_code(chat: Chat) -> str:
    await chat.tap("도움말")
    await chat.tap("다른 메신저 연결")
    assert "10분 안에" in chat.text
    return CODE.search(chat.text).group(1)


async def household(chat: Chat) -> str:
    await chat.say("처음으로")
    await chat.tap("우리단지")
    await chat.tap("우리 집 정보")
    return chat.text


async def test_a_code_from_telegram_links_the_web_chat_to_the_same_household(engine, demo):
    telegram = await verified(engine, demo)
    code = await link_code(telegram)
    web = Chat(engine, user="browser-1", channel=Channel.WEB)
    await web.say("")
    assert "연결 코드 입력" in web.labels
    await web.tap("연결 코드 입력")
    assert "연결 코드를 입력해 주세요" in web.text
    await web.say(code.lower().replace("-", " "))
    assert "연결되었어요" in web.text
    assert "무엇을 도와드릴까요" in web.text
    for chat in (telegram, web):
        text = await household(chat)
        assert "101동 1203호" in text and "가족: 1명" in text  # one person, not two
    await web.say("도움말")
    await web.tap("연결된 메신저")
    assert "텔레그램" in web.text and "웹 (지금 쓰는 메신저)" in web.text
    assert "browser-1" not in web.text and "kim" not in web.text


async def test_telegram_start_with_a_link_code_links_that_chat(engine, demo):
    web = await verified(engine, demo, channel=Channel.WEB, user="browser-2")
    code = await link_code(web)
    telegram = Chat(engine, user="tg-2", channel=Channel.TELEGRAM)
    await telegram.command("start", code)
    assert "연결되었어요" in telegram.text
    assert "101동 1203호" in await household(telegram)


async def test_the_same_language_and_dialogs_follow_the_link(engine, demo):
    telegram = await verified(engine, demo)
    await telegram.tap("도움말")
    await telegram.tap("언어 Language")
    await telegram.tap("English")
    await telegram.tap("Link app")
    code = CODE.search(telegram.text) or re.search(r"Link code: (\S{4}-\S{4})", telegram.text)
    web = Chat(engine, user="browser-3", channel=Channel.WEB)
    await web.say("")
    await web.tap("연결 코드 입력")
    await web.say(code.group(1))
    assert web.reply.locale == "en"
    assert "Linked!" in web.text


async def test_a_wrong_or_expired_code_says_so_and_changes_nothing(engine, demo, services, clock):
    telegram = await verified(engine, demo)
    code = await link_code(telegram)
    web = Chat(engine, user="browser-4", channel=Channel.WEB)
    await web.say("")
    await web.tap("연결 코드 입력")
    await web.say("ZZZZ-ZZZZ")
    assert "맞지 않는 연결 코드예요" in web.text and "남은 횟수 4번" in web.text
    await web.say("K7XMP-4QRTW")
    assert "연결 코드는 글자 8개예요" in web.text
    clock.advance(minutes=11)
    await web.say(code)
    assert "기한이 지난 연결 코드예요" in web.text
    await web.tap("처음으로")
    assert "초대코드 입력" in web.labels  # still a newcomer
    await web.tap("도움말")
    await web.tap("연결된 메신저")
    assert "지금은 이 메신저 하나만 연결되어 있어요" in web.text
    assert "텔레그램" not in web.text


async def test_a_code_works_once_and_not_on_the_chat_that_made_it(engine, demo):
    telegram = await verified(engine, demo)
    code = await link_code(telegram)
    await telegram.tap("처음으로")
    await telegram.tap("도움말")
    await telegram.tap("연결 코드 입력")
    await telegram.say(code)
    assert "이미 연결되어 있어요" in telegram.text
    web = Chat(engine, user="browser-5", channel=Channel.WEB)
    await web.say("")
    await web.tap("연결 코드 입력")
    await web.say(code)
    assert "연결되었어요" in web.text
    kakao = Chat(engine, user="kakao-5", channel=Channel.KAKAO)
    await kakao.say("")
    await kakao.tap("연결 코드 입력")
    await kakao.say(code)
    assert "이미 쓴 연결 코드예요" in kakao.text


async def test_unlinking_another_messenger_makes_it_start_over(engine, demo):
    telegram = await verified(engine, demo)
    code = await link_code(telegram)
    web = Chat(engine, user="browser-6", channel=Channel.WEB)
    await web.say("")
    await web.tap("연결 코드 입력")
    await web.say(code)
    await telegram.tap("처음으로")
    await telegram.tap("도움말")
    await telegram.tap("연결된 메신저")
    assert "텔레그램 (지금 쓰는 메신저)" in telegram.text
    assert telegram.labels[0] == "웹"  # only the other one can be unlinked
    await telegram.tap("웹")
    assert "웹 연결을 끊을까요?" in telegram.text
    await telegram.tap("연결 끊기")
    assert "웹 연결을 끊었어요" in telegram.text
    assert "지금은 이 메신저 하나만 연결되어 있어요" in telegram.text
    await web.say("처음으로")
    assert "초대코드 입력" in web.labels  # a fresh start
    assert "101동 1203호" in await household(telegram)


async def test_an_account_verified_in_another_household_cannot_be_linked(engine, demo):
    telegram = await verified(engine, demo)
    code = await link_code(telegram)
    neighbour = await verified(engine, demo, key="102-304", user="lee", channel=Channel.WEB)
    await neighbour.tap("도움말")
    await neighbour.tap("연결 코드 입력")
    await neighbour.say(code)
    assert "이미 다른 세대로 확인되어 있어서 연결할 수 없어요" in neighbour.text
    assert "102동 304호" in await household(neighbour)

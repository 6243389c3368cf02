"""The same journeys on every channel: the web chat (HTTP JSON), KakaoTalk (skill requests in
Kakao's format, every answer validated against Kakao's limits) and Telegram (the real bot
polling the local fake Bot API server)."""

from __future__ import annotations

HOME = ["공유마켓", "알뜰쇼핑", "우리단지", "포인트", "도움말", "쉬운 모드 켜기", "도움 요청"]


async def test_onboarding_with_an_invite_code_reaches_the_home_menu(person, demo):
    await person.start()
    assert "내친구" in person.text
    assert "초대코드 입력" in person.labels
    await person.tap("초대코드 입력")
    assert "초대코드를 입력해 주세요" in person.text
    await person.say("AAAAA-BBBBB")
    assert "맞지 않는 코드예요" in person.text
    await person.say(demo["101-1203"])
    assert "101동 1203호로 확인했어요" in person.text
    assert person.labels == ["네", "아니요"]  # 글씨와 버튼을 크고 쉽게 할까요?
    await person.tap("아니요")
    assert person.labels == HOME


async def test_help_easy_mode_and_back_home(person, demo):
    await person.start(demo["102-304"])
    assert "102동 304호로 확인했어요" in person.signup
    await person.tap("도움말")
    assert "[도움말]" in person.text
    await person.tap("쉬운 모드 켜기")
    assert "쉬운 모드를 켰어요" in person.text
    await person.tap("처음으로")
    assert "무엇을 할까요?" in person.text  # the plainer greeting of 쉬운 모드
    assert person.labels[:4] == HOME[:4]  # 4 choices, then 도움말, 쉬운 모드 끄기, 도움 요청
    assert person.labels[4:] == ["도움말", "쉬운 모드 끄기", "도움 요청"]


async def test_typed_labels_and_unknown_text(person, demo):
    await person.start(demo["103-1501"])
    await person.say("우리단지")
    assert "[우리단지]" in person.text
    await person.say("zzz qqq")
    assert "잘 알아듣지 못했어요" in person.text
    assert "처음으로" in person.labels


async def test_language_change_to_english_and_back(person, demo):
    await person.start(demo["101-1203"])
    await person.tap("도움말")
    await person.tap("언어 Language")
    await person.tap("English")
    assert "I'll show everything in English" in person.text
    assert "Home" in person.labels
    await person.tap("언어 Language")
    await person.tap("한국어")
    assert "이제 한국어로 보여 드릴게요" in person.text
    assert "처음으로" in person.labels

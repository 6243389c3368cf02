"""Never a dead end: 처음으로, 이전, 취소, 도움말 everywhere; 쉬운 모드 and languages."""

from __future__ import annotations

from tests.support.chat import Chat


async def verified(engine, demo, key="101-1203", user="kim") -> Chat:
    chat = Chat(engine, user=user)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(demo[key])
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    return chat


async def test_typed_button_labels_work_with_any_spacing_and_case(engine, demo):
    chat = await verified(engine, demo)
    await chat.say("  우 리 단 지 ")
    assert "[우리단지]" in chat.text
    await chat.say("우리 집 정보")
    assert "101동 1203호" in chat.text and "1명" in chat.text


async def test_back_and_home_always_lead_somewhere(engine, demo):
    chat = await verified(engine, demo)
    await chat.tap("우리단지")
    await chat.tap("우리 집 정보")
    await chat.tap("이전")
    assert "[우리단지]" in chat.text
    await chat.tap("처음으로")
    assert "무엇을 도와드릴까요" in chat.text


async def test_cancel_typed_inside_a_dialog_stops_it_and_goes_home(engine, demo):
    chat = Chat(engine)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say("취소")
    assert "하던 일을 취소했어요" in chat.text
    assert "초대코드 입력" in chat.labels


async def test_unknown_text_gets_help_with_the_current_buttons(engine, demo):
    chat = await verified(engine, demo)
    await chat.say("오늘 날씨 어때")
    assert "잘 알아듣지 못했어요" in chat.text
    assert "공유마켓" in chat.labels


async def test_easy_mode_shows_at_most_four_choices_and_more_behind_a_button(engine, demo):
    chat = await verified(engine, demo, key="관리동-100", user="coord")
    await chat.tap("도움말")
    await chat.tap("쉬운 모드 켜기")
    assert "쉬운 모드를 켰어요" in chat.text
    assert chat.reply.easy_mode
    await chat.tap("처음으로")
    choices = [b.label for b in chat.screen.choices]
    assert len(choices) == 4
    assert "더보기" in chat.labels
    # 도움말, 도움 요청 and 쉬운 모드 끄기 are never behind 더보기 in 쉬운 모드
    assert {"도움말", "도움 요청", "쉬운 모드 끄기"} <= set(chat.labels)
    await chat.tap("더보기")
    assert [b.label for b in chat.screen.choices] == ["코디네이터"]


async def test_language_can_be_changed_to_english_and_back(engine, demo):
    chat = await verified(engine, demo)
    await chat.tap("도움말")
    await chat.tap("언어 Language")
    await chat.tap("English")
    assert chat.reply.locale == "en"
    assert "I'll show everything in English" in chat.text
    await chat.tap(chat.screen.choices[1].label)  # the language button, whatever its language
    await chat.tap("한국어")
    assert chat.reply.locale == "ko"
    assert "이제 한국어로 보여 드릴게요" in chat.text


async def test_a_coordinator_sees_the_coordinator_menu_and_a_resident_does_not(engine, demo):
    resident = await verified(engine, demo)
    assert "코디네이터" not in resident.labels
    coordinator = await verified(engine, demo, key="관리동-100", user="coord")
    assert "코디네이터 권한도 받았어요" in coordinator.history[-2].screens[-1].notices[0]
    assert "코디네이터" in coordinator.labels


async def test_a_coordinator_issues_an_invite_code_that_a_new_family_can_use(engine, demo):
    coordinator = await verified(engine, demo, key="관리동-100", user="coord")
    await coordinator.tap("코디네이터")
    await coordinator.tap("더보기")  # (rarely needed in chat since the desk issues letters)
    await coordinator.tap("초대코드 만들기")
    await coordinator.say("105동")
    await coordinator.tap("이전")
    assert "몇 동인가요" in coordinator.text
    await coordinator.say("105")
    await coordinator.say("호수 모름!")
    assert "숫자나 글자 10자 이내" in coordinator.text
    await coordinator.say("702")
    await coordinator.tap("2명")
    assert "105동 702호 초대코드를 만들었어요" in coordinator.text
    code = next(line for line in coordinator.text.splitlines() if "-" in line and len(line) == 11)
    family = Chat(engine, user="family")
    await family.command("start", code)
    assert "105동 702호로 확인했어요" in family.text
    await family.tap("아니요")  # 쉬운 모드? (asked once after sign-up)


async def test_a_resident_cannot_use_a_coordinator_button_even_with_its_token(engine, demo):
    coordinator = await verified(engine, demo, key="관리동-100", user="coord")
    resident = await verified(engine, demo)
    await resident.tap_token(coordinator.button("코디네이터").token)
    assert "이 버튼은 더 이상 사용할 수 없어요" in resident.text

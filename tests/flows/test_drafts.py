"""Drafts, not losses: leaving 카풀 올리기 after more than two answers (처음으로, a timeout)
keeps a draft that home and the next visit offer (이어서 하기 / 새로 쓰기), resumed at the
question where it was left with the answers kept; drafts expire after 7 days; an explicit
취소 or two answers keep nothing. On KakaoTalk, the web chat and Telegram."""

from __future__ import annotations

from tests.support.defects import verified


def labels(person) -> list[str]:
    """The buttons shown (on Telegram: of every message, since the question is edited in
    place and a notification may have come after it)."""
    if getattr(person, "name", "") != "telegram":
        return person.labels
    messages = person.srv.messages(person.chat_id)
    return [label for m in reversed(messages) for row in m["buttons"] for label in row]


async def start_post(person) -> None:
    for label in ("공유마켓", "카풀", "글 올리기", "태워 드려요 (해드려요)"):
        await person.tap(label)
    if "직접 고르기" in labels(person):  # the quick picks (the full demo has some)
        await person.tap("직접 고르기")


async def write_half(person) -> None:
    """Three or four answers: 해드려요, (직접 고르기,) 단지 정문, 동탄역; now at 언제?"""
    await start_post(person)
    await person.tap("단지 정문")
    await person.tap("동탄역")
    assert "언제 출발하나요?" in person.text


async def test_home_keeps_a_draft_and_it_resumes_where_it_was_left(resident):
    await write_half(resident)
    await resident.tap("처음으로")
    assert "하던 일을 취소했어요" not in resident.text
    assert "임시로 저장했어요" in resident.text and "이어서 하기" in resident.labels
    await resident.tap("이어서 하기")
    assert "언제 출발하나요?" in resident.text  # the question where it was left
    await resident.tap("내일 오전 8시")
    await resident.tap("2명")
    await resident.tap("무료")
    await resident.tap("한 번만")
    await resident.tap("건너뛰기")
    assert "단지 정문 → 동탄역" in resident.text  # the answers were kept
    await resident.tap("올리기")
    assert "카풀을 올렸어요" in resident.text


async def test_the_next_visit_offers_the_draft_or_a_fresh_start(resident):
    await write_half(resident)
    await resident.tap("처음으로")
    for label in ("공유마켓", "카풀", "글 올리기"):
        await resident.tap(label)
    assert "쓰던 글이 있어요. 이어서 할까요?" in resident.text
    assert {"이어서 하기", "새로 쓰기"} <= set(resident.labels)
    await resident.tap("새로 쓰기")
    assert "운전해서 태워 드리나요" in resident.text  # the first question: a fresh start
    await resident.tap("처음으로")
    assert "이어서 하기" not in resident.labels  # the draft was dropped, nothing new kept


async def test_a_draft_expires_after_seven_days(resident, clock):
    await write_half(resident)
    await resident.tap("처음으로")
    clock.advance(days=8)
    await resident.say("처음으로")  # (the buttons of 8 days ago no longer work)
    assert "이어서 하기" not in resident.labels
    await resident.tap("공유마켓")
    await resident.tap("카풀")
    await resident.tap("글 올리기")
    assert "쓰던 글이" not in resident.text and "운전해서 태워 드리나요" in resident.text


async def test_a_timeout_keeps_the_draft(engine, demo, clock):
    kim = await verified(engine, demo["101-1203"], "kim")
    await write_half(kim)
    clock.advance(hours=25)
    await kim.say("안녕하세요")
    assert "오랫동안 답이 없어서" in kim.text and "임시로 저장했어요" in kim.text
    await kim.tap("이어서 하기")
    assert "언제 출발하나요?" in kim.text


async def test_cancel_or_two_answers_keep_nothing(engine, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await write_half(kim)
    await kim.say("취소")
    assert "하던 일을 취소했어요" in kim.text and "이어서 하기" not in kim.labels
    await start_post(kim)
    await kim.tap("단지 정문")  # two answers
    await kim.tap("처음으로")
    assert "하던 일을 취소했어요" in kim.text and "이어서 하기" not in kim.labels


async def test_switching_to_another_task_keeps_the_draft(engine, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    shop = kim.button("알뜰쇼핑").token  # a home button still on an earlier message
    await write_half(kim)
    await kim.tap_token(shop)  # another task, from that earlier message
    assert "[알뜰쇼핑]" in kim.text
    await kim.tap("처음으로")
    assert "쓰던 글이 있어요. 이어서 할까요?" in kim.text
    await kim.tap("이어서 하기")
    assert "언제 출발하나요?" in kim.text

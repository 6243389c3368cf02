"""Phone numbers typed into listings and relay chats are masked when shown to others
("010-****-5678") with a hint to use the relay chat; their writer still sees them whole."""

from __future__ import annotations

import pytest

from core.privacy.phones import mask_phones
from tests.support.share import member, notice_token, outbox_texts, verified


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("010-1234-5678", "010-****-5678"),
        ("전화 01012345678 주세요", "전화 010-****-5678 주세요"),
        ("010 1234 5678", "010-****-5678"),
        ("011.234.5678", "011-****-5678"),
        ("번호는010-9876-5432이에요", "번호는010-****-5432이에요"),
    ],
)
def test_mobile_numbers_are_masked(typed, shown):
    assert mask_phones(typed) == type(mask_phones(""))(shown, True)


@pytest.mark.parametrize("text", ["10,000원", "0101234567890123", "101동 1203호", "02-123-4567"])
def test_other_digits_are_left_alone(text):
    assert mask_phones(text).text == text and not mask_phones(text).masked


async def test_listing_and_relay_message_masked_for_the_neighbour(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await kim.say("처음으로")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "글 올리기", "해드려요"):
        await kim.tap(label)
    await kim.say("아이 돌봐 드려요 010-1234-5678")
    await kim.tap("평일 낮")
    await kim.tap("우리 단지 안")
    await kim.say("7살 아이")
    await kim.say("10000")
    await kim.say("문자 주세요 01012345678")
    await kim.tap("올리기")
    lee = await verified(engine, demo["102-304"], "lee")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아"):
        await lee.tap(label)
    assert "010-****-5678" in lee.text and "1234" not in lee.text
    await lee.tap("자세히 보기")
    assert "문자 주세요 010-****-5678" in lee.text and "1234" not in lee.text
    assert "'연락하기'로 대화하면 번호 없이" in lee.text
    await lee.tap("연락하기")
    await lee.say("제 번호는 010-9876-5432 이에요")
    kim_id = (await member(services, "kim")).resident_id
    (note,) = [t for t in await outbox_texts(services, kim_id) if "공유마켓 대화" in t]
    assert "010-****-5432" in note and "9876" not in note
    assert "이 대화방에서 답장해 주세요" in note
    await kim.tap_token(await notice_token(services, kim_id, "답장하기"))
    await kim.say("처음으로")  # the poster reads their own listing whole
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "자세히 보기"):
        await kim.tap(label)
    assert "010-1234-5678" in kim.text

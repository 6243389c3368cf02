"""제휴상가 혜택, the journey on every channel (web chat, KakaoTalk, Telegram): the partner shop
publishes an offer in chat, a resident opens 알뜰쇼핑 → 동네 가게 혜택, claims a coupon (code +
QR), the shop redeems it in chat by the code, and the resident's points grow."""

from __future__ import annotations

import re

from tests.support.partners import coupons, partner_chat
from tests.support.points import balances


async def publish_in_chat(salon) -> None:
    await salon.say("처음으로")
    await salon.tap("우리 가게 혜택")
    await salon.tap("혜택 올리기")
    await salon.say("첫 방문 커트 할인")
    await salon.tap("10%")
    await salon.tap("조건 없어요")
    await salon.tap("14일")
    await salon.say("정문 앞 상가 1층")
    await salon.say("매일 10:00~20:00")
    await salon.tap("제한 없음")
    await salon.tap("1장")
    assert "[혜택 확인] 첫 방문 커트 할인" in salon.text
    await salon.tap("올리기")
    assert "올렸어요" in salon.text


async def test_claim_show_and_redeem_a_coupon(person, services, engine, demo):
    salon = await partner_chat(engine, services)
    await publish_in_chat(salon)
    await person.start(demo["101-1203"])
    await person.tap("알뜰쇼핑")
    await person.tap("동네 가게 혜택")
    assert "동네 미용실 · 첫 방문 커트 할인" in person.text
    await person.tap("쿠폰 받기")
    assert "쿠폰을 받았어요!" in person.text
    (row,) = await coupons(services)
    shown = re.search(r"쿠폰 번호: (\w{4}-\w{4})", person.text)
    assert shown and shown.group(1).replace("-", "") == row["code"]
    await person.say("처음으로")
    await person.tap("알뜰쇼핑")
    await person.tap("동네 가게 혜택")
    await person.tap("쿠폰 받기")
    assert "한 집에 1장까지" in person.text  # once per household
    await salon.say("처음으로")
    await salon.tap("우리 가게 혜택")
    await salon.tap("쿠폰 사용 처리")
    await salon.say("ZZZZ-ZZZZ")
    assert "맞는 쿠폰 번호가 아니에요" in salon.text
    await salon.say(shown.group(1))
    await salon.say("30,000")
    assert "할인: 3,000원" in salon.text and "받을 돈: 27,000원" in salon.text
    await salon.tap("사용 처리")
    assert "사용 처리했어요" in salon.text
    assert (await balances(services))[f"personal:{row['resident_id']}"] == 270
    await salon.tap("쿠폰 사용 처리")
    await salon.say(shown.group(1))
    assert "이미 사용한 쿠폰이에요" in salon.text
    await person.say("처음으로")
    await person.tap("알뜰쇼핑")
    await person.tap("동네 가게 혜택")
    await person.tap("내 쿠폰")
    assert "[내 쿠폰] 1장이에요." in person.text

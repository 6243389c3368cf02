"""Typed sentences reach 동네 가게 혜택 (intent "partners.offers"): "쿠폰", "할인 쿠폰 보여줘",
"동네 가게 혜택" — through the matcher with no screen around it, and typed at home on every
channel, where they open the complex's offers."""

from __future__ import annotations

import pytest

from bot.understand.matcher import Matcher
from bot.understand.morph import shared
from bot.understand.table import Table
from tests.support.partners import offer, partner_chat
from tests.support.shop import member
from tests.understand.evaluation import predict

SENTENCES = ("쿠폰", "할인 쿠폰 보여줘", "동네 가게 혜택")


@pytest.mark.parametrize(
    "text", [*SENTENCES, "쿠폰 받을래요", "동네 가게 할인 있나요", "제휴상가 혜택 뭐 있어요"]
)
def test_coupon_words_point_to_the_partner_offers(text):
    assert predict(Matcher(Table.load(), shared()), text) == ("partners.offers", None)


@pytest.mark.parametrize(
    ("text", "intent"),
    [("기획전", "shop.exhibitions"), ("세일", "shop.exhibitions"), ("가게 상품", "shop.browse")],
)
def test_the_neighbouring_shop_words_keep_their_places(text, intent):
    assert predict(Matcher(Table.load(), shared()), text)[0] == intent


async def test_typed_coupon_words_open_the_offers(person, services, engine, demo):
    await partner_chat(engine, services)
    await offer(services, await member(services, "salon"))
    await person.start(demo["101-1203"])
    for sentence in SENTENCES:
        await person.say("처음으로")
        await person.say(sentence)
        assert "동네 가게 혜택" in person.text and "갈게요" in person.text, person.text
        assert "[동네 가게 혜택] 1곳이에요." in person.text
        assert "동네 미용실 · 첫 방문 커트 할인" in person.text

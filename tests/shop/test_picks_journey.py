"""우체국쇼핑·바깥 상품 on every channel (web chat, KakaoTalk, Telegram): the resident opens
알뜰쇼핑 → 우체국쇼핑·바깥 상품 (or just types "우체국쇼핑") and sees cards with a price and a
link button to the outside shop — a KakaoTalk webLink, a Telegram URL button, a link in the
web chat — labelled as an outside shop; another complex's picks never show."""

from __future__ import annotations

from core.shop.pick_import import PickRow, import_picks
from core.shop.picks import PAGE

POST = "https://mall.epost.go.kr/boa/goods/goodsDetail.do?goodsNo="


async def seed(services, clock, code: str, titles: list[str], first: int = 1) -> None:
    rows = [
        PickRow(n, title, 10000 + n, f"{POST}{first + n}", "", "우체국쇼핑")
        for n, title in enumerate(titles, 1)
    ]
    async with services.uow() as uow:
        await import_picks(uow, clock, None, code, rows)
        await uow.commit()


def links(person) -> list[tuple[str, str]]:
    """(label, URL) of every link button in the last answer, as the channel sent it."""
    if person.name == "web":
        return [
            (b["label"], b["url"])
            for s in person.answer["screens"]
            for c in s["cards"]
            for b in c["buttons"]
            if b.get("url")
        ]
    if person.name == "kakao":
        found = []
        for output in person.answer["template"]["outputs"]:
            for kind, body in output.items():
                for card in body.get("items", []) if kind == "carousel" else [body]:
                    for b in card.get("buttons", []) if isinstance(card, dict) else []:
                        if b["action"] == "webLink":
                            found.append((b["label"], b["webLinkUrl"]))
        return found
    found = []
    for message in person.srv.messages(person.chat_id)[-12:]:
        for row in message["keyboard"]:
            found += [(b["text"], b["url"]) for b in row if "url" in b]
    return found


async def test_the_resident_follows_a_link_to_the_outside_shop(person, services, clock, demo):
    await seed(services, clock, "DEMO", ["청송 꿀사과 5kg", "완도 전복 1kg"])
    async with services.uow() as uow:
        from core.identity.admin import add_complex

        await add_complex(uow, "OTHER", "다른 단지")
        await uow.commit()
    await seed(services, clock, "OTHER", ["다른 단지 상품"], first=50)
    await person.start(demo["101-1203"])
    await person.tap("알뜰쇼핑")
    await person.tap("우체국쇼핑·바깥 상품")
    assert "바깥 쇼핑몰로 이동해요" in person.text
    assert "청송 꿀사과 5kg" in person.text and "완도 전복 1kg" in person.text
    assert "다른 단지 상품" not in person.text
    assert links(person)[-2:] == [
        ("쇼핑몰 가기", f"{POST}2"),
        ("쇼핑몰 가기", f"{POST}3"),
    ]
    await person.say("처음으로")
    await person.say("우체국쇼핑 보여줘")
    assert "청송 꿀사과 5kg" in person.text


async def test_many_picks_page_with_more_and_none_says_so(person, services, clock, demo):
    await person.start(demo["102-304"])
    await person.tap("알뜰쇼핑")
    await person.tap("우체국쇼핑·바깥 상품")
    assert "아직 골라 둔 바깥 상품이 없어요." in person.text
    await seed(services, clock, "DEMO", [f"상품 {n}" for n in range(1, PAGE + 3)])
    await person.say("처음으로")
    await person.tap("알뜰쇼핑")
    await person.tap("우체국쇼핑·바깥 상품")
    assert "상품 1" in person.text and f"상품 {PAGE + 1}" not in person.text
    await person.tap("상품 더보기")
    assert f"상품 {PAGE + 2}" in person.text
    assert links(person)[-1] == ("쇼핑몰 가기", f"{POST}{PAGE + 3}")

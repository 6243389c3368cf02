"""The demo's sample 공유마켓: a carpool, a childcare offer, a drill wanted and a stroller
given away with its photo (drawn at seed time), as a newcomer browses them."""

from __future__ import annotations

from bot.demo.seed import seed_demo
from tests.support.defects import verified


async def test_the_demo_goods_show_the_stroller_with_its_photo(engine, services):
    await seed_demo(services)
    from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code
    from core.identity.invites import display_code

    code = display_code(demo_code(services.invite_key, DEMO_HOUSEHOLDS[0]))
    kim = await verified(engine, code, "kim-demo")
    for label in ("공유마켓", "돌봄·나눔 보기", "물품 나눔·대여"):
        await kim.tap(label)
    titles = [c.title for c in kim.screen.cards]
    assert any("아기 유모차 나눠요" in t for t in titles)
    assert any("전동 드릴 하루 빌려요" in t for t in titles)
    (stroller,) = [c for c in kim.screen.cards if "유모차" in c.title]
    assert stroller.image_url and "/media/" in stroller.image_url
    path = services.media.resolve(stroller.image_url.rsplit("/", 1)[-1])
    assert path is not None and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

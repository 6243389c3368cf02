"""Sample 공유마켓 listings for the demo complex, made through the same use cases residents
use: a free carpool to 동탄역 tomorrow morning (103동), an after-school childcare offer and a
request for a drill (102동), a stroller given away with its photo (103동), and a carpool
김씨네 (101동) gave two days ago, home from 동탄역 at 6 pm, so that 카풀 올리기 offers
them "지난번처럼" and the complex's common route (the quick picks) at once. The posters
are demo accounts of their own, so the people trying the demo start with clean inboxes and
can ask for a seat or write to the posters."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.demo.pictures import stroller_png
from core.clock import FrozenClock
from core.share.carpool import NewRide, post_carpool
from core.share.listings import NewListing, post_listing
from core.share.ride_time import KST


async def seed_share(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    from bot.demo.defects import _member

    clock = services.clock
    tomorrow = clock.now().astimezone(KST).date() + timedelta(days=1)
    async with services.uow() as uow:
        park = await _member(uow, services, *households["103-1501"])
        lee = await _member(uow, services, *households["102-304"])
        departs = datetime.combine(tomorrow, time(8, 0), tzinfo=KST)
        ride = NewRide("offer", "단지 정문", "동탄역", departs, seats=3, details="출근길이에요")
        await post_carpool(uow, clock, park, ride)
        care = NewListing(
            "childcare",
            "offer",
            "방과 후 아이 돌봐 드려요",
            "평일 오후 3~6시",
            place="우리 단지 안",
            who="초등학생",
            details="두 아이를 키웠어요.",
        )
        await post_listing(uow, clock, lee, care)
        drill = NewListing(
            "goods", "request", "전동 드릴 하루 빌려요", "이번 주말", "우리 단지 안"
        )
        await post_listing(uow, clock, lee, drill)
        photo = await services.media.put(stroller_png(), "image/png")
        stroller = NewListing(
            "goods",
            "offer",
            "아기 유모차 나눠요",
            "이번 주 저녁 아무 때나",
            "103동 1층 현관",
            details="2년 썼어요. 바퀴 멀쩡하고 접혀요.",
            photo=photo,
        )
        await post_listing(uow, clock, park, stroller)
        kim = await _member(uow, services, *households["101-1203"])
        then = clock.now() - timedelta(days=3)  # posted then, for the next evening
        evening = then.astimezone(KST).date() + timedelta(days=1)
        home = datetime.combine(evening, time(18, 0), tzinfo=KST)
        past = NewRide("offer", "동탄역", "단지 정문", home, seats=2, details="퇴근길이에요")
        await post_carpool(uow, FrozenClock(then), kim, past)  # its closing job closes it
        await uow.commit()

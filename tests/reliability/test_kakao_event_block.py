"""KakaoTalk with the Event API: notifications are Screens there too. The push names the
person's outbox row (a signed reference in the user's `properties`, no personal data, within
the size the fake allows); Kakao runs the event block, which calls our skill with that
reference in `userRequest.user.properties`, and the skill answers with the notification's full
screen (text, buttons with their tokens) within the time budget and Kakao's limits. A tap on
one of those buttons works like any other (a vote option votes). A reference that is forged,
someone else's, unknown or already shown gets a polite note and changes nothing."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import aiohttp
import pytest

from bot.channels.kakao.limits import validate_skill_response
from bot.channels.kakao.protocol import EVENT_REF, parse_skill_payload
from bot.outbox.kakao_event import check_ref, event_ref_key, make_ref
from core.votes.ballots import NewVote, create_vote, household_choice
from tests.fakes.kakao_event_api import BOT_ID, FakeEventApi
from tests.reliability.outbox_helpers import add_people, notify, outbox_rows, running, wait_until
from tests.reliability.test_kakao_event_api import event_api, resident_of, settled
from tests.support.complex_life import member_of, run_jobs, verified
from tests.support.drivers import KakaoDriver, WebDriver

REF_SHAPE = re.compile(r"[0-9]+\.[A-Za-z0-9_-]{22}")
ALREADY = "이미 확인한 알림이에요."
REFUSED = "이 알림은 열 수 없어요."


async def event_block(person: KakaoDriver, ref: str | None) -> float:
    """What Kakao sends when the event block runs for this person: the reference merged into
    `userRequest.user.properties` (as the Event API request's per-user properties are).
    The answer is validated against Kakao's limits; returns how long it took (s)."""
    body = person.payload("")
    body["intent"] = {"id": "event-block", "name": "알림 이벤트 블록"}
    body["userRequest"]["block"] = {"id": "event-block", "name": "알림 이벤트 블록"}
    if ref is not None:
        body["userRequest"]["user"]["properties"][EVENT_REF] = ref
    started = time.monotonic()
    async with person.http.post(f"{person.base}/kakao/skill", json=body) as r:
        assert r.status == 200, await r.text()
        person.answer = await r.json()
    took = time.monotonic() - started
    problems = validate_skill_response(person.answer)
    assert not problems, problems
    return took


def pushes_to(fake: FakeEventApi, user_key: str) -> list[dict]:
    return [c for c in fake.calls if user_key in c["user"]]


def pushed_ref(fake: FakeEventApi, user_key: str) -> str:
    """The reference the last push to this person carried."""
    for call in reversed(fake.calls):
        if user_key in call["user"]:
            return call["properties"][user_key][EVENT_REF]
    raise AssertionError(f"no push to {user_key}")


async def choice_of(services, person: KakaoDriver, vote_id: int) -> int | None:
    """The option the person's household chose (its ballot), or None."""
    member = await member_of(services, f"{BOT_ID}:{person.user_key}", "kakao")
    async with services.uow() as uow:
        return await household_choice(uow, member, await uow.votes.get(vote_id))


async def status_of(services, user_key: str, status: str) -> bool:
    return (await row_of(services, user_key))["status"] == status


async def row_of(services, user_key: str) -> dict:
    """The person's first outbox row."""
    return [r for r in await outbox_rows(services) if r["address"] == user_key][0]


async def test_a_vote_notice_opens_from_the_event_block_with_its_buttons_and_the_tap_votes(
    services, clock, engine, demo
):
    async with (
        FakeEventApi() as fake,
        running(services, **event_api(fake)) as runtime,
        aiohttp.ClientSession() as http,
    ):
        person = KakaoDriver(f"http://127.0.0.1:{runtime.port}", http)
        await person.start(demo["101-1203"])
        await verified(engine, demo, "관리동-100", "coord")
        coord = await member_of(services, "coord")
        async with services.uow() as uow:
            now = clock.now()
            question = NewVote(
                "경로당 개방 시간 연장", ("찬성", "반대"), now, now + timedelta(days=2)
            )
            vote = await create_vote(uow, clock, coord, question)
            await uow.commit()
        await run_jobs(services)  # the vote opens: every household is told
        await wait_until(lambda: status_of(services, person.user_key, "sent"))
        assert fake.refused == []

        # The push: the configured event, the plain text kept as data, and a reference only.
        [call] = [c for c in fake.calls if person.user_key in c["user"]]
        assert call["event"]["name"] == services.config.kakao.event_name == "naechingu_notice"
        assert "경로당 개방 시간 연장" in call["event"]["data"]["text"]
        ref = pushed_ref(fake, person.user_key)
        assert REF_SHAPE.fullmatch(ref) and len(ref) <= 64
        assert call["properties"][person.user_key] == {EVENT_REF: ref}  # nothing personal
        assert (await row_of(services, person.user_key))["status"] == "sent"

        # Kakao runs the event block, which calls our skill: the full screen, with buttons.
        took = await event_block(person, ref)
        assert took < 4.0
        assert "[주민투표] 경로당 개방 시간 연장" in person.text
        assert person.labels == ["1. 찬성", "2. 반대", "처음으로"]
        tokens = [r.get("extra", {}).get("t") for r in person.answer["template"]["quickReplies"]]
        assert all(tokens[:2])
        row = await row_of(services, person.user_key)
        assert row["status"] == "read" and row["sent_at"] is not None

        # The tap votes, as from any screen.
        await person.tap("1. 찬성")
        assert "'찬성'에 투표했어요" in person.text
        assert await choice_of(services, person, vote.id) == 0

        # Shown once: opening it again says so, and nothing changes.
        await event_block(person, ref)
        assert ALREADY in person.text
        assert "1. 찬성" not in person.labels
        assert await choice_of(services, person, vote.id) == 0
        assert (await row_of(services, person.user_key))["status"] == "read"

        # After the close the result arrives the same way, with its chart as an image.
        clock.advance(days=2, seconds=1)
        await run_jobs(services)
        await wait_until(lambda: len(pushes_to(fake, person.user_key)) == 2)
        await event_block(person, pushed_ref(fake, person.user_key))
        assert "[투표 결과] 경로당 개방 시간 연장" in person.text
        [image] = [
            o["simpleImage"] for o in person.answer["template"]["outputs"] if "simpleImage" in o
        ]
        assert image["imageUrl"].startswith("http") and image["altText"] == "투표 결과 막대그래프"


async def test_forged_foreign_and_unknown_references_are_refused_politely(services, demo):
    async with (
        FakeEventApi() as fake,
        running(services, **event_api(fake)) as runtime,
        aiohttp.ClientSession() as http,
    ):
        base = f"http://127.0.0.1:{runtime.port}"
        kim, lee = KakaoDriver(base, http), KakaoDriver(base, http)
        await kim.start(demo["101-1203"])
        await lee.start(demo["102-304"])
        assert await notify(services, await resident_of(services, kim), "단수 안내", "w:1") == 1
        await wait_until(lambda: settled(services))
        ref = pushed_ref(fake, kim.user_key)
        row_id = int(ref.split(".")[0])
        key = event_ref_key(services.token_key)
        forged = [
            ref,  # kim's reference, sent by lee
            make_ref(key, row_id, lee.user_key),  # a valid signature for lee, kim's row
            f"{row_id}.{'A' * 22}",  # a made-up signature
            f"{row_id + 1}.{ref.split('.')[1]}",  # another row, kim's signature
            make_ref(key, 999_999, lee.user_key),  # a row that does not exist
        ]
        for attempt in forged:
            await event_block(lee, attempt)
            assert REFUSED in lee.text, attempt
            assert "단수 안내" not in lee.text
            assert "무엇을 도와드릴까요?" in lee.text and "우리단지" in lee.labels  # lee's own
        await event_block(lee, "not a reference")  # not our shape: an ordinary request
        assert "단수 안내" not in lee.text
        assert (await row_of(services, kim.user_key))["status"] == "sent"  # nothing changed

        await event_block(kim, ref)
        assert "단수 안내" in kim.text and REFUSED not in kim.text
        assert kim.labels == ["처음으로"]  # a bare notice still has a way on
        assert (await row_of(services, kim.user_key))["status"] == "read"
        await kim.tap("처음으로")
        assert "무엇을 도와드릴까요?" in kim.text


async def test_a_long_notice_with_many_options_stays_within_kakao_limits(
    services, clock, engine, demo
):
    async with (
        FakeEventApi() as fake,
        running(services, **event_api(fake)) as runtime,
        aiohttp.ClientSession() as http,
    ):
        person = KakaoDriver(f"http://127.0.0.1:{runtime.port}", http)
        await person.start(demo["101-1203"])
        await verified(engine, demo, "관리동-100", "coord")
        coord = await member_of(services, "coord")
        options = tuple(f"선택지 {i}번: 아주 긴 설명이 붙은 보기" for i in range(1, 11))
        async with services.uow() as uow:
            now = clock.now()
            question = NewVote("가" * 280, options, now, now + timedelta(days=2))
            await create_vote(uow, clock, coord, question)
            await uow.commit()
        await run_jobs(services)
        await wait_until(lambda: any(person.user_key in c["user"] for c in fake.calls))
        assert fake.refused == []
        await event_block(person, pushed_ref(fake, person.user_key))  # validated inside
        template = person.answer["template"]
        assert len(template["outputs"]) <= 3 and len(template.get("quickReplies", [])) <= 10
        assert "가" * 50 in person.text


def test_references_are_signed_per_user_and_parsed_from_the_event_request():
    key = event_ref_key(b"k" * 32)
    ref = make_ref(key, 42, "user-a")
    assert check_ref(key, ref, "user-a") == 42
    assert check_ref(key, ref, "user-b") is None
    assert check_ref(event_ref_key(b"x" * 32), ref, "user-a") is None
    assert check_ref(key, "42", "user-a") is None and check_ref(key, "x.y", "user-a") is None

    def body(**where) -> dict:
        return {
            "userRequest": {
                "user": {"id": "user-a", "properties": where.get("properties", {})},
                "params": where.get("params", {}),
            },
            "action": {"params": where.get("action", {}), "clientExtra": where.get("extra")},
        }

    for place in ("properties", "params", "action", "extra"):
        assert parse_skill_payload(body(**{place: {EVENT_REF: ref}})).event_ref == ref
    assert parse_skill_payload(body()).event_ref is None
    assert parse_skill_payload(body(params={EVENT_REF: "x" * 80})).event_ref is None
    assert parse_skill_payload(body(params={EVENT_REF: {"a": 1}})).event_ref is None


async def test_a_relay_message_is_answered_from_the_event_block_on_kakaotalk(services, demo):
    """The poster is on KakaoTalk with the Event API, the neighbour on the web chat."""
    async with (
        FakeEventApi() as fake,
        running(services, **event_api(fake)) as runtime,
        aiohttp.ClientSession() as http,
    ):
        base = f"http://127.0.0.1:{runtime.port}"
        poster, neighbour = KakaoDriver(base, http), WebDriver(base, http)
        await poster.start(demo["101-1203"])
        for label in ("공유마켓", "돌봄·나눔 보기", "육아", "글 올리기", "해드려요"):
            await poster.tap(label)
        await poster.say("방과 후 아이 돌봐 드려요")
        await poster.tap("평일 낮")
        await poster.tap("우리 단지 안")
        await poster.say("7살 아이")
        await poster.tap("무료")
        await poster.tap("건너뛰기")
        await poster.tap("올리기")
        assert "글을 올렸어요" in poster.text

        await neighbour.start(demo["102-304"])
        for label in ("공유마켓", "돌봄·나눔 보기", "육아", "자세히 보기", "연락하기"):
            await neighbour.tap(label)
        await neighbour.say("내일 오후에 부탁드려도 될까요?")
        assert "보냈어요" in neighbour.text

        await wait_until(lambda: pushes_to(fake, poster.user_key))
        await event_block(poster, pushed_ref(fake, poster.user_key))
        assert "내일 오후에 부탁드려도 될까요?" in poster.text
        assert "102동 이웃" in poster.text and "304" not in poster.text
        assert "답장하기" in poster.labels
        await poster.tap("답장하기")
        await poster.say("네, 3시에 놀이터에서 만나요")

        await neighbour.say("처음으로")
        assert "3시에 놀이터에서 만나요" in neighbour.text
        assert "101동 이웃" in neighbour.text and "1203" not in neighbour.text


@pytest.mark.both_dbs
async def test_a_row_is_marked_read_once_with_its_delivery_time(services, clock):
    people = await add_people(services, "kakao", ["bk1"])
    assert await notify(services, people["bk1"], "관리비 안내", key="fee:1") == 1
    [row] = await outbox_rows(services)
    async with services.uow() as uow:
        assert (await uow.outbox.get(row["id"]))["payload"] == row["payload"]
        assert await uow.outbox.get(row["id"] + 1) is None
        assert await uow.outbox.mark_read(row["id"], clock.now())
        assert not await uow.outbox.mark_read(row["id"], clock.now())  # once
        await uow.commit()
    [row] = await outbox_rows(services)
    assert row["status"] == "read" and row["sent_at"] == clock.now()

"""KakaoTalk without the Event API: what the bot sends on its own waits in the inbox and is
shown with the reply to the person's next message — one notification as its own screen with
its buttons (a vote's options vote; a relay message is answered), several as a calm digest
that stays in one bubble with the current question last. Every answer is a SkillPayload
answer validated against Kakao's limits (the KakaoDriver does it)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import aiohttp
import pytest
from sqlalchemy import select, update

from bot.app import build_engine
from bot.outbox.inbox import InboxOpen, open_inbox, show_inbox
from bot.screens import Button, Card, Screen, screen_to_dict
from core.share.events import ChatEnded
from storage import tables
from tests.notices.test_conversations import write_notice
from tests.reliability.outbox_helpers import notify, running
from tests.support.complex_life import run_jobs, verified
from tests.support.drivers import KakaoDriver, WebDriver
from tests.votes.test_conversations import open_by_dialog


@pytest.fixture
async def kakao(services, demo):
    async with running(services) as runtime, aiohttp.ClientSession() as http:
        base = f"http://127.0.0.1:{runtime.port}"
        yield base, http


async def resident_of(services, driver: KakaoDriver) -> int:
    accounts = tables.channel_accounts
    stmt = select(accounts.c.resident_id).where(accounts.c.address == driver.user_key)
    async with services.uow() as uow:
        return (await uow.session.execute(stmt)).scalar_one()


def card_labels(driver: KakaoDriver) -> list[str]:
    return [b["label"] for b in driver._card_buttons()]


def bubbles(driver: KakaoDriver) -> list[str]:
    return [
        o["simpleText"]["text"] for o in driver.answer["template"]["outputs"] if "simpleText" in o
    ]


async def test_a_vote_notice_reaches_kakao_with_its_options_and_the_tap_votes(
    services, demo, kakao
):
    base, http = kakao
    person = KakaoDriver(base, http)
    await person.start(demo["101-1203"])
    coord = await verified(build_engine(services), demo, "관리동-100", "coord")
    await open_by_dialog(coord)
    await run_jobs(services)

    await person.say("처음으로")
    assert "[주민투표] 놀이터 리모델링에 찬성하세요?" in person.text
    assert {"1. 찬성", "2. 반대"} <= set(card_labels(person))  # the notice's own buttons
    assert "무엇을 도와드릴까요" in bubbles(person)[-1]  # the current question comes last
    assert "우리단지" in person.labels
    await person.tap("1. 찬성")
    assert "'찬성'에 투표했어요" in person.text
    async with services.uow() as uow:
        ballots = (await uow.session.execute(select(tables.vote_ballots))).mappings().all()
    assert len(ballots) == 1

    await person.say("처음으로")  # handed over once
    assert "주민투표" not in person.text


async def test_one_notification_comes_before_the_reply_to_what_the_person_did(
    services, demo, kakao
):
    base, http = kakao
    person = KakaoDriver(base, http)
    await person.start(demo["101-1203"])
    await notify(services, await resident_of(services, person), "택배가 왔어요", key="p:1")
    await person.tap("우리단지")
    assert person.text.index("택배가 왔어요") < person.text.index("[우리단지]")
    assert "공지사항" in person.labels  # the reply's own buttons stay the quick replies
    await person.tap("공지사항")
    assert "택배" not in person.text  # handed over once


async def ten_waiting(services, resident: int) -> None:
    for n, text in enumerate(("엘리베이터 점검 안내", "분리수거 요일 변경", "주차 안내")):
        await notify(services, resident, text, key=f"m:{n}")
    async with services.uow() as uow:
        for n in range(7):
            note = ChatEnded(chat_id=100 + n, title=f"중고 자전거 {n}")
            await uow.notifier.notify(resident, note, key=f"ended:{n}")
        await uow.commit()


async def test_ten_waiting_notifications_make_a_digest_within_one_bubble(services, demo, kakao):
    base, http = kakao
    person = KakaoDriver(base, http)
    await person.start(demo["101-1203"])
    await ten_waiting(services, await resident_of(services, person))

    await person.say("처음으로")
    (bubble,) = [b for b in bubbles(person) if "새 알림 10건" in b]
    assert len(bubble) <= 500
    assert bubble.rstrip().endswith("무엇을 도와드릴까요?")  # the current question comes last
    assert bubble.index("주차 안내") < bubble.index("분리수거")  # the newest first
    assert "1. 대화 종료 7건\n" in bubble  # repeated kinds collapsed, named by their label
    assert "대화를 끝냈어요" not in bubble
    assert "그 밖에 1건" in bubble and "엘리베이터" not in bubble
    assert "우리단지" in person.labels  # the current screen's buttons stay
    await person.tap("알림 1 보기")
    assert json.dumps(person.answer, ensure_ascii=False).count("대화를 끝냈어요") == 7
    await person.tap("하던 일 계속")
    assert "무엇을 도와드릴까요" in person.text and "새 알림" not in person.text
    await person.say("처음으로")
    assert "새 알림" not in person.text  # handed over once


async def test_the_digest_in_easy_mode_stays_within_150_characters(services, demo, kakao):
    base, http = kakao
    person = KakaoDriver(base, http)
    await person.start(demo["101-1203"])
    resident = await resident_of(services, person)
    async with services.uow() as uow:
        await uow.session.execute(
            update(tables.residents)
            .where(tables.residents.c.id == resident)
            .values(easy_mode=True)
        )
        await uow.commit()
    await ten_waiting(services, resident)
    await person.say("처음으로")
    digest = [b for b in bubbles(person) if "새 알림 10건" in b]
    assert digest and all(len(b) <= 150 for b in bubbles(person))


async def test_a_relay_message_is_answered_from_kakao(services, demo, kakao):
    base, http = kakao
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

    await poster.say("처음으로")
    assert "내일 오후에 부탁드려도 될까요?" in poster.text and "304" not in poster.text
    await poster.tap("답장하기")
    assert {"대화 끝내기", "차단하기"} <= set(poster.labels)
    await poster.say("네, 3시에 놀이터에서 만나요")
    assert "보냈어요" in poster.text

    await neighbour.say("처음으로")
    assert "3시에 놀이터에서 만나요" in neighbour.text and "1203" not in neighbour.text
    await neighbour.tap("답장하기")
    await neighbour.say("고마워요")
    await poster.say("처음으로")
    assert "고마워요" in poster.text
    await poster.tap("답장하기")
    await poster.tap("대화 끝내기")
    await neighbour.say("처음으로")
    assert "상대 이웃이 대화를 끝냈어요" in neighbour.text


async def test_an_urgent_notice_comes_in_full_first_and_opening_it_counts_as_read(
    services, demo, kakao
):
    base, http = kakao
    person = KakaoDriver(base, http)
    await person.start(demo["101-1203"])
    resident = await resident_of(services, person)
    await notify(services, resident, "분리수거 요일 변경", key="m:1")
    await notify(services, resident, "주차 안내", key="m:2")
    coord = await verified(build_engine(services), demo, "관리동-100", "coord")
    await write_notice(coord)
    await coord.tap("긴급")
    await coord.tap("지금 보내기")
    await coord.tap("보내기")
    await run_jobs(services)

    await person.say("처음으로")
    assert "[긴급 공지]" in person.text and "단수가 있어요" in person.text
    assert "확인" in card_labels(person)
    assert "새 알림 2건\n1. 주차 안내\n2. 분리수거 요일 변경" in bubbles(person)[-1]
    await coord.tap("진행 상황")
    assert "읽은 주민: 1명" in coord.text  # shown in full from the inbox: read
    await person.tap("알림 1 보기")
    assert "주차 안내" in person.text and "하던 일 계속" in person.labels
    await person.tap("하던 일 계속")
    assert "무엇을 도와드릴까요" in person.text and "새 알림" not in person.text


class _T:
    def _(self, text: str, **kw) -> str:
        return text.format(**kw)


def _ctx(easy: bool = False):
    t = _T()
    return SimpleNamespace(_=t._, t=t, resident=SimpleNamespace(easy_mode=easy), membership=None)


def _row(
    row_id: int, text: str, *, kind: str = "message", priority: int = 0, buttons=(), label=""
):
    screen = {**screen_to_dict(Screen(text, buttons=tuple(buttons))), "kind": kind}
    if label:
        screen["label"] = label
    return {"id": row_id, "priority": priority, "payload": [screen]}


async def test_a_collapsed_kind_reads_as_its_label_and_a_count():
    notices = [
        _row(n, f"[공지] 12월 {n}일\n안내 {n}", kind="notice", label="공지") for n in (1, 2, 3)
    ]
    parcels = [_row(n, "택배가 왔어요") for n in (4, 5)]  # no label: the newest's first line
    _, screen, _ = await show_inbox(_ctx(), notices + parcels, Screen("무엇을 도와드릴까요?"))
    assert screen.text.startswith("새 알림 5건\n1. 택배가 왔어요 등 2건\n2. 공지 3건\n")


async def test_beside_cards_a_notification_with_buttons_becomes_a_line_that_opens_it():
    vote = _row(
        1, "[주민투표] 놀이터?", kind="vote.opened", buttons=[Button("1. 찬성", token="t1")]
    )
    cards = Screen("글 목록", cards=(Card("자전거 팔아요"),))
    front, screen, _ = await show_inbox(_ctx(), [vote], cards)
    assert front == () and screen.text.startswith("새 알림 1건\n1. [주민투표] 놀이터?")
    opened = await open_inbox(_ctx(), InboxOpen([vote["payload"]], screen_to_dict(cards)))
    assert [b.label for b in opened.buttons] == ["1. 찬성", "하던 일 계속"]
    urgent = _row(
        2, "[긴급 공지] 단수", kind="notice", priority=10, buttons=[Button("확인", token="t2")]
    )
    front, screen, _ = await show_inbox(_ctx(), [vote, urgent], cards)
    assert front[0].text == "[긴급 공지] 단수" and "1. [주민투표] 놀이터?" in screen.text


async def test_a_long_question_keeps_its_bubble_and_the_digest_gets_its_own():
    rows = [_row(n, f"안내 {n}") for n in range(1, 4)]
    for easy, size in ((False, 495), (True, 145)):
        question = Screen("가" * size + "?")
        _, screen, _ = await show_inbox(_ctx(easy), rows, question)
        assert screen.text == question.text and screen.notices[0].startswith("새 알림 3건")
        _, screen, _ = await show_inbox(_ctx(easy), rows, Screen("무엇을 도와드릴까요?"))
        assert len(screen.text) <= (150 if easy else 500)
        assert screen.text.startswith("새 알림 3건") and screen.text.endswith("도와드릴까요?")

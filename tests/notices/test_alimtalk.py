"""알림톡 (AlimTalk) behind the notifier port, against a local fake dealer (NHN Cloud style):
a 긴급 notice reaches a KakaoTalk resident without the Event API who gave a number, by one
request with the right sender key, template, number and parameters, and still waits in their
inbox; ordinary notices, residents a push channel reaches, removed numbers and a bot without
`[alimtalk]` send nothing; 500 is retried, a refused recipient shows as 실패 in the
coordinator's report; vote reminders go too."""

from __future__ import annotations

import contextlib
import json

import aiohttp
import pytest

from bot.app import build_engine
from bot.outbox.alimtalk import AlimTalkDeliverer
from bot.outbox.sender import OutboxSender
from bot.runtime import Runtime
from bot.screens import Channel
from core.identity.alert_phone import remove_alert_phone, save_alert_phone
from core.votes.lifecycle import remind_non_voters
from tests.fakes.alimtalk_dealer import SECRET, SENDER_KEY, URGENT, VOTE, FakeDealer, config
from tests.notices.test_conversations import write_notice
from tests.reliability.outbox_helpers import TelegramChat, drain, outbox_rows
from tests.support.chat import Chat
from tests.support.complex_life import member_of, run_jobs, verified
from tests.votes.test_conversations import open_by_dialog, vote_id

NUMBER = "01012345678"


async def kakao_resident(engine, demo, key: str, user: str) -> Chat:
    chat = Chat(engine, user=user, channel=Channel.KAKAO)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(demo[key])
    assert "확인했어요" in chat.text, chat.text
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    return chat


async def consent(services, user: str, number: str, channel: str = "kakao") -> None:
    member = await member_of(services, user, channel)
    async with services.uow() as uow:
        await save_alert_phone(uow, services.clock, member, number)
        await uow.commit()


@contextlib.asynccontextmanager
async def dealer_sender(services, **changes):
    """The fake dealer, `[alimtalk]` pointing at it, and an outbox sender for 알림톡 alone."""
    async with FakeDealer() as dealer, aiohttp.ClientSession() as http:
        services.config = services.config.replace(**config(dealer, **changes))
        cfg = services.config.alimtalk
        deliverer = AlimTalkDeliverer(
            services,
            http,
            base_url=cfg.base_url,
            appkey=cfg.appkey,
            secret_key=cfg.secret_key,
            sender_key=cfg.sender_key,
            sms_fallback=cfg.sms_fallback,
        )
        yield dealer, OutboxSender(services, {"alimtalk": deliverer})


async def urgent_notice(coord, text="12월 3일 오전 10시에 단수가 있어요.", *, urgent=True) -> None:
    await write_notice(coord, text)
    await coord.tap("긴급" if urgent else "보통")
    await coord.tap("지금 보내기")
    await coord.tap("보내기")


async def report_of(coord) -> str:
    """The coordinator's delivery report of their latest notice (보낸 공지 → 열기)."""
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    await coord.tap("보낸 공지")
    await coord.tap("열기")
    return coord.text


async def alimtalk_rows(services) -> list[dict]:
    return await outbox_rows(services, channel="alimtalk")


async def test_an_urgent_notice_reaches_a_kakao_resident_by_alimtalk_and_waits_in_the_inbox(
    services, demo, clock
):
    engine = build_engine(services)
    kim = await kakao_resident(engine, demo, "101-1203", "k-kim")
    await consent(services, "k-kim", "010-1234-5678")
    coord = await verified(engine, demo, "관리동-100", "coord")
    async with dealer_sender(services, sms_fallback=True) as (dealer, sender):
        await urgent_notice(coord)
        await run_jobs(services)
        await drain(sender, clock)

    (call,) = dealer.calls
    assert call["headers"]["X-Secret-Key"] == SECRET
    assert (call["senderKey"], call["templateCode"]) == (SENDER_KEY, URGENT)
    (recipient,) = call["recipientList"]
    assert recipient["recipientNo"] == NUMBER
    params = recipient["templateParameter"]
    assert params["title"].startswith("[긴급 공지]")
    assert params["text"] == "12월 3일 오전 10시에 단수가 있어요."
    assert recipient["resendParameter"]["isResend"] is True  # sms_fallback
    assert len(recipient["resendParameter"]["resendContent"]) <= 1000
    ((number, content),) = dealer.delivered
    assert number == NUMBER and "단수가 있어요" in content and len(content) <= 1000

    (row,) = await alimtalk_rows(services)
    assert row["status"] == "sent" and NUMBER not in json.dumps(row, default=str)
    kakao = await outbox_rows(services, channel="kakao")
    assert [(r["mode"], r["status"]) for r in kakao] == [("inbox", "pending")]
    report = await report_of(coord)
    assert "· 알림톡 1: 전송됨 1 · 받은 알림함 대기 0 · 읽음 0 · 실패/차단 0" in report
    assert "· 카카오톡 1: 전송됨 0 · 받은 알림함 대기 1 · 읽음 0 · 실패/차단 0" in report

    await kim.say("처음으로")
    assert "[긴급 공지]" in kim.text  # still shown in full at their next message
    report = await report_of(coord)
    assert "· 알림톡 1: 전송됨 0 · 받은 알림함 대기 0 · 읽음 1 · 실패/차단 0" in report


async def test_an_ordinary_notice_goes_by_no_alimtalk(services, demo, clock):
    engine = build_engine(services)
    await kakao_resident(engine, demo, "101-1203", "k-kim")
    await consent(services, "k-kim", NUMBER)
    coord = await verified(engine, demo, "관리동-100", "coord")
    async with dealer_sender(services) as (dealer, sender):
        await urgent_notice(coord, "다음 주 화요일 소독이 있어요.", urgent=False)
        await run_jobs(services)
        await drain(sender, clock)
    assert dealer.calls == [] and await alimtalk_rows(services) == []


@pytest.mark.parametrize("only_without_push", [True, False])
async def test_a_resident_telegram_reaches_is_not_charged_unless_configured(
    services, demo, clock, only_without_push
):
    engine = build_engine(services)
    park = TelegramChat(engine, 5501)
    await park.say("안녕")
    await park.tap("초대코드 입력")
    await park.say(demo["103-1501"])
    await park.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    await consent(services, "5501", "010 9876 5432", channel="telegram")
    coord = await verified(engine, demo, "관리동-100", "coord")
    async with dealer_sender(services, only_without_push=only_without_push) as (dealer, sender):
        await urgent_notice(coord)
        await run_jobs(services)
        await drain(sender, clock)
    sent = [r["recipientNo"] for c in dealer.calls for r in c["recipientList"]]
    assert sent == ([] if only_without_push else ["01098765432"])


async def test_a_500_is_retried_and_a_refused_recipient_shows_as_failed(services, demo, clock):
    engine = build_engine(services)
    await kakao_resident(engine, demo, "101-1203", "k-kim")
    await kakao_resident(engine, demo, "102-304", "k-lee")
    await consent(services, "k-kim", NUMBER)
    await consent(services, "k-lee", "01055556666")
    coord = await verified(engine, demo, "관리동-100", "coord")
    async with dealer_sender(services) as (dealer, sender):
        dealer.answers = [500, 429]  # then OK
        dealer.codes = {"01055556666": (-3019, "카카오톡 사용자가 아님")}
        await urgent_notice(coord)
        await run_jobs(services)
        await drain(sender, clock)
    assert dealer.attempts == 3 and len(dealer.calls) == 1
    status = {
        r["resident_id"]: (r["status"], r["last_error"]) for r in await alimtalk_rows(services)
    }
    assert sorted(status.values()) == [("failed", "-3019 카카오톡 사용자가 아님"), ("sent", "")]
    assert [n for n, _ in dealer.delivered] == [NUMBER]

    report = await report_of(coord)
    assert "· 알림톡 2: 전송됨 1 · 받은 알림함 대기 0 · 읽음 0 · 실패/차단 1" in report


async def test_an_invalid_number_is_blocked_and_the_account_stays_reachable(services, demo, clock):
    engine = build_engine(services)
    await kakao_resident(engine, demo, "101-1203", "k-kim")
    await consent(services, "k-kim", NUMBER)
    coord = await verified(engine, demo, "관리동-100", "coord")
    async with dealer_sender(services) as (dealer, sender):
        dealer.codes = {NUMBER: (-5000, "유효하지 않은 수신 번호")}
        await urgent_notice(coord)
        await run_jobs(services)
        await drain(sender, clock)
    (row,) = await alimtalk_rows(services)
    assert row["status"] == "blocked"
    async with services.uow() as uow:
        assert not (await uow.accounts.find("kakao", "k-kim")).unreachable


async def test_a_number_removed_before_sending_is_never_used(services, demo, clock):
    engine = build_engine(services)
    await kakao_resident(engine, demo, "101-1203", "k-kim")
    await consent(services, "k-kim", NUMBER)
    coord = await verified(engine, demo, "관리동-100", "coord")
    async with dealer_sender(services) as (dealer, sender):
        await urgent_notice(coord)
        await run_jobs(services)
        assert len(await alimtalk_rows(services)) == 1  # queued while the number was there
        member = await member_of(services, "k-kim", "kakao")
        async with services.uow() as uow:
            assert await remove_alert_phone(uow, member)
            await uow.commit()
        await drain(sender, clock)
    assert dealer.attempts == 0
    (row,) = await alimtalk_rows(services)
    assert (row["status"], row["last_error"]) == ("failed", "no number")


async def test_a_vote_reminder_goes_by_alimtalk(services, demo, clock):
    engine = build_engine(services)
    await kakao_resident(engine, demo, "101-1203", "k-kim")
    await consent(services, "k-kim", NUMBER)
    coord = await verified(engine, demo, "관리동-100", "coord")
    async with dealer_sender(services) as (dealer, sender):
        await open_by_dialog(coord)
        await run_jobs(services)
        await drain(sender, clock)
        assert dealer.calls == []  # the opening is not an alert
        vid = await vote_id(services)
        async with services.uow() as uow:
            assert await remind_non_voters(uow, clock, vid, 24) > 0
            await uow.commit()
        await drain(sender, clock)
    (call,) = dealer.calls
    assert call["templateCode"] == VOTE
    (recipient,) = call["recipientList"]
    assert recipient["recipientNo"] == NUMBER
    assert recipient["templateParameter"]["title"].startswith("[주민투표 알림]")
    assert "놀이터 리모델링에 찬성하세요?" in recipient["templateParameter"]["text"]


async def test_without_alimtalk_configured_nothing_goes_and_no_deliverer_runs(
    services, demo, clock
):
    assert services.config.alimtalk.enabled is False  # the default, with no other key set
    engine = build_engine(services)
    await kakao_resident(engine, demo, "101-1203", "k-kim")
    await consent(services, "k-kim", NUMBER)
    coord = await verified(engine, demo, "관리동-100", "coord")
    await urgent_notice(coord)
    await run_jobs(services)
    assert await alimtalk_rows(services) == []
    runtime = Runtime(services, engine)
    assert "alimtalk" not in runtime._deliverers()
    async with FakeDealer() as dealer:
        services.config = services.config.replace(**config(dealer))
        assert "alimtalk" in runtime._deliverers()
        await runtime._http.close()

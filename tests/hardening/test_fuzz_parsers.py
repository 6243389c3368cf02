"""Fuzzing the KakaoTalk and Telegram parsers with Hypothesis: a real payload with odd values
put anywhere (deep nesting, integers of thousands of digits, lone surrogates, wrong types) or
a body that is not JSON. Every body is either refused with a reason the route answers as 400
(BadJson, KakaoPayloadError) or becomes an Inbound whose every string can be stored (UTF-8);
nothing else is raised. PTB's own parsing of a Telegram update may refuse a shape; the
adapter turns that into one log line (checked at the end)."""

from __future__ import annotations

import logging
from dataclasses import fields

import pytest
import telegram
from hypothesis import HealthCheck, given, settings

from bot.channels import safe_json
from bot.channels.kakao.protocol import KakaoPayloadError, parse_skill_payload, to_inbound
from bot.channels.telegram.adapter import TelegramChannel
from bot.channels.telegram.inbound import update_to_inbound
from bot.screens import Inbound
from tests.hardening.fuzz_bodies import bodies
from tests.support.drivers import KakaoDriver

KAKAO = KakaoDriver("", None).payload("안녕", {"t": "abc"})
TELEGRAM = {
    "update_id": 10,
    "message": {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": {"id": 42, "type": "private"},
        "from": {"id": 42, "is_bot": False, "first_name": "김"},
        "text": "안녕",
    },
}
FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _storable(inbound: Inbound) -> None:
    for f in fields(inbound):
        value = getattr(inbound, f.name)
        if isinstance(value, str):
            value.encode("utf-8")  # raises on a lone surrogate
    for value in inbound.extra.values():
        if isinstance(value, str):
            value.encode("utf-8")


@FUZZ
@given(bodies(KAKAO))
def test_kakao_bodies_are_refused_or_parsed_into_storable_inbounds(body):
    try:
        payload = safe_json.loads(body)
        request = parse_skill_payload(payload, photo_hosts=("127.0.0.1",))
    except (safe_json.BadJson, KakaoPayloadError):
        return
    _storable(to_inbound(request))


BOT = telegram.Bot("1:abc")


@FUZZ
@given(bodies(TELEGRAM))
async def test_telegram_bodies_are_refused_or_parsed_into_storable_inbounds(body):
    try:
        data = safe_json.loads(body)
    except safe_json.BadJson:
        return
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return  # the webhook answers 400 "not an update"
    try:
        update = telegram.Update.de_json(data, BOT)
    except Exception:  # PTB refused the shape: the adapter logs one line (below)
        return
    if update.message is not None and (update.message.photo or update.message.document):
        return  # would download from the Bot API; photos are fuzzed elsewhere
    try:
        inbound = await update_to_inbound(update, BOT, max_photo_bytes=1024)
    except (AttributeError, TypeError):  # half-read by PTB: the adapter logs one line
        return
    if inbound is not None:
        _storable(inbound)


@pytest.mark.parametrize(
    "message",
    [7, {**TELEGRAM["message"], "text": ["a"]}, {**TELEGRAM["message"], "chat": None}],
)
async def test_an_update_ptb_cannot_read_is_one_log_line(caplog, message):
    channel = TelegramChannel(BOT, engine=None)
    with caplog.at_level(logging.WARNING):
        await channel.process_update({"update_id": 5, "message": message})
    assert len(caplog.records) == 1 and not caplog.records[0].exc_info


@pytest.mark.parametrize("body", [b"[" * 60_000, b'{"a":' + b"7" * 5000 + b"}"])
def test_the_classic_bodies_are_bad_json(body):
    with pytest.raises(safe_json.BadJson):
        safe_json.loads(body)

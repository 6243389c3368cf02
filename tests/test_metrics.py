"""GET /metrics: Prometheus text with the inbound steps, outbox and jobs figures, answered to
loopback clients and, from elsewhere, only with the configured bearer token."""

from __future__ import annotations

from unittest import mock

import aiohttp
from aiohttp.test_utils import make_mocked_request

from bot.metrics import Metrics, allowed
from bot.runtime import Runtime
from bot.screens import Channel, Inbound


def _value(text: str, sample: str) -> float:
    for line in text.splitlines():
        if line.startswith(sample + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{sample} not in metrics:\n{text}")


async def test_metrics_count_steps_by_channel_and_outcome(services, engine, demo):
    first = Inbound(channel=Channel.WEB, user_id="kim", text="안녕하세요", delivery_key="m:1")
    await engine.handle(first)
    await engine.handle(first)  # redelivered: answered from the stored reply
    await engine.handle(Inbound(channel=Channel.KAKAO, user_id="lee", text="안녕하세요"))
    runtime = Runtime(services, engine)
    await runtime.start()
    try:
        async with aiohttp.ClientSession() as http:
            resp = await http.get(f"http://127.0.0.1:{runtime.port}/metrics")
            text = await resp.text()
    finally:
        await runtime.stop()
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("text/plain")
    steps = "naechingu_inbound_steps_total"
    assert _value(text, f'{steps}{{channel="web",outcome="ok"}}') == 1
    assert _value(text, f'{steps}{{channel="web",outcome="duplicate"}}') == 1
    assert _value(text, f'{steps}{{channel="kakao",outcome="ok"}}') == 1
    assert _value(text, 'naechingu_inbound_step_seconds_count{channel="web"}') == 2
    assert _value(text, "naechingu_scheduled_jobs_due") >= 0
    assert _value(text, "naechingu_db_pool_size") >= 1
    assert "kim" not in text and "lee" not in text  # nobody's id is ever a label


async def test_outbox_figures_count_sends_and_429s(services):
    metrics = services.metrics
    metrics.delivered("telegram", "sent")
    metrics.delivered("telegram", "retry", "429")
    metrics.delivered("telegram", "retry", "timeout")
    text = metrics.exposition().decode()
    retries = 'naechingu_outbox_deliveries_total{channel="telegram",status="retry"}'
    assert _value(text, retries) == 2
    assert _value(text, 'naechingu_outbox_rate_limited_total{channel="telegram"}') == 1


def test_each_process_has_its_own_registry():
    one, two = Metrics(), Metrics()
    one.step("web", "ok", 0.01)
    assert b'channel="web"' not in two.exposition()


def _request(peer: str, headers: dict[str, str] | None = None):
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda key, default=None: (
        (peer, 40000) if key == "peername" else default
    )
    return make_mocked_request("GET", "/metrics", headers=headers or {}, transport=transport)


def test_only_loopback_or_the_token_may_read_metrics():
    assert allowed(_request("127.0.0.1"), "")
    assert allowed(_request("::1"), "")
    assert not allowed(_request("203.0.113.9"), "")  # no token configured: refused
    assert not allowed(_request("203.0.113.9"), "s3cret")
    wrong = {"Authorization": "Bearer nope"}
    assert not allowed(_request("203.0.113.9", wrong), "s3cret")
    right = {"Authorization": "Bearer s3cret"}
    assert allowed(_request("203.0.113.9", right), "s3cret")

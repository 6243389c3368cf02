"""The Telegram adapter: parsing updates, replying and pushing (webhook, polling, setup and the
end-to-end runs are in test_telegram_adapter_runtime.py).

Network-level behaviour runs against `MiniBotApi`, a small aiohttp fake of the Bot API on
127.0.0.1 (just the methods the adapter calls, with scripted failures), and a `FakeEngine`
that records Inbounds and returns canned replies.
"""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Bot

from bot.channels import base
from bot.channels.telegram.adapter import ERROR_ANSWER
from bot.screens import Channel, Inbound, Reply, Screen
from tests.channels.telegram_support import (
    CHAT,
    FakeEngine,
    MiniBotApi,
    channel,
    menu_screen,
    message,
    parse,
    tap_update,
    text_update,
)

# --- parsing -------------------------------------------------------------------------------


async def test_text_message_becomes_inbound(bot: Bot) -> None:
    inbound = await parse(bot, text_update("관리비", update_id=1001))
    assert inbound == Inbound(
        channel=Channel.TELEGRAM,
        user_id=str(CHAT),
        text="관리비",
        delivery_key="tg:1001",
        display_name="순자",
        extra={"chat_id": CHAT},
    )


@pytest.mark.parametrize(
    ("text", "command", "arg"),
    [
        ("/start invite_AB12", "start", "invite_AB12"),
        ("/start", "start", ""),
        ("/help@naechingu_bot", "help", ""),
        ("/cancel", "cancel", ""),
        ("/MENU", "menu", ""),
    ],
)
async def test_commands(bot: Bot, text: str, command: str, arg: str) -> None:
    inbound = await parse(bot, text_update(text))
    assert inbound is not None
    assert (inbound.command, inbound.command_arg, inbound.text) == (command, arg, "")


async def test_unknown_slash_text_stays_text(bot: Bot) -> None:
    inbound = await parse(bot, text_update("/weather"))
    assert inbound is not None and inbound.command is None and inbound.text == "/weather"


async def test_callback_token(bot: Bot) -> None:
    inbound = await parse(bot, tap_update("t:tokA", update_id=2001))
    assert inbound is not None
    assert (inbound.token, inbound.text, inbound.delivery_key) == ("tokA", "", "tg:2001")
    assert inbound.extra == {"chat_id": CHAT, "message_id": 1, "callback_query_id": "cbq1"}


@pytest.mark.parametrize(("data", "token"), [("vote:42", "vote:42"), ("x" * 64, "x" * 64)])
async def test_forged_callback_data_is_passed_raw_and_capped(
    bot: Bot, data: str, token: str
) -> None:
    inbound = await parse(bot, tap_update(data))
    assert inbound is not None and inbound.token == token and len(inbound.token) <= 64


async def test_photo_downloads_largest_that_fits(bot: Bot, api: MiniBotApi) -> None:
    api.files.update({"small": b"s" * 10, "mid": b"m" * 500, "big": b"b" * 5000})
    sizes = [
        {"file_id": fid, "file_unique_id": fid, "width": w, "height": w, "file_size": size}
        for fid, w, size in [("small", 90, 10), ("mid", 320, 500), ("big", 1280, 5000)]
    ]
    data = {"update_id": 3000, "message": message(None, photo=sizes, caption="누수 사진")}
    inbound = await parse(bot, data, max_bytes=1000)
    assert inbound is not None and inbound.text == "누수 사진"
    assert [(p.data, p.content_type) for p in inbound.photos] == [(b"m" * 500, "image/jpeg")]
    assert api.called("getFile") == [{"file_id": "mid"}]


async def test_photo_too_large_is_flagged_not_downloaded(bot: Bot, api: MiniBotApi) -> None:
    size = {"file_id": "big", "file_unique_id": "b", "width": 9, "height": 9, "file_size": 5000}
    inbound = await parse(bot, {"update_id": 3001, "message": message(None, photo=[size])})
    assert inbound is not None and inbound.photos == ()
    assert inbound.extra["photo_unavailable"] is True and not api.called("getFile")


@pytest.mark.parametrize(
    "data",
    [
        text_update("hi", chat_type="group"),
        {"update_id": 5, "edited_message": message("고침")},
        {"update_id": 6, "channel_post": message("공지", chat_type="channel")},
        {"update_id": 7, "my_chat_member": None},
        tap_update("t:tokA", held={**message("메뉴", chat_type="supergroup"), "message_id": 1}),
    ],
)
async def test_ignored_updates(bot: Bot, data: dict[str, Any]) -> None:
    assert await parse(bot, data) is None


async def test_failed_photo_download_keeps_the_caption(bot: Bot, api: MiniBotApi) -> None:
    api.fail("getFile", 400, "Bad Request: file is too big")
    size = {"file_id": "p", "file_unique_id": "p", "width": 9, "height": 9, "file_size": 10}
    data = {"update_id": 3002, "message": message(None, photo=[size], caption="현관 고장")}
    inbound = await parse(bot, data)
    assert inbound is not None and (inbound.text, inbound.photos) == ("현관 고장", ())
    assert inbound.extra == {"chat_id": CHAT, "photo_unavailable": True}


async def test_image_sent_as_file_is_a_photo(bot: Bot, api: MiniBotApi) -> None:
    api.files["doc"] = b"png bytes"
    doc = {"file_id": "doc", "file_unique_id": "d", "mime_type": "image/png", "file_size": 9}
    data = {"update_id": 3003, "message": message(None, document={**doc, "file_name": "a.png"})}
    inbound = await parse(bot, data)
    assert inbound is not None and inbound.photos[0].content_type == "image/png"
    assert (inbound.photos[0].data, inbound.photos[0].filename) == (b"png bytes", "a.png")


# --- replying ------------------------------------------------------------------------------


async def test_text_reply_is_sent_with_keyboard(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine()
    await channel(bot, engine).process_update(text_update("안녕"))
    assert [i.text for i in engine.inbounds] == ["안녕"]
    [sent] = api.called("sendMessage")
    assert sent["chat_id"] == CHAT and sent["text"] == "무엇을 도와드릴까요?"
    assert "parse_mode" not in sent
    rows = sent["reply_markup"]["inline_keyboard"]
    assert [[b["callback_data"] for b in row] for row in rows] == [
        ["t:tokA"],
        ["t:tokB"],
        ["t:back", "t:home"],
    ]


async def test_tap_on_text_message_edits_it(bot: Bot, api: MiniBotApi) -> None:
    await bot.send_message(CHAT, "메뉴")  # message 1 exists in the fake
    engine = FakeEngine(Reply((menu_screen("공유마켓입니다"),)))
    await channel(bot, engine).process_update(tap_update("t:tokA"))
    assert engine.inbounds[0].token == "tokA"
    [edit] = api.called("editMessageText")
    assert (edit["message_id"], edit["text"]) == (1, "공유마켓입니다")
    assert "reply_markup" in edit
    assert len(api.called("sendMessage")) == 1  # only the setup message
    assert api.called("answerCallbackQuery") == [{"callback_query_id": "cbq1"}]


async def test_tap_with_several_screens_sends_new_messages(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine(Reply((Screen("접수했어요"), menu_screen())))
    await channel(bot, engine).process_update(tap_update("t:tokA"))
    assert [m["text"] for m in api.called("sendMessage")] == ["접수했어요", "무엇을 도와드릴까요?"]
    assert not api.called("editMessageText") and len(api.called("answerCallbackQuery")) == 1


async def test_failed_edit_falls_back_to_sending(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine(Reply((Screen("새 화면"),)))
    await channel(bot, engine).process_update(tap_update("t:tokA"))  # message 1 unknown
    assert len(api.called("editMessageText")) == 1
    assert [m["text"] for m in api.called("sendMessage")] == ["새 화면"]


async def test_duplicate_reply_sends_nothing(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine(Reply((menu_screen(),), duplicate=True))
    tg = channel(bot, engine)
    await tg.process_update(text_update("안녕"))
    await tg.process_update(tap_update("t:tokA"))
    assert not api.called("sendMessage") and not api.called("editMessageText")
    assert len(api.called("answerCallbackQuery")) == 1  # the spinner still stops


async def test_engine_error_is_logged_and_callback_answered(
    bot: Bot, api: MiniBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    engine = FakeEngine(error=RuntimeError("boom 010-1234-5678"))
    tg = channel(bot, engine)
    await tg.process_update(tap_update("t:tokA"))
    await tg.process_update(text_update("내 번호 010-9999-8888"))
    assert api.called("answerCallbackQuery") == [
        {"callback_query_id": "cbq1", "text": ERROR_ANSWER}
    ]
    assert not api.called("sendMessage")
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "update 2000 failed" in messages and "010-9999-8888" not in messages


async def test_ignored_tap_is_still_answered(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine()
    held = {**message("메뉴", chat_type="group"), "message_id": 1}
    await channel(bot, engine).process_update(tap_update("t:tokA", held=held))
    assert engine.inbounds == [] and len(api.called("answerCallbackQuery")) == 1


async def test_unparsable_update_does_not_raise(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine()
    await channel(bot, engine).process_update({"update_id": 9, "message": {"text": "x"}})
    assert engine.inbounds == [] and api.calls == [("getme", {})]


async def test_delivery_error_on_reply_is_swallowed(bot: Bot, api: MiniBotApi) -> None:
    api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await channel(bot, FakeEngine()).process_update(text_update("안녕"))
    assert len(api.called("sendMessage")) == 1


# --- pushing -------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own
@pytest.mark.parametrize(
    ("status", "description", "retry_after", "expected"),
    [
        (429, "Too Many Requests: retry after 7", 7, base.RetryAfter),
        (403, "Forbidden: bot was blocked by the user", None, base.Unreachable),
        (400, "Bad Request: chat not found", None, base.Unreachable),
        (502, "Bad Gateway", None, base.TransientError),
        (500, "Internal Server Error", None, base.TransientError),
    ],
)
async def test_push_error_mapping(
    bot: Bot, api: MiniBotApi, status: int, description: str, retry_after: int | None, expected
) -> None:
    api.fail("sendMessage", status, description, retry_after)
    with pytest.raises(expected) as caught:
        await channel(bot, FakeEngine()).push(CHAT, [Screen("공지")])
    if retry_after is not None:
        assert caught.value.seconds == 7


async def test_push_other_bad_request_is_permanent(bot: Bot, api: MiniBotApi) -> None:
    api.fail("sendMessage", 400, "Bad Request: message is too long")
    with pytest.raises(base.DeliveryError) as caught:
        await channel(bot, FakeEngine()).push(CHAT, [Screen("공지")])
    assert type(caught.value) is base.DeliveryError


async def test_push_sends_every_screen_in_order(bot: Bot, api: MiniBotApi) -> None:
    screen = Screen("사진 공지", image_url="https://x/a.jpg")
    await channel(bot, FakeEngine()).push(CHAT, [screen, Screen("둘째")])
    assert [name for name, _ in api.calls[1:]] == ["sendphoto", "sendmessage", "sendmessage"]


async def test_the_language_set_in_telegram_comes_along(bot: Bot) -> None:
    update = text_update("/start")
    update["message"]["from"]["language_code"] = "vi"
    inbound = await parse(bot, update)
    assert inbound is not None and inbound.extra["language"] == "vi"
    tap = tap_update("t:tokA")
    tap["callback_query"]["from"]["language_code"] = "zh-hans"
    tapped = await parse(bot, tap)
    assert tapped is not None and tapped.extra["language"] == "zh-hans"

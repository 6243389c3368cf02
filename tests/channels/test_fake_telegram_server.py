"""Tests of the fake Telegram Bot API server (tests/fakes/telegram_server.py).

They check that python-telegram-bot 22 works against it unchanged (only ``base_url`` and
``base_file_url`` point at the fake) and that the wire format matches Telegram (envelopes,
status codes, form/JSON/multipart parsing, validation, edits). Long polling, rate limits,
blocked chats, injected failures and webhooks: test_fake_telegram_controls.py.
"""

from __future__ import annotations

import io
import json

import aiohttp
import pytest
import telegram
from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from tests.channels.fake_telegram_helpers import button, call, eventually, png
from tests.fakes.telegram_server import FakeTelegramServer

KB = InlineKeyboardMarkup([[InlineKeyboardButton("관리비 조회", callback_data="fee:2026-08")]])


# -- python-telegram-bot 22 end to end --------------------------------------------------------


async def test_ptb_bot_round_trip():
    async with FakeTelegramServer() as srv:
        bot = telegram.Bot(
            "123:ABC", base_url=f"{srv.base_url}/bot", base_file_url=f"{srv.base_url}/file/bot"
        )
        async with bot:  # initialize() calls getMe
            me = await bot.get_me()
            assert (me.id, me.is_bot, me.username) == (123, True, "fake_bot")

            msg = await bot.send_message(42, "안녕하세요", reply_markup=KB)
            assert (msg.message_id, msg.chat.id, msg.text) == (1, 42, "안녕하세요")
            assert msg.reply_markup.inline_keyboard[0][0].callback_data == "fee:2026-08"
            edited = await bot.edit_message_text(
                "관리비 안내", chat_id=42, message_id=msg.message_id, reply_markup=KB
            )
            assert edited.edit_date is not None and edited.text == "관리비 안내"
            view = srv.messages(42)
            assert [(m["text"], m["buttons"], m["edited"]) for m in view] == [
                ("관리비 안내", [["관리비 조회"]], True)
            ]

            srv.user_tap(42, msg.message_id, "fee:2026-08")
            updates = await bot.get_updates(timeout=1)
            query = updates[0].callback_query
            assert (query.data, query.message.message_id, query.from_user.id) == (
                "fee:2026-08",
                1,
                42,
            )
            assert await bot.answer_callback_query(query.id, text="확인")
            assert srv.answered_callbacks[0]["text"] == "확인"

            sent_photo = await bot.send_photo(42, photo=png(3, 2), caption="공지")
            assert (sent_photo.photo[-1].width, sent_photo.photo[-1].height) == (3, 2)
            assert sent_photo.caption == "공지" and sent_photo.message_id == 2
            tg_file = await bot.get_file(sent_photo.photo[-1].file_id)
            assert tg_file.file_path.startswith(f"{srv.base_url}/file/bot123:ABC/photos/")
            buf = io.BytesIO()
            await tg_file.download_to_memory(buf)
            assert buf.getvalue() == png(3, 2)

            srv.user_photo(42, b"user-image-bytes", caption="누수")
            updates = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=1)
            assert len(updates) == 1 and updates[0].message.caption == "누수"
            user_file = await updates[0].message.photo[-1].get_file()
            assert bytes(await user_file.download_as_bytearray()) == b"user-image-bytes"

            commands = [BotCommand("start", "시작"), BotCommand("help", "도움말")]
            assert await bot.set_my_commands(commands)
            assert await bot.get_my_commands() == tuple(commands)
            assert await bot.get_my_commands(language_code="en") == ()
            assert await bot.delete_my_commands()
            assert await bot.get_my_commands() == ()

            assert await bot.set_webhook("https://bot.example/tg", secret_token="s3cr-et_")
            info = await bot.get_webhook_info()
            assert (info.url, info.pending_update_count) == ("https://bot.example/tg", 1)
            with pytest.raises(Conflict):
                await bot.get_updates()
            assert await bot.delete_webhook(drop_pending_updates=True)
            info = await bot.get_webhook_info()
            assert (info.url, info.pending_update_count) == ("", 0)

            other = await bot.send_message(-1001, "단지 공지")  # ids are per chat
            assert other.message_id == 1 and other.chat.type == "supergroup"
            assert [m[0] for m in srv.sent] == [
                "sendMessage",
                "editMessageText",
                "sendPhoto",
                "sendMessage",
            ]


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # RetryAfter
async def test_ptb_maps_errors_to_exceptions():
    async with (
        FakeTelegramServer(per_chat_rate=True) as srv,
        telegram.Bot(**srv.ptb_kwargs()) as bot,
    ):
        with pytest.raises(BadRequest, match="(?i)message text is empty"):
            await bot.send_message(1, "")
        await bot.send_message(1, "first")
        with pytest.raises(RetryAfter):
            await bot.send_message(1, "second, too fast")
        srv.block(2)
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(2, "hi")
        srv.fail_next(2)
        for _ in range(2):
            with pytest.raises(NetworkError, match="Bad Gateway"):
                await bot.send_message(3, "hi")
        assert (await bot.send_message(3, "hi")).message_id == 1
        wrong = telegram.Bot("999:WRONG", base_url=f"{srv.base_url}/bot")
        with pytest.raises(telegram.error.InvalidToken):
            async with wrong:  # initialize() calls getMe -> 401; shutdown() closes the client
                pass


async def test_ptb_application_polling():
    async def start(update, context):
        await update.message.reply_text("메뉴", reply_markup=KB)

    async def tap(update, context):
        await update.callback_query.answer("ok")
        await update.callback_query.edit_message_text("관리비: 12만원")

    async def photo(update, context):
        data = await (await update.message.photo[-1].get_file()).download_as_bytearray()
        await update.message.reply_text(f"{len(data)} bytes")

    async with FakeTelegramServer() as srv:
        builder = Application.builder().token(srv.token).base_url(f"{srv.base_url}/bot")
        app = builder.base_file_url(f"{srv.base_url}/file/bot").build()
        app.add_handler(CommandHandler("start", start))
        app.add_handler(CallbackQueryHandler(tap))
        app.add_handler(MessageHandler(filters.PHOTO, photo))
        async with app:
            await app.start()
            await app.updater.start_polling(poll_interval=0, timeout=1)
            srv.user_text(42, "/start")
            await eventually(lambda: srv.messages(42))
            assert srv.messages(42)[0]["buttons"] == [["관리비 조회"]]
            srv.user_tap_button(42, "관리비 조회")
            await eventually(lambda: srv.messages(42)[0]["edited"])
            assert srv.messages(42)[0]["text"] == "관리비: 12만원"
            assert srv.answered_callbacks == [{"callback_query_id": "10001", "text": "ok"}]
            srv.user_photo(42, b"12345")
            await eventually(lambda: len(srv.messages(42)) == 2)
            assert srv.messages(42)[1]["text"] == "5 bytes"
            await app.updater.stop()
            await app.stop()
        assert srv.updates == []  # PTB confirmed everything on stop
        assert srv.requests[1][0] == "deleteWebhook"  # start_polling deletes the webhook


# -- wire format -------------------------------------------------------------------------------


async def test_envelopes_for_token_method_and_success():
    async with FakeTelegramServer() as srv:
        assert await call(srv, "getMe", token="1:BAD") == (
            401,
            {"ok": False, "error_code": 401, "description": "Unauthorized"},
        )
        assert await call(srv, "noSuchMethod") == (
            404,
            {"ok": False, "error_code": 404, "description": "Not Found"},
        )
        status, body = await call(srv, "SENDMESSAGE", chat_id=5, text="hi")  # case-insensitive
        assert status == 200 and body["ok"] is True and body["result"]["message_id"] == 1
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{srv.base_url}/bot{srv.token}/getMe?x=1") as resp:
                assert (await resp.json())["result"]["username"] == "fake_bot"
            form = {"chat_id": "5", "text": "폼", "reply_markup": json.dumps(button("a", "b"))}
            url = f"{srv.base_url}/bot{srv.token}/sendMessage"
            async with session.post(url, data=form) as resp:
                result = (await resp.json())["result"]
                assert result["message_id"] == 2 and result["reply_markup"] == button("a", "b")
            mp = aiohttp.FormData()
            mp.add_field("chat_id", "5")
            mp.add_field("photo", "attach://pic")
            mp.add_field("pic", b"raw-bytes", filename="p.jpg", content_type="image/jpeg")
            async with session.post(f"{srv.base_url}/bot{srv.token}/sendPhoto", data=mp) as resp:
                file_id = (await resp.json())["result"]["photo"][0]["file_id"]
            assert srv.files[file_id].data == b"raw-bytes"
            async with session.get(f"{srv.base_url}/file/bot{srv.token}/nope.jpg") as resp:
                assert resp.status == 404


@pytest.mark.parametrize(
    ("method", "params", "description"),
    [
        ("sendMessage", {"text": ""}, "Bad Request: message text is empty"),
        ("sendMessage", {"text": "가" * 4097}, "Bad Request: message is too long"),
        (
            "sendMessage",
            {"text": "x", "reply_markup": button("b", "가" * 22)},
            "BUTTON_DATA_INVALID",
        ),
        ("sendMessage", {"text": "x", "reply_markup": button("b", "")}, "BUTTON_DATA_INVALID"),
        (
            "sendMessage",
            {"text": "x", "reply_markup": {"inline_keyboard": [[{"text": "b"}]]}},
            "unallowed",
        ),
        ("sendMessage", {"chat_id": None, "text": "x"}, "chat_id is empty"),
        ("sendPhoto", {"photo": "unknown-id", "caption": "c"}, "wrong file identifier"),
        ("editMessageText", {"message_id": 99, "text": "x"}, "message to edit not found"),
        ("answerCallbackQuery", {"callback_query_id": "nope"}, "query is too old"),
        ("getFile", {"file_id": "nope"}, "invalid file_id"),
        ("setWebhook", {"url": "https://x", "secret_token": "bad token!"}, "unallowed characters"),
    ],
)
async def test_validation_errors_are_400(method, params, description):
    async with FakeTelegramServer() as srv:
        status, body = await call(srv, method, **{"chat_id": 7, **params})
        assert status == 400 and body["error_code"] == 400 and body["ok"] is False
        assert body["description"].startswith("Bad Request: ")
        assert description in body["description"]
        assert srv.sent == []


async def test_limits_at_the_boundary_pass():
    async with FakeTelegramServer() as srv:
        assert (await call(srv, "sendMessage", chat_id=1, text="가" * 4096))[0] == 200
        markup = button("b", "가" * 21 + "x")  # 64 bytes
        assert (await call(srv, "sendMessage", chat_id=1, text="x", reply_markup=markup))[0] == 200
        srv.user_photo(1, b"img")
        file_id = srv.messages(1, include_user=True)[-1]["photo"]
        status, body = await call(srv, "sendPhoto", chat_id=1, photo=file_id, caption="c" * 1025)
        assert (status, body["description"]) == (400, "Bad Request: message caption is too long")
        assert (await call(srv, "sendPhoto", chat_id=1, photo=file_id, caption="c" * 1024))[
            0
        ] == 200


async def test_edits_apply_and_unmodified_edit_is_rejected():
    async with FakeTelegramServer() as srv:
        srv.user_text(9, "/start now")
        update = srv.updates[-1]
        assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
        _, body = await call(
            srv, "sendMessage", chat_id=9, text="메뉴", reply_markup=button("a", "a")
        )
        mid = body["result"]["message_id"]
        assert mid == 2  # user message 1 and bot message 2 share the chat's counter
        status, body = await call(srv, "editMessageText", chat_id=9, message_id=mid, text="메뉴")
        assert status == 200 and "reply_markup" not in body["result"]  # keyboard removed
        status, body = await call(srv, "editMessageText", chat_id=9, message_id=mid, text="메뉴")
        assert status == 400 and "message is not modified" in body["description"]
        markup = button("b", "b")
        status, _ = await call(
            srv, "editMessageReplyMarkup", chat_id=9, message_id=mid, reply_markup=markup
        )
        assert status == 200
        assert srv.messages(9) == [
            {
                "message_id": 2,
                "from_bot": True,
                "text": "메뉴",
                "caption": None,
                "photo": None,
                "buttons": [["b"]],
                "keyboard": [[{"text": "b", "callback_data": "b"}]],
                "edited": True,
            }
        ]
        assert [m["from_bot"] for m in srv.messages(9, include_user=True)] == [False, True]
        tap = srv.user_tap_button(9, "b")
        assert tap["callback_query"]["data"] == "b"
        with pytest.raises(ValueError, match="no button"):
            srv.user_tap(9, mid, "forged")
        assert (await call(srv, "deleteMessage", chat_id=9, message_id=mid))[0] == 200
        assert srv.messages(9) == []

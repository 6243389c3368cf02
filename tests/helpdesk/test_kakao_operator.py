"""`[kakao] operator = true`: help screens also offer KakaoTalk's own 1:1 chat (상담원 연결, a
card button with action "operator"), as a second way to a person; Telegram and the web chat
show nothing for it, and it is off by default."""

from __future__ import annotations

from bot.app import build_engine
from bot.channels.kakao.render import render_reply
from bot.channels.telegram.render import keyboard
from bot.screens import ButtonRole, Channel
from tests.support.defects import verified

LABEL = "카카오톡 상담원 연결"


def kakao_buttons(reply) -> list[dict]:
    found = []
    for output in render_reply(reply.screens)["template"]["outputs"]:
        for body in output.values():
            found += body.get("buttons", []) if isinstance(body, dict) else []
    return found


async def test_operator_button_on_kakao_help_screens(services, demo):
    services.config = services.config.replace(kakao={"operator": True})
    engine = build_engine(services)
    chat = await verified(engine, demo["101-1203"], "kim", Channel.KAKAO)
    await chat.tap("도움 요청")
    assert {"label": LABEL, "action": "operator"} in kakao_buttons(chat.reply)
    await chat.say("관리사무소 전화번호를 알고 싶어요")
    assert {"label": LABEL, "action": "operator"} in kakao_buttons(chat.reply)
    await chat.tap("처음으로")
    await chat.tap("도움말")
    assert {"label": LABEL, "action": "operator"} in kakao_buttons(chat.reply)
    (operator,) = chat.screen.operators
    markup = keyboard(chat.screen.buttons)  # Telegram: nothing for it
    labels = [b.text for row in markup.inline_keyboard for b in row]
    assert LABEL not in labels and "도움 요청" in labels
    web = chat.screen.without_operators()  # the web chat's JSON leaves it out
    assert all(b.role is not ButtonRole.OPERATOR for b in web.buttons)


async def test_off_by_default(engine, demo):
    chat = await verified(engine, demo["101-1203"], "kim", Channel.KAKAO)
    await chat.tap("도움 요청")
    assert chat.screen.operators == ()
    assert all(b.get("action") != "operator" for b in kakao_buttons(chat.reply))

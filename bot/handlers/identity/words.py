"""Identity wording shared by the linking screens and the "account linked" notice."""

from __future__ import annotations

from bot.i18n import N_, Translator
from bot.screens import Screen
from core.identity.events import AccountLinked

CHANNEL_NAMES = {"kakao": N_("카카오톡"), "telegram": N_("텔레그램"), "web": N_("웹")}


def account_linked(t: Translator, linked: AccountLinked) -> Screen:
    code = linked.channel
    channel = t._(CHANNEL_NAMES.get(code, code))
    text = t._(
        "다른 메신저({channel})가 내 계정에 연결되었어요. "
        "직접 하신 게 아니면 도움말 → 연결된 메신저에서 끊어 주세요.",
        channel=channel,
    )
    return Screen(text)

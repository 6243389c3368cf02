"""Identity wording shared by the linking screens and the "account linked" notice."""

from __future__ import annotations

from bot.i18n import N_, Translator
from bot.screens import Screen
from core.identity.events import AccountLinked, InviteGuessing

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


def invite_guessing(t: Translator, alert: InviteGuessing) -> Screen:
    channel = t._(CHANNEL_NAMES.get(alert.source, alert.source))
    text = t._(
        "{channel}에서 맞지 않는 초대코드가 {minutes}분 안에 {tries}번 이상 들어왔어요. "
        "누군가 코드를 맞혀 보는 중일 수 있어요. {channel}의 초대코드 입력은 잠시 멈췄어요. "
        "코드를 잃어버린 세대가 있으면 새 코드를 발급해 주세요.",
        channel=channel,
        minutes=alert.minutes,
        tries=alert.tries,
    )
    return Screen(text)

"""Parsing a KakaoTalk skill request (SkillPayload 2.0) into a `KakaoRequest` and an `Inbound`.

Pure: no I/O. Lenient as Kakao asks (unknown keys ignored, optional parts may be missing or
null), strict where trust matters: the body must be an object with `userRequest.user.id`, the
bot id must match when one is expected, the button token must look like a token, and only
Kakao-hosted URLs count as photos or callback URLs (so a typed URL cannot make the server fetch
or POST to an arbitrary host).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from bot.channels.kakao.caps import USER_ID_MAX
from bot.channels.safe_json import clean_id
from bot.screens import Channel, Inbound

BOT_ID_MAX = 64
MAX_IMAGES = 10
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,40}")
# An Event API push names the outbox row it shows (bot/outbox/kakao_event.py): "<row id>.<sig>".
EVENT_REF = "naechingu_ref"
EVENT_REF_MAX = 64
_EVENT_REF = re.compile(r"[0-9]{1,15}\.[A-Za-z0-9_-]{16,40}")
_URL = re.compile(r"https?://[^\s,()\"'<>]+")
_IMAGE_PATH = re.compile(r"\.(jpe?g|png|gif|webp|heic|bmp)$", re.IGNORECASE)
_KAKAO_HOSTS = ("kakao.com", "kakaocdn.net")
_IMAGE_KEYS = ("privateUrls", "secureUrls", "imageUrls", "urls")


class KakaoPayloadError(ValueError):
    """The request body is not a usable skill payload; `str(exc)` is a short reason."""


@dataclass(frozen=True)
class KakaoRequest:
    bot_id: str  # without the dev channel's trailing "!"
    dev_channel: bool
    user_key: str  # userRequest.user.id (botUserKey): stable per bot
    plusfriend_user_key: str | None
    utterance: str
    client_extra: dict[str, Any] = field(default_factory=dict)
    callback_url: str | None = None  # only an https URL on a Kakao host
    is_bot_test: bool = False  # sent from the admin console's bot test
    image_urls: tuple[str, ...] = ()  # photos the person sent (Kakao CDN URLs)
    event_ref: str | None = None  # an event block's call: the outbox row to show


def parse_skill_payload(
    body: object, *, expected_bot_id: str | None = None, photo_hosts: tuple[str, ...] = ()
) -> KakaoRequest:
    """A KakaoRequest from a decoded JSON body; raises KakaoPayloadError when it is unusable.
    `photo_hosts` are extra hosts (besides Kakao's) whose image URLs count as photos."""
    if not isinstance(body, dict):
        raise KakaoPayloadError("body is not a JSON object")
    request = _obj(body.get("userRequest"))
    user = _obj(request.get("user"))
    user_key = user.get("id")
    if not isinstance(user_key, str) or not user_key.strip():
        raise KakaoPayloadError("userRequest.user.id is missing")
    if len(user_key) > USER_ID_MAX:
        raise KakaoPayloadError("userRequest.user.id is too long")
    if not clean_id(user_key):
        raise KakaoPayloadError("userRequest.user.id is not printable")
    raw_bot = _obj(body.get("bot")).get("id")
    raw_bot = raw_bot if isinstance(raw_bot, str) else ""
    bot_id = raw_bot.strip().removesuffix("!")
    if len(bot_id) > BOT_ID_MAX:
        raise KakaoPayloadError("bot.id is too long")
    if expected_bot_id is not None and bot_id != expected_bot_id.strip().removesuffix("!"):
        raise KakaoPayloadError("bot.id does not match this skill's bot")
    action = _obj(body.get("action"))
    utterance = request.get("utterance")
    utterance = utterance if isinstance(utterance, str) else ""
    return KakaoRequest(
        bot_id=bot_id,
        dev_channel=raw_bot.strip().endswith("!"),
        user_key=user_key.strip(),
        plusfriend_user_key=_plusfriend_key(_obj(user.get("properties"))),
        utterance=utterance,
        client_extra=_obj(action.get("clientExtra")),
        callback_url=_callback_url(request.get("callbackUrl")),
        is_bot_test=_obj(request.get("params")).get("surface") == "BuilderBotTest",
        image_urls=_image_urls(utterance, _obj(action.get("params")), photo_hosts),
        event_ref=_event_ref(
            _obj(user.get("properties")),
            _obj(request.get("params")),
            _obj(action.get("params")),
            _obj(action.get("clientExtra")),
        ),
    )


def to_inbound(req: KakaoRequest) -> Inbound:
    """The engine's view of a request. A photo-only utterance (image URLs) gives empty text."""
    text = req.utterance.strip()
    if req.image_urls and _only_urls(text):
        text = ""
    extra = {
        "plusfriend_user_key": req.plusfriend_user_key,
        "dev": req.dev_channel,
        "bot_test": req.is_bot_test,
        "image_urls": list(req.image_urls),
    }
    return Inbound(
        channel=Channel.KAKAO,
        user_id=f"{req.bot_id}:{req.user_key}",
        text=text,
        token=button_token(req.client_extra),
        delivery_key=None,  # Kakao has no delivery id; the engine derives single-use keys
        extra=extra,
    )


def button_token(client_extra: dict[str, Any]) -> str | None:
    """The token a tapped button carried in `extra.t`, if it looks like one of ours."""
    token = client_extra.get("t")
    return token if isinstance(token, str) and _TOKEN.fullmatch(token) else None


def _event_ref(*places: dict[str, Any]) -> str | None:
    """The outbox reference an Event API push carried. Kakao merges each user's `properties`
    of the event request into `userRequest.user.properties` and the request's `params` into
    `userRequest.params`; a block may also map it to an action parameter or a button extra.
    Only something shaped like our reference counts (its signature is checked later)."""
    for place in places:
        value = place.get(EVENT_REF)
        ref = value.strip() if isinstance(value, str) else ""
        if len(ref) <= EVENT_REF_MAX and _EVENT_REF.fullmatch(ref):
            return ref
    return None


def _obj(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _plusfriend_key(properties: dict[str, Any]) -> str | None:
    for key in ("plusfriendUserKey", "plusfriend_user_key"):
        value = properties.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _callback_url(value: object) -> str | None:
    if not isinstance(value, str) or not value.startswith("https://"):
        return None
    return value if _kakao_host(value) else None


def _kakao_host(url: str, extra: tuple[str, ...] = ()) -> bool:
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if parts.username or parts.password or parts.scheme not in ("http", "https"):
        return False
    if host in (h.lower() for h in extra):
        return True
    return any(host == h or host.endswith("." + h) for h in _KAKAO_HOSTS)


def _image_urls(utterance: str, params: dict[str, Any], hosts: tuple[str, ...]) -> tuple[str, ...]:
    found: list[str] = []
    text = utterance.strip()
    if text and _only_urls(text):
        found += [
            u for u in text.split() if _kakao_host(u, hosts) and _IMAGE_PATH.search(_path(u))
        ]
    for value in params.values():
        found += [u for u in _plugin_urls(value) if _kakao_host(u, hosts)]
    return tuple(dict.fromkeys(found))[:MAX_IMAGES]


def _plugin_urls(value: object) -> list[str]:
    """URLs from a secure-image plugin value, e.g. '{"privateUrls":"List(https://…)",…}'."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    if not isinstance(value, dict):
        return []
    urls: list[str] = []
    for key in _IMAGE_KEYS:
        field_value = value.get(key)
        items = field_value if isinstance(field_value, list) else [field_value]
        for item in items:
            if isinstance(item, str):
                urls += _URL.findall(item)
    return urls


def _only_urls(text: str) -> bool:
    words = text.split()
    return bool(words) and all(_URL.fullmatch(word) for word in words)


def _path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:
        return ""

"""One journey, three channels: drivers that talk to the running app exactly as each
messenger does, so the same conversation test runs on the web chat, KakaoTalk and Telegram.

Each driver: `await d.say(text)`, `await d.tap(label)`, `await d.photo(bytes)`,
`await d.start(code="")`,
`d.text` (everything the person read in the last answer), `d.labels` (the buttons now shown).
"""

from __future__ import annotations

import asyncio
import itertools
import uuid

import aiohttp
from aiohttp import web

from bot.channels.kakao.limits import validate_skill_response

_ids = itertools.count(1)


EASY_OFFER = "글씨와 버튼을 크고 쉽게 할까요?"


async def answer_easy_offer(driver, easy: bool | None) -> None:
    """After sign-up the bot asks once about 쉬운 모드: answer it (None: leave it asked).
    What the sign-up said ("101동 1203호로 확인했어요.") stays in `driver.signup`."""
    driver.signup = driver.text
    if easy is not None and EASY_OFFER in driver.text:
        await driver.tap("네" if easy else "아니요")


class WebDriver:
    name = "web"

    def __init__(self, base: str, http: aiohttp.ClientSession) -> None:
        self.base, self.http = base, http
        self.session = ""
        self.answer: dict = {}

    async def _post(self, payload: dict) -> None:
        if not self.session:
            async with self.http.post(f"{self.base}/api/web/session") as r:
                self.session = (await r.json())["session"]
        body = {"session": self.session, "id": uuid.uuid4().hex, **payload}
        async with self.http.post(f"{self.base}/api/web/message", json=body) as r:
            assert r.status == 200, await r.text()
            self.answer = await r.json()

    async def start(self, code: str = "", easy: bool | None = False) -> None:
        await self._post({"text": ""})
        if code:  # the web chat has no deep links: the person taps and types
            await self.tap("초대코드 입력")
            await self.say(code)
            await answer_easy_offer(self, easy)

    async def say(self, text: str) -> None:
        await self._post({"text": text})

    async def tap(self, label: str) -> None:
        buttons = []  # the last screen's first; an earlier one's (a notification) stay inline
        for screen in reversed(self.answer["screens"]):
            buttons += [*screen["buttons"], *(b for c in screen["cards"] for b in c["buttons"])]
        token = next((b["token"] for b in buttons if b["label"] == label), None)
        assert token, f"no button {label!r} in {[b['label'] for b in buttons]}"
        await self._post({"token": token})

    async def photo(self, data: bytes) -> None:
        """Upload a photo the way the page does: multipart with session, id and the file."""
        form = aiohttp.FormData()
        form.add_field("session", self.session)
        form.add_field("id", uuid.uuid4().hex)
        form.add_field("photo", data, filename="photo.jpg", content_type="image/jpeg")
        async with self.http.post(f"{self.base}/api/web/message", data=form) as r:
            assert r.status == 200, await r.text()
            self.answer = await r.json()

    @property
    def text(self) -> str:
        parts = []
        for s in self.answer["screens"]:
            parts += [*s["notices"], *(c["title"] for c in s["cards"]), s["text"]]
        return "\n".join(parts)

    @property
    def labels(self) -> list[str]:
        return [b["label"] for b in self.answer["screens"][-1]["buttons"]]


class KakaoDriver:
    """Sends SkillPayloads the way Open Builder does, quick replies as message actions."""

    name = "kakao"

    def __init__(
        self, base: str, http: aiohttp.ClientSession, *, secret: str = "", photo_host=None
    ) -> None:
        self.base, self.http = base, http
        self.photo_host = photo_host  # a PhotoHost: KakaoTalk sends photos as image URLs
        self.user_key = uuid.uuid4().hex + uuid.uuid4().hex[:2]
        self.headers = {"X-Naechingu-Secret": secret} if secret else {}
        self.answer: dict = {}

    def payload(self, utterance: str, extra: dict | None = None) -> dict:
        return {
            "intent": {"id": "fallback", "name": "폴백 블록"},
            "userRequest": {
                "timezone": "Asia/Seoul",
                "params": {"surface": "Kakaotalk.plusfriend"},
                "block": {"id": "fallback", "name": "폴백 블록"},
                "utterance": utterance,
                "lang": "ko",
                "user": {
                    "id": self.user_key,
                    "type": "botUserKey",
                    "properties": {"plusfriendUserKey": "pf" + self.user_key[:10]},
                },
            },
            "bot": {"id": "5e1bbea992690d00019eb340", "name": "내친구"},
            "action": {
                "name": "naechingu",
                "clientExtra": extra,
                "params": {},
                "id": "skill",
                "detailParams": {},
            },
            "contexts": [],
        }

    async def _post(self, utterance: str, extra: dict | None = None) -> None:
        body = self.payload(utterance, extra)
        async with self.http.post(
            f"{self.base}/kakao/skill", json=body, headers=self.headers
        ) as r:
            assert r.status == 200, await r.text()
            self.answer = await r.json()
        problems = validate_skill_response(self.answer)
        assert not problems, problems

    async def start(self, code: str = "", easy: bool | None = False) -> None:
        await self._post("안녕하세요")
        if code:
            await self.tap("초대코드 입력")
            await self.say(code)
            await answer_easy_offer(self, easy)

    async def say(self, text: str) -> None:
        await self._post(text)

    async def tap(self, label: str) -> None:
        for reply in [*self.answer["template"].get("quickReplies", []), *self._card_buttons()]:
            if reply["label"] == label or reply.get("messageText") == label:
                await self._post(reply.get("messageText", reply["label"]), reply.get("extra"))
                return
        raise AssertionError(f"no quick reply {label!r} in {self.labels}")

    async def photo(self, data: bytes) -> None:
        """A photo arrives as an image URL in the utterance (served by the test's host)."""
        await self._post(self.photo_host.put(data))

    def _card_buttons(self) -> list[dict]:
        found = []
        for output in self.answer["template"]["outputs"]:
            for kind, body in output.items():
                cards = body.get("items", []) if kind == "carousel" else [body]
                for card in cards:
                    found += card.get("buttons", []) if isinstance(card, dict) else []
        return found

    @property
    def text(self) -> str:
        parts = []
        for output in self.answer["template"]["outputs"]:
            for kind, body in output.items():
                if kind == "simpleText":
                    parts.append(body["text"])
                elif kind in ("textCard", "basicCard"):
                    parts += [body.get("title", ""), body.get("description", "")]
                elif kind == "carousel":
                    parts += [i.get("title", "") for i in body["items"]]
        return "\n".join(parts)

    @property
    def labels(self) -> list[str]:
        replies = self.answer["template"].get("quickReplies", [])
        return [r.get("messageText", r["label"]) for r in replies]


class PhotoHost:
    """A tiny image server standing in for Kakao's photo CDN (allowed via `photo_hosts`)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.base = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> PhotoHost:
        app = web.Application()
        app.router.add_get("/p/{name}", self._get)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.base = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def put(self, data: bytes) -> str:
        name = f"{uuid.uuid4().hex}.jpg"
        self.files[name] = data
        return f"{self.base}/p/{name}"

    async def _get(self, request: web.Request) -> web.Response:
        data = self.files.get(request.match_info["name"])
        if data is None:
            raise web.HTTPNotFound()
        return web.Response(body=data, content_type="image/jpeg")


class TelegramDriver:
    """A Telegram user in a private chat with the bot, through the fake Bot API server."""

    name = "telegram"

    def __init__(self, server) -> None:
        self.srv = server
        self.chat_id = 100_000 + next(_ids)
        self._mark = 0

    async def _settle(self, before: int) -> None:
        deadline = asyncio.get_running_loop().time() + 10
        while len(self.srv.sent) == before:
            assert asyncio.get_running_loop().time() < deadline, "the bot did not answer"
            await asyncio.sleep(0.01)
        count = -1
        while count != len(self.srv.sent):  # wait until the bot stops sending
            count = len(self.srv.sent)
            await asyncio.sleep(0.08)
        self._mark = before

    async def _act(self, action) -> None:
        before = len(self.srv.sent)
        action()
        await self._settle(before)

    async def start(self, code: str = "", easy: bool | None = False) -> None:
        await self._act(lambda: self.srv.user_text(self.chat_id, f"/start {code}".strip()))
        await answer_easy_offer(self, easy)

    async def say(self, text: str) -> None:
        await self._act(lambda: self.srv.user_text(self.chat_id, text))

    async def tap(self, label: str) -> None:
        await self._act(lambda: self.srv.user_tap_button(self.chat_id, label))

    async def photo(self, data: bytes) -> None:
        await self._act(lambda: self.srv.user_photo(self.chat_id, data))

    @property
    def _recent(self) -> list[dict]:
        return [
            params
            for method, params, _ in self.srv.sent[self._mark :]
            if str(params.get("chat_id")) == str(self.chat_id)
        ]

    @property
    def text(self) -> str:
        return "\n".join(p.get("text") or p.get("caption") or "" for p in self._recent)

    @property
    def labels(self) -> list[str]:
        for message in reversed(self.srv.messages(self.chat_id)):
            if message["buttons"]:
                return [label for row in message["buttons"] for label in row]
        return []

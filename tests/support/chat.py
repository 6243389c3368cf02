"""A conversational test client: talk to the engine the way a person does, read the answer.

chat = Chat(engine, user="kim")
await chat.say("안녕")
await chat.tap("초대코드 입력")
assert "확인했어요" in chat.text
"""

from __future__ import annotations

import itertools

from bot.channels.kakao.limits import validate_skill_response
from bot.channels.kakao.render import render_reply
from bot.screens import Button, Channel, Inbound, Photo, Reply, Screen

_ids = itertools.count(1)


class Chat:
    def __init__(self, engine, *, user: str = "u1", channel: Channel = Channel.WEB) -> None:
        self.engine = engine
        self.user = user
        self.channel = channel
        self.reply: Reply | None = None
        self.history: list[Reply] = []

    async def _send(self, **kw) -> Reply:
        kw.setdefault("delivery_key", f"test:{next(_ids)}")
        inbound = Inbound(channel=self.channel, user_id=self.user, **kw)
        self.reply = await self.engine.handle(inbound)
        self.history.append(self.reply)
        # Every answer of every dialog test must also be a valid KakaoTalk answer.
        for block_id in (None, "block-1"):
            problems = validate_skill_response(render_reply(self.reply.screens, block_id=block_id))
            assert not problems, problems
        return self.reply

    async def say(self, text: str) -> Reply:
        return await self._send(text=text)

    async def command(self, name: str, arg: str = "") -> Reply:
        return await self._send(command=name, command_arg=arg)

    async def photo(self, data: bytes, content_type: str = "image/jpeg") -> Reply:
        return await self._send(photos=(Photo(data, content_type),))

    async def tap(self, label: str, **kw) -> Reply:
        return await self._send(token=self.button(label).token, **kw)

    async def tap_token(self, token: str, **kw) -> Reply:
        return await self._send(token=token, **kw)

    @property
    def screen(self) -> Screen:
        assert self.reply is not None and self.reply.screens, "no reply yet"
        return self.reply.screens[-1]

    @property
    def text(self) -> str:
        """Everything the person reads in the last reply: notices, cards and text."""
        parts = []
        for screen in self.reply.screens:
            parts.extend(screen.notices)
            for card in screen.cards:
                parts.append(card.title)
                parts.extend(card.lines)
            parts.append(screen.text)
        return "\n".join(parts)

    @property
    def labels(self) -> list[str]:
        return [b.label for b in self.screen.buttons]

    def button(self, label: str) -> Button:
        for button in self.screen.buttons:
            if button.label == label:
                return button
        for card in self.screen.cards:
            for button in card.buttons:
                if button.label == label:
                    return button
        raise AssertionError(f"no button {label!r}; buttons: {self.labels}")

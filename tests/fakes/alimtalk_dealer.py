"""A local fake of a business-message dealer's 알림톡 API (NHN Cloud style, v2.3):
`POST /alimtalk/v2.3/appkeys/{appkey}/messages` with `X-Secret-Key`, answering as the dealer
does — `{header: {resultCode, resultMessage, isSuccessful}, message: {requestId,
senderGroupingKey, sendResults: [{recipientSeq, recipientNo, resultCode, resultMessage,
recipientGroupingKey}]}}` — and refusing what it refuses: a wrong secret or app key, an
unknown sender key or template, 0 or over 1,000 recipients, a template placeholder left
unfilled, a message over 1,000 characters. A number that is not a mobile number gets -5000
(유효하지 않은 수신 번호).

Programmable failures: `answers` (HTTP statuses for the next calls, e.g. [500] or [429]) and
`codes` ({number: (resultCode, resultMessage)} for one recipient)."""

from __future__ import annotations

import re
import uuid

from aiohttp import web

APPKEY, SECRET = "nhn-app-key-1234", "dealer-secret-5678abcd"
SENDER_KEY = "a" * 40
URGENT, VOTE = "NCG_URGENT", "NCG_VOTE"
TEMPLATES = {
    URGENT: "[내친구 긴급 알림]\n#{title}\n#{text}\n\n자세한 내용은 챗봇에서 확인해 주세요.",
    VOTE: "[내친구 주민투표]\n#{title}\n#{text}\n\n투표는 내친구 챗봇에서 할 수 있어요.",
}
MAX_RECIPIENTS, MAX_CONTENT = 1000, 1000
PLACEHOLDER = re.compile(r"#\{([^}]+)\}")
MOBILE = re.compile(r"01[016789]\d{7,8}")


def config(dealer: FakeDealer, **changes) -> dict:
    """The `[alimtalk]` section that points the bot at this fake."""
    return {
        "alimtalk": {
            "enabled": True,
            "base_url": dealer.base,
            "appkey": APPKEY,
            "secret_key": SECRET,
            "sender_key": SENDER_KEY,
            "urgent_template": URGENT,
            "vote_template": VOTE,
            **changes,
        }
    }


class FakeDealer:
    def __init__(self) -> None:
        self.calls: list[dict] = []  # accepted requests: headers and body
        self.refused: list[tuple[int, str]] = []
        self.delivered: list[tuple[str, str]] = []  # (number, message as the phone shows it)
        self.answers: list[int] = []  # HTTP statuses to answer the next calls with
        self.codes: dict[str, tuple[int, str]] = {}  # number -> per-recipient failure
        self.attempts = 0
        self.base = ""
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> FakeDealer:
        app = web.Application()
        app.router.add_post("/alimtalk/v2.3/appkeys/{appkey}/messages", self.send)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.base = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def __aexit__(self, *exc) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    def _refuse(self, code: int, message: str, status: int = 200) -> web.Response:
        self.refused.append((code, message))
        header = {"resultCode": code, "resultMessage": message, "isSuccessful": False}
        return web.json_response({"header": header}, status=status)

    async def send(self, request: web.Request) -> web.Response:
        self.attempts += 1
        if self.answers:
            status = self.answers.pop(0)
            headers = {"Retry-After": "1"} if status == 429 else {}
            return web.json_response({"error": "try later"}, status=status, headers=headers)
        if request.headers.get("X-Secret-Key") != SECRET:
            return self._refuse(-1000, "Invalid secret key", status=401)
        if request.match_info["appkey"] != APPKEY:
            return self._refuse(-4004, "존재하지 않는 appkey")
        body = await request.json()
        if body.get("senderKey") != SENDER_KEY:
            return self._refuse(-3000, "Invalid sender key")
        template = TEMPLATES.get(body.get("templateCode", ""))
        if template is None:
            return self._refuse(-3001, "Invalid template code")
        recipients = body.get("recipientList") or []
        if not 1 <= len(recipients) <= MAX_RECIPIENTS:
            return self._refuse(-5001, "recipientList must hold 1 to 1000 recipients")
        contents = []
        for recipient in recipients:
            params = recipient.get("templateParameter") or {}
            missing = set(PLACEHOLDER.findall(template)) - set(params)
            if missing:
                return self._refuse(-2000, f"templateParameter missing {sorted(missing)}")
            content = PLACEHOLDER.sub(lambda m, p=params: str(p[m.group(1)]), template)
            if len(content) > MAX_CONTENT:
                return self._refuse(-2001, "content over 1000 characters")
            contents.append(content)
        self.calls.append({"headers": dict(request.headers), **body})
        results = []
        for seq, (recipient, content) in enumerate(zip(recipients, contents, strict=True), 1):
            number = str(recipient.get("recipientNo", ""))
            code, message = self.codes.get(number, (0, "success"))
            if not MOBILE.fullmatch(number):
                code, message = -5000, "유효하지 않은 수신 번호"
            if code == 0:
                self.delivered.append((number, content))
            results.append(
                {
                    "recipientSeq": seq,
                    "recipientNo": number,
                    "resultCode": code,
                    "resultMessage": message,
                    "recipientGroupingKey": recipient.get("recipientGroupingKey"),
                }
            )
        return web.json_response(
            {
                "header": {"resultCode": 0, "resultMessage": "success", "isSuccessful": True},
                "message": {
                    "requestId": uuid.uuid4().hex[:25],
                    "senderGroupingKey": body.get("senderGroupingKey"),
                    "sendResults": results,
                },
            }
        )

"""A local fake of Kakao's Open Builder Event API: `POST /v2/bots/{botId}/talk` and
`GET /v1/tasks/{taskId}`, refusing what Kakao refuses (wrong key or bot, 0 or over 100 users,
duplicate users, no event data), plus what this project promises on top: each user's
`properties` are a few short strings (our outbox reference, never personal data)."""

from __future__ import annotations

import time
import uuid

from aiohttp import web

PROPERTY_MAX = 64  # our reference is ≤ 64 characters; the fake refuses anything longer

BOT_ID, KEY = "5e1bbea992690d00019eb340", "kakao-rest-key"


class FakeEventApi:
    """POST /v2/bots/{botId}/talk and GET /v1/tasks/{taskId}, as Kakao answers them."""

    def __init__(self) -> None:
        self.calls: list[dict] = []  # accepted talk requests: auth, event, users
        self.refused: list[tuple[int, str]] = []
        self.failing: dict[str, str] = {}  # user id -> errorMsg in the task report
        self.tasks: dict[str, dict] = {}
        self.base = ""
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> FakeEventApi:
        app = web.Application()
        app.router.add_post("/v2/bots/{bot_id}/talk", self.talk)
        app.router.add_get("/v1/tasks/{task_id}", self.task)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.base = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def __aexit__(self, *exc) -> None:
        await self._runner.cleanup()

    def _refuse(self, status: int, message: str) -> web.Response:
        self.refused.append((status, message))
        return web.json_response({"status": "FAIL", "message": message}, status=status)

    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"KakaoAK {KEY}"

    async def talk(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return self._refuse(401, "invalid app key")
        if request.match_info["bot_id"] != BOT_ID:
            return self._refuse(404, "bot not found")
        body = await request.json()
        users = [u["id"] for u in body.get("user", []) if u.get("type") == "botUserKey"]
        if not 1 <= len(users) <= 100 or len(users) != len(body["user"]):
            return self._refuse(400, "user must be 1 to 100 botUserKeys")
        if len(set(users)) != len(users):
            return self._refuse(400, "duplicate user")
        if not body.get("event", {}).get("data", {}).get("text"):
            return self._refuse(400, "event data missing")
        properties = {u["id"]: u.get("properties", {}) for u in body["user"]}
        for props in properties.values():
            if not isinstance(props, dict) or len(props) > 5:
                return self._refuse(400, "user properties must be a small object")
            if any(not isinstance(v, str) or len(v) > PROPERTY_MAX for v in props.values()):
                return self._refuse(400, "user properties must be short strings")
        self.calls.append(
            {
                "auth": request.headers["Authorization"],
                **body,
                "user": users,
                "properties": properties,
            }
        )
        task_id = uuid.uuid4().hex
        failed = [{"userID": u, "errorMsg": self.failing[u]} for u in users if u in self.failing]
        self.tasks[task_id] = {
            "taskId": task_id,
            "status": f"{len(failed)} FAIL" if failed else "ALL SUCCESS",
            "allRequestCount": len(users),
            "successCount": len(users) - len(failed),
            "fail": {"count": len(failed), "list": failed},
        }
        stamp = int(time.time() * 1000)
        return web.json_response({"taskId": task_id, "status": "SUCCESS", "timestamp": stamp})

    async def task(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return self._refuse(401, "invalid app key")
        task = self.tasks.get(request.match_info["task_id"])
        return web.json_response(task) if task else self._refuse(404, "task not found")

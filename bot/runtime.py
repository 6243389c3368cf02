"""The running process: the HTTP server and, as they are configured, the channel pollers,
the outbox sender and the scheduler. Roles are chosen by configuration, not by code."""

from __future__ import annotations

from aiohttp import web

from bot.app import Services
from bot.engine.engine import Engine
from bot.server import build_http_app


class Runtime:
    def __init__(self, services: Services, engine: Engine) -> None:
        self.services = services
        self.engine = engine
        self.port = services.config.http.port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = build_http_app(self.services, self.engine)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        http = self.services.config.http
        site = web.TCPSite(self._runner, http.host, http.port)
        await site.start()
        sockets = site._server.sockets if site._server else []  # the real port when port=0
        if sockets:
            self.port = sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

"""The running process: the HTTP server and, as they are configured, the Telegram poller or
webhook, the KakaoTalk skill route, the outbox sender and the scheduler. Roles are chosen by
configuration, not by different code."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiohttp import web

from bot.app import Services
from bot.engine.engine import Engine
from bot.outbox.sender import Deliverer
from bot.server import build_http_app

log = logging.getLogger("naechingu.runtime")


class Runtime:
    def __init__(self, services: Services, engine: Engine) -> None:
        self.services = services
        self.engine = engine
        self.port = services.config.http.port
        self.telegram = None  # the TelegramChannel, when a token is configured
        self._telegram_bot = None
        self._runner: web.AppRunner | None = None
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task] = []
        self.sender = None  # the OutboxSender, when any push channel is configured
        self.scheduler = None  # the JobRunner, when scheduler.enabled
        self._http = None

    async def _start_telegram(self) -> list[web.RouteDef]:
        cfg = self.services.config.telegram
        if not cfg.token:
            return []
        import telegram

        from bot.channels.telegram.adapter import TelegramChannel

        kwargs = {}
        if cfg.api_base:
            base = cfg.api_base.rstrip("/")
            kwargs = {"base_url": f"{base}/bot", "base_file_url": f"{base}/file/bot"}
        self._telegram_bot = telegram.Bot(cfg.token, **kwargs)
        await self._telegram_bot.initialize()
        max_photo = self.services.config.media.max_photo_mb * 1024 * 1024
        self.telegram = TelegramChannel(self._telegram_bot, self.engine, max_photo_bytes=max_photo)
        webhook = cfg.webhook_url or None
        await self.telegram.setup(webhook_url=webhook, secret_token=cfg.webhook_secret or None)
        if webhook:
            handler = self.telegram.webhook_handler(cfg.webhook_secret or None)
            return [web.post(cfg.webhook_path, handler)]
        self._tasks.append(asyncio.create_task(self.telegram.run_polling(self._stop)))
        return []

    def _deliverers(self) -> dict:
        """Push channels the sender delivers to; the others are read from the inbox."""
        cfg = self.services.config
        deliverers: dict[str, Deliverer] = {}
        if self.telegram is not None:
            from bot.outbox.telegram import TelegramDeliverer

            deliverers["telegram"] = TelegramDeliverer(
                self.telegram, rate=cfg.outbox.telegram_rate, per_chat=cfg.outbox.telegram_per_chat
            )
        if cfg.kakao.event_api_base:
            from bot.outbox.kakao_event import KakaoEventDeliverer, event_ref_key

            deliverers["kakao"] = KakaoEventDeliverer(
                self._client(),
                base=cfg.kakao.event_api_base,
                bot_id=cfg.kakao.bot_id,
                key=cfg.kakao.event_api_key,
                event=cfg.kakao.event_name,
                batch=cfg.outbox.kakao_batch,
                ref_key=event_ref_key(self.services.token_key),
            )
        if cfg.alimtalk.enabled:  # 알림톡 to residents who gave a number (off by default)
            from bot.outbox.alimtalk import AlimTalkDeliverer
            from bot.outbox.notifier import ALIMTALK

            deliverers[ALIMTALK] = AlimTalkDeliverer(
                self.services,
                self._client(),
                base_url=cfg.alimtalk.base_url,
                appkey=cfg.alimtalk.appkey,
                secret_key=cfg.alimtalk.secret_key,
                sender_key=cfg.alimtalk.sender_key,
                sms_fallback=cfg.alimtalk.sms_fallback,
                batch=cfg.alimtalk.batch,
            )
        return deliverers

    def _client(self):
        """One HTTP client for the push APIs (Kakao Event API, the 알림톡 dealer)."""
        if self._http is None:
            import aiohttp

            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        return self._http

    async def _start_sender(self) -> None:
        from bot.outbox.sender import OutboxSender

        deliverers = self._deliverers()
        if self.services.config.outbox.enabled and deliverers:
            self.sender = OutboxSender(self.services, deliverers)
            self._tasks.append(asyncio.create_task(self.sender.run(self._stop)))

    async def _start_scheduler(self) -> None:
        from bot.housekeeping import arm_purge
        from bot.scheduler import JobRunner

        if self.services.config.scheduler.enabled:
            async with self.services.uow() as uow:  # every process arms the same row
                await arm_purge(uow, self.services)
                await uow.commit()
            self.scheduler = JobRunner(self.services, self.services.jobs)
            self._tasks.append(asyncio.create_task(self.scheduler.run(self._stop)))

    async def start(self) -> None:
        from bot.process import reclaim

        await reclaim(self.services)  # before this run claims anything
        routes = await self._start_telegram()
        await self._start_sender()
        await self._start_scheduler()
        app = build_http_app(self.services, self.engine, routes)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        http = self.services.config.http
        site = web.TCPSite(self._runner, http.host, http.port)
        await site.start()
        sockets = site._server.sockets if site._server else []  # the real port when port=0
        if sockets:
            self.port = sockets[0].getsockname()[1]
        if not self.services.config.http.public_base_url:  # photo URLs point at us
            self.services.media.base_url = f"http://{http.host}:{self.port}"

    async def stop(self) -> None:
        self._stop.set()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, timeout=30)
        if self._runner is not None:
            await self._runner.cleanup()
        if self._telegram_bot is not None:
            await self._telegram_bot.shutdown()
        if self._http is not None:
            await self._http.close()

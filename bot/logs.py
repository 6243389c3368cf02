"""Logging without secrets. No log line may carry the Telegram bot token (anyone holding it
controls the bot), the KakaoTalk, webhook or AlimTalk secrets, mobile numbers, invite codes,
unit numbers or what a resident typed. Our own log calls name ids and counts only; the
libraries are held here:

- httpx/httpcore log every request URL at INFO, and a Bot API URL holds the token
  (`…/bot<token>/sendMessage`): they speak from WARNING up;
- python-telegram-bot logs request parameters (message texts) at DEBUG: from INFO up;
- and, as a last guard, every handler of the running bot gets a `Redactor` that masks the
  configured secrets, any Korean mobile number and any bank account number (123-45-******)
  wherever they would still appear (an exception message, a URL).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from bot.config import Config
from core.shop.payments import mask_number

LIBRARY_LEVELS = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.INFO,
    "hpack": logging.WARNING,
    "aiosqlite": logging.INFO,  # DEBUG: every statement with its parameters
    "sqlalchemy": logging.WARNING,  # INFO: the same
    "asyncpg": logging.INFO,
    "asyncio": logging.INFO,
}
MASK = "***"
# A Korean mobile number however it is written (010-1234-5678, 01012345678, +82 10 …):
# no log line may carry one, even one a library or an exception message would print.
MOBILE = re.compile(r"(?<!\d)(?:\+?82[- ]?|0)1[016789][- .]?\d{3,4}[- .]?\d{4}(?!\d)")


# A bank account number as screens write it (123-45-678901, 10 digits or more with hyphens):
# the buyer reads it in full in their chat, but no log line may carry it.
ACCOUNT = re.compile(r"(?<![\d-])\d{2,6}(?:-\d{1,8}){1,4}(?![\d-])")
ACCOUNT_DIGITS = 10  # fewer: a date (2026-12-06) or a short code, left alone


def mask_phones(text: str) -> str:
    return MOBILE.sub("010-****-****", text)


def mask_accounts(text: str) -> str:
    def masked(found: re.Match[str]) -> str:
        number = found.group()
        if sum(c.isdigit() for c in number) < ACCOUNT_DIGITS:
            return number
        return mask_number(number)

    return ACCOUNT.sub(masked, text)


def quiet_libraries() -> None:
    """Called by the composition root, so tests and every process role get it."""
    for name, level in LIBRARY_LEVELS.items():
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < level:
            logger.setLevel(level)


def secrets_of(config: Config) -> list[str]:
    telegram = config.telegram.token
    return [
        telegram,
        telegram.partition(":")[2],  # the part after the bot id is the secret itself
        config.telegram.webhook_secret,
        config.kakao.secret_value,
        config.kakao.event_api_key,
        config.security.secret_key,
        config.alimtalk.secret_key,
        config.alimtalk.appkey,  # part of every dealer URL
    ]


class Redactor(logging.Filter):
    """Replaces each secret in a record's final text with ***, any Korean mobile number
    with 010-****-**** and any bank account number with its masked form (123-45-******)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        # Longest first, so a token is masked whole before its secret part is looked for.
        self.secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        masked = self._mask(text)
        if masked != text:
            record.msg, record.args = masked, ()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self._mask(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True

    def _mask(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return mask_accounts(mask_phones(text))


def configure(config: Config) -> None:
    """The running bot's logging: one line per record on stderr, secrets masked."""
    logging.basicConfig(
        level=config.log.level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    redactor = Redactor(secrets_of(config))
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    quiet_libraries()

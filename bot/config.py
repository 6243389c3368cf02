"""Configuration: `bot.toml` read into frozen dataclasses, one per section (the sections are
in bot/config_sections.py), every key overridable by an environment variable
`BOT_<SECTION>_<KEY>`. Bad values raise ConfigError, which names the key; the command line
turns it into one line and exit code 2."""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import typing
from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path

from bot.config_sections import (
    AlimtalkConfig,
    DatabaseConfig,
    DefectsConfig,
    DemoConfig,
    DialogsConfig,
    HelpConfig,
    HttpConfig,
    I18nConfig,
    KakaoConfig,
    LogConfig,
    MediaConfig,
    OutboxConfig,
    PointsConfig,
    PrivacyConfig,
    ProcessConfig,
    PurgeConfig,
    SchedulerConfig,
    SecurityConfig,
    ShareConfig,
    ShopConfig,
    TelegramConfig,
)
from core.errors import DomainError
from core.helpdesk.hours import OfficeHours


class ConfigError(Exception):
    pass


_PROCESS_ID = re.compile(r"[A-Za-z0-9.-]{1,24}")


@dataclass(frozen=True)
class Config:
    http: HttpConfig = field(default_factory=HttpConfig)
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    demo: DemoConfig = field(default_factory=DemoConfig)
    security: SecurityConfig = field(default_factory=SecurityConfig)
    dialogs: DialogsConfig = field(default_factory=DialogsConfig)
    i18n: I18nConfig = field(default_factory=I18nConfig)
    kakao: KakaoConfig = field(default_factory=KakaoConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    alimtalk: AlimtalkConfig = field(default_factory=AlimtalkConfig)
    scheduler: SchedulerConfig = field(default_factory=SchedulerConfig)
    media: MediaConfig = field(default_factory=MediaConfig)
    defects: DefectsConfig = field(default_factory=DefectsConfig)
    points: PointsConfig = field(default_factory=PointsConfig)
    shop: ShopConfig = field(default_factory=ShopConfig)
    share: ShareConfig = field(default_factory=ShareConfig)
    help: HelpConfig = field(default_factory=HelpConfig)
    purge: PurgeConfig = field(default_factory=PurgeConfig)
    process: ProcessConfig = field(default_factory=ProcessConfig)
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    log: LogConfig = field(default_factory=LogConfig)

    def replace(self, **sections: dict) -> Config:
        """A copy with some keys changed, e.g. cfg.replace(http={"port": 0})."""
        changes = {
            name: dataclasses.replace(getattr(self, name), **values)
            for name, values in sections.items()
        }
        return dataclasses.replace(self, **changes)


def _coerce(key: str, raw: object, kind: object) -> object:
    origin = typing.get_origin(kind)
    try:
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if kind is int:
            if isinstance(raw, bool):
                raise ValueError(raw)
            return int(raw)
        if kind is float:
            return float(raw)
        if kind is str:
            if not isinstance(raw, str | int | float):
                raise ValueError(raw)
            return str(raw)
        if origin is tuple:
            items = raw.split(",") if isinstance(raw, str) else list(raw)
            return tuple(str(i).strip() for i in items if str(i).strip())
    except (TypeError, ValueError):
        pass
    raise ConfigError(
        f"config key {key}: {raw!r} is not a valid {getattr(kind, '__name__', kind)}"
    )


def load_config(
    path: str | os.PathLike | None = None, env: dict[str, str] | None = None
) -> Config:
    """Read bot.toml and apply BOT_<SECTION>_<KEY> overrides.

    A file named by the caller (`--config`) or by $BOT_CONFIG must exist: a typo there must not
    start a bot with defaults on a new database. Only the implicit ./bot.toml may be missing
    (no configuration at all: the defaults, i.e. SQLite and the demo)."""
    env = dict(os.environ if env is None else env)
    named = path or env.get("BOT_CONFIG")
    path = Path(named or "bot.toml")
    if named and not path.is_file():
        raise ConfigError(f"config file {path}: not found")
    data: dict = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path}: {exc}") from exc
    sections = {}
    section_types = typing.get_type_hints(Config)
    for section in dataclasses.fields(Config):
        section_type = section_types[section.name]
        raw_section = data.pop(section.name, {})
        if not isinstance(raw_section, dict):
            raise ConfigError(f"config section [{section.name}] must be a table")
        hints = typing.get_type_hints(section_type)
        values = {}
        for item in dataclasses.fields(section_type):
            key = f"{section.name}.{item.name}"
            env_name = f"BOT_{section.name}_{item.name}".upper()
            in_file = item.name in raw_section
            from_file = raw_section.pop(item.name, None)
            if env_name in env:
                values[item.name] = _coerce(env_name, env[env_name], hints[item.name])
            elif in_file:
                values[item.name] = _coerce(key, from_file, hints[item.name])
        if raw_section:
            raise ConfigError(f"config key {section.name}.{next(iter(raw_section))}: unknown key")
        sections[section.name] = section_type(**values)
    if data:
        raise ConfigError(f"config section [{next(iter(data))}]: unknown section")
    config = Config(**sections)
    _validate(config)
    return config


def _validate(config: Config) -> None:
    if not 0 <= config.http.port <= 65535:
        raise ConfigError(f"config key http.port: {config.http.port} is out of range")
    if not config.database.url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
        raise ConfigError(
            "config key database.url: use sqlite+aiosqlite:///path or postgresql+asyncpg://..."
        )
    if config.database.pool_size < 1:
        raise ConfigError("config key database.pool_size: must be at least 1")
    if config.database.identity_cache < 0:
        raise ConfigError("config key database.identity_cache: must be 0 (off) or more")
    if config.i18n.default_locale not in config.i18n.locales:
        raise ConfigError("config key i18n.default_locale: not one of i18n.locales")
    if config.outbox.telegram_rate <= 0 or config.outbox.telegram_per_chat <= 0:
        raise ConfigError("config key outbox.telegram_rate: must be positive")
    if config.dialogs.expire_hours < 1:
        raise ConfigError("config key dialogs.expire_hours: must be at least 1")
    if config.dialogs.draft_days < 1:
        raise ConfigError("config key dialogs.draft_days: must be at least 1")
    alimtalk = config.alimtalk
    if alimtalk.enabled:
        for key in ("base_url", "appkey", "secret_key", "sender_key"):
            if not getattr(alimtalk, key):
                raise ConfigError(f"config key alimtalk.{key}: needed when alimtalk.enabled")
        if not (alimtalk.urgent_template or alimtalk.vote_template):
            raise ConfigError(
                "config key alimtalk.urgent_template: give a template code (or vote_template)"
            )
        if not 1 <= alimtalk.batch <= 1000:
            raise ConfigError("config key alimtalk.batch: 1 to 1000 recipients per call")
    try:
        OfficeHours.parse(config.help.office_hours, UTC)
    except DomainError:
        raise ConfigError(
            f"config key help.office_hours: {config.help.office_hours!r} is not like "
            "'평일 09:00-18:00'"
        ) from None
    points = config.points
    if points.common_direct_limit < 0 or not 0 <= points.common_vote_quorum <= 100:
        raise ConfigError("config key points.common_*: a limit of 0 or more, a quorum of 0-100")
    if not 1 <= points.common_vote_days <= 60:
        raise ConfigError("config key points.common_vote_days: 1 to 60")
    if not 0 <= config.purge.hour <= 23:
        raise ConfigError("config key purge.hour: 0 to 23")
    if config.purge.unverified_days < 1:
        raise ConfigError("config key purge.unverified_days: must be at least 1")
    if config.purge.orphan_photo_hours <= config.dialogs.expire_hours:
        raise ConfigError(
            "config key purge.orphan_photo_hours: must be more than dialogs.expire_hours "
            "(a photo of a dialog still open is not an orphan)"
        )
    if config.process.id and not _PROCESS_ID.fullmatch(config.process.id):
        raise ConfigError("config key process.id: 1-24 characters of A-Z a-z 0-9 . -")
    if config.help.remind_minutes < 1:
        raise ConfigError("config key help.remind_minutes: must be at least 1")
    for key in ("relay_chat_days", "report_photo_days", "audit_detail_days"):
        if getattr(config.privacy, key) < 1:
            raise ConfigError(f"config key privacy.{key}: must be at least 1")
    for day in config.share.extra_holidays:
        try:
            date.fromisoformat(day)
        except ValueError:
            raise ConfigError(
                f"config key share.extra_holidays: {day!r} is not a date (YYYY-MM-DD)"
            ) from None


MIN_SECRET = 16  # characters: a shared secret anyone could guess is no door at all
_LOOPBACK = ("127.", "::1", "localhost")


def exposed(config: Config) -> bool:
    """True outside the local/demo setting: people on other machines can reach us."""
    return bool(
        config.http.public_base_url
        or config.telegram.webhook_url
        or not config.http.host.startswith(_LOOPBACK)
    )


def check_secrets(config: Config) -> None:
    """Before `run`: refuse open doors. A Telegram webhook needs its secret token (else anyone
    can post updates as any Telegram user); outside the local setting the KakaoTalk skill
    needs its secret header too. Raises ConfigError naming the key and how to set it."""
    tg = config.telegram
    if tg.token and tg.webhook_url and len(tg.webhook_secret) < MIN_SECRET:
        raise ConfigError(
            f"config key telegram.webhook_secret: set a random secret of {MIN_SECRET}+ "
            "characters (A-Z a-z 0-9 _ -) when telegram.webhook_url is set, e.g. "
            "BOT_TELEGRAM_WEBHOOK_SECRET=$(openssl rand -hex 24)"
        )
    if exposed(config) and len(config.kakao.secret_value) < MIN_SECRET:
        raise ConfigError(
            f"config key kakao.secret_value: set a random secret of {MIN_SECRET}+ characters "
            "when the server is reachable from outside (http.public_base_url or a non-loopback "
            "http.host), and the same value in the skill's header "
            f"{config.kakao.secret_header} in Open Builder, e.g. "
            "BOT_KAKAO_SECRET_VALUE=$(openssl rand -hex 24)"
        )

"""Configuration sections: one frozen dataclass per `bot.toml` table, with its defaults
(bot.config reads the file and the environment into them and checks the values)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HttpConfig:
    host: str = "127.0.0.1"
    port: int = 8080
    public_base_url: str = ""  # how residents' phones reach us (images, upload links)
    max_body_kb: int = 12288  # photos up to 10 MB plus envelope
    # GET /metrics answers loopback clients; others only with "Authorization: Bearer <token>"
    metrics_token: str = ""


@dataclass(frozen=True)
class DatabaseConfig:
    url: str = "sqlite+aiosqlite:///data/naechingu.db"
    pool_size: int = 10
    # who is writing, kept per process between messages (storage/identity_cache.py); 0: off
    identity_cache: int = 4096


@dataclass(frozen=True)
class DemoConfig:
    enabled: bool = True  # seed the DEMO complex when the database is empty


@dataclass(frozen=True)
class SecurityConfig:
    secret_key: str = ""  # keys invite-code hashes; empty: generated once into data/secret.key
    secret_key_file: str = "data/secret.key"


@dataclass(frozen=True)
class DialogsConfig:
    expire_hours: int = 24
    token_days: int = 7  # how long a button stays usable
    draft_days: int = 7  # how long a dialog left half-way is kept as a draft (이어서 하기)


@dataclass(frozen=True)
class I18nConfig:
    default_locale: str = "ko"
    locales: tuple[str, ...] = ("ko", "en", "vi", "zh_Hans")
    timezone: str = "Asia/Seoul"


@dataclass(frozen=True)
class KakaoConfig:
    path: str = "/kakao/skill"
    secret_header: str = "X-Naechingu-Secret"
    secret_value: str = ""  # when set, requests without it are refused (401)
    bot_id: str = ""  # when set, requests of another bot are refused
    block_id: str = ""  # when set, buttons use action "block" to this block
    event_api_base: str = ""  # e.g. https://bot-api.kakao.com; empty: inbox instead of push
    event_api_key: str = ""  # REST API key, sent as "Authorization: KakaoAK <key>"
    event_name: str = "naechingu_notice"
    # Hosts besides Kakao's own whose image URLs count as photos (tests allow 127.0.0.1).
    # Empty: only Kakao's hosts, so a typed URL cannot make the server fetch elsewhere.
    photo_hosts: tuple[str, ...] = ()
    # Offer KakaoTalk's own 1:1 chat (상담원 연결, button action "operator") on help screens;
    # needs the channel's agent-connection plugin set up in Open Builder.
    operator: bool = False
    channel_url: str = ""  # the channel's add-friend link (http://pf.kakao.com/_xxxx): letters' QR


@dataclass(frozen=True)
class TelegramConfig:
    token: str = ""
    api_base: str = ""  # e.g. http://127.0.0.1:8081 for a local Bot API server
    webhook_url: str = ""  # empty: long polling
    webhook_secret: str = ""
    webhook_path: str = "/telegram/webhook"
    bot_username: str = ""  # without @: letters' QR https://t.me/<bot_username>?start=<code>


@dataclass(frozen=True)
class OutboxConfig:
    enabled: bool = True
    telegram_rate: float = 25.0  # messages per second overall (Telegram allows about 30)
    telegram_per_chat: float = 1.0  # messages per second to one chat
    kakao_batch: int = 100  # Event API recipients per call
    max_attempts: int = 8
    lease_seconds: int = 60


@dataclass(frozen=True)
class AlimtalkConfig:
    """알림톡 through a business-message dealer (NHN Cloud style REST API): 긴급 notices and
    vote reminders to residents who gave a mobile number with consent (도움말 → 알림 받는 방법)."""

    enabled: bool = False  # off: nothing is sent and nothing else here is needed
    base_url: str = "https://api-alimtalk.cloud.toast.com"
    appkey: str = ""
    secret_key: str = ""  # sent as X-Secret-Key; masked in logs
    sender_key: str = ""  # the sender profile's key (40 characters)
    urgent_template: str = ""  # template code for 긴급 notices (#{title}, #{text})
    vote_template: str = ""  # template code for vote reminders (#{title}, #{text})
    sms_fallback: bool = False  # ask the dealer to resend by SMS/LMS when AlimTalk fails
    only_without_push: bool = True  # not for residents a push channel already reaches
    batch: int = 1000  # recipients per call (the dealer's limit)


@dataclass(frozen=True)
class SchedulerConfig:
    enabled: bool = True
    tick_seconds: int = 10  # how often each process looks for due jobs
    batch: int = 20  # jobs claimed at once; one lease covers the batch
    lease_seconds: int = 120  # a crashed runner's jobs run again after this
    max_attempts: int = 5  # then the job is dead


@dataclass(frozen=True)
class DefectsConfig:
    ack_hours: int = 24  # coordinators are reminded of reports nobody acknowledged by then
    urgent_ack_hours: int = 2
    places: tuple[str, ...] = (
        "지하주차장",
        "엘리베이터",
        "계단·복도",
        "놀이터",
        "쓰레기 분리수거장",
        "관리동",
    )  # preset 공용부 places offered as buttons (a complex may edit them)


@dataclass(frozen=True)
class ShareConfig:
    places: tuple[str, ...] = ("단지 정문", "동탄역", "시청", "초등학교", "대형마트")
    # preset carpool places offered as buttons (출발지/도착지); residents may also type one
    # Public holidays besides those the `holidays` package knows (임시공휴일, 선거일 announced
    # later), as YYYY-MM-DD: paid carpools are refused then, repeating rides skip them.
    extra_holidays: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShopConfig:
    # Pickup slots residents choose from; "CODE=slot" applies to one complex only.
    pickup: tuple[str, ...] = ("관리동 앞 · 평일 오후 6~8시", "관리동 앞 · 토요일 오전 10~12시")
    eve_hours: int = 24  # group buy: remind participants this long before the deadline
    closing_soon_hours: int = 3  # "마감 임박" to the complex if the minimum is not reached
    pickup_hours: int = 3  # remind participants this long before the pickup time


@dataclass(frozen=True)
class PointsConfig:
    valid_years: int = 5  # points expire this long after they were credited, oldest first
    notice_days: tuple[int, ...] = (60, 30, 3)  # residents are told this many days before
    # 공용 포인트: a coordinator spends up to this many won directly (audited); above it a
    # household vote decides (찬성 / 반대, quorum % of households, open for so many days).
    common_direct_limit: int = 50_000
    common_vote_quorum: int = 30
    common_vote_days: int = 7


@dataclass(frozen=True)
class HelpConfig:
    # When coordinators answer 도움 요청: "평일 09:00-18:00" (평일 skips public holidays),
    # "월-금 09:00-18:00, 토 09:00-13:00", "매일 …" or "항상" (core.helpdesk.hours).
    office_hours: str = "평일 09:00-18:00"
    remind_minutes: int = 15  # coordinators are reminded of a request nobody took by then


@dataclass(frozen=True)
class PrivacyConfig:
    # The retention job (hourly, with the scheduler's maintenance) deletes after these days:
    relay_chat_days: int = 90  # 공유마켓 relay chats (and their messages) ended that long ago
    report_photo_days: int = 180  # photos of defect reports closed that long ago
    audit_detail_days: int = 365  # the details of audit lines (who did what to whom)


@dataclass(frozen=True)
class MediaConfig:
    dir: str = "data/media"
    max_photo_mb: int = 10


@dataclass(frozen=True)
class PurgeConfig:
    """The nightly housekeeping job (bot/housekeeping.py)."""

    hour: int = 4  # local time (i18n.timezone) the job runs
    unverified_days: int = 30  # residents never verified and idle this long are deleted
    orphan_photo_hours: int = 48  # photo files no row refers to, older than this (> dialogs)


@dataclass(frozen=True)
class ProcessConfig:
    # This process's name on the leases it takes (outbox rows, scheduled jobs), stable across
    # restarts: at start a process takes back at once what its previous run held when it
    # died, instead of waiting for the leases to run out. Empty: "<host>-<http.port>" (no
    # name when the port is 0, i.e. chosen at start). Give each process on a host its own.
    id: str = ""


@dataclass(frozen=True)
class LogConfig:
    level: str = "INFO"

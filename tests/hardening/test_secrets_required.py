"""Defect 1: outside the local/demo setting (a public base URL, a non-loopback host, a Telegram
webhook), `python -m bot run` refuses to start without the channel secrets: one clear line,
exit code 2. Locally (127.0.0.1, no public URL) the defaults still start."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.config import Config, ConfigError, check_secrets

ROOT = __file__.rsplit("/tests/", 1)[0]


def _run(tmp_path, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {
        "PATH": "/usr/bin:/bin",
        "BOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db",
        "BOT_MEDIA_DIR": str(tmp_path / "media"),
        "BOT_SECURITY_SECRET_KEY_FILE": str(tmp_path / "k"),
        "BOT_HTTP_PORT": "0",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env",
    [
        {"BOT_HTTP_PUBLIC_BASE_URL": "https://chat.example.kr"},
        {"BOT_HTTP_HOST": "0.0.0.0"},
        {
            "BOT_HTTP_PUBLIC_BASE_URL": "https://chat.example.kr",
            "BOT_KAKAO_SECRET_VALUE": "k" * 24,
            "BOT_TELEGRAM_TOKEN": "1:abc",
            "BOT_TELEGRAM_WEBHOOK_URL": "https://chat.example.kr/telegram/webhook",
        },
    ],
)
def test_run_refuses_to_start_with_open_doors(tmp_path, env):
    done = _run(tmp_path, env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: config key ")
    assert "secret" in lines[0]


def test_the_webhook_secret_is_required_even_on_loopback():
    cfg = Config().replace(
        telegram={"token": "1:abc", "webhook_url": "https://x.example/hook", "webhook_secret": ""}
    )
    with pytest.raises(ConfigError, match="telegram.webhook_secret"):
        check_secrets(cfg)


def test_a_short_secret_is_refused_too():
    cfg = Config().replace(http={"host": "0.0.0.0"}, kakao={"secret_value": "abc"})
    with pytest.raises(ConfigError, match="kakao.secret_value"):
        check_secrets(cfg)


def test_local_and_fully_configured_setups_pass():
    check_secrets(Config())  # 127.0.0.1, no public URL: the demo
    check_secrets(
        Config().replace(
            http={"host": "0.0.0.0", "public_base_url": "https://chat.example.kr"},
            kakao={"secret_value": "k" * 24},
            telegram={"token": "1:abc", "webhook_url": "https://h/x", "webhook_secret": "t" * 24},
        )
    )

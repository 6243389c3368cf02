"""Configuration: defaults with no file, bot.toml values, BOT_<SECTION>_<KEY> environment
overrides, and clear refusals (a ConfigError that names the key; exit code 2 on the command
line) for bad values, unknown keys and unknown sections."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Config, ConfigError, load_config

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_and_no_environment_give_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./bot.toml here
    config = load_config(env={})
    assert config == Config()
    assert config.database.url.startswith("sqlite+aiosqlite:///")
    assert (config.http.port, config.demo.enabled, config.i18n.locales) == (
        8080,
        True,
        ("ko", "en", "vi", "zh_Hans"),
    )


def test_the_config_file_sets_values_of_every_type(tmp_path):
    path = write(
        tmp_path,
        '[http]\nport = 9000\nhost = "0.0.0.0"\n'
        "[demo]\nenabled = false\n"
        "[outbox]\ntelegram_rate = 12.5\n"
        '[i18n]\nlocales = ["ko", "en", "vi"]\n'
        '[database]\nurl = "postgresql+asyncpg://u@h/db"\n',
    )
    config = load_config(path, env={})
    assert (config.http.port, config.http.host) == (9000, "0.0.0.0")
    assert config.demo.enabled is False and config.outbox.telegram_rate == 12.5
    assert config.i18n.locales == ("ko", "en", "vi")
    assert config.database.url == "postgresql+asyncpg://u@h/db"
    assert config.telegram == Config().telegram  # untouched sections keep their defaults


def test_the_shipped_bot_toml_is_valid():
    assert isinstance(load_config(ROOT / "bot.toml", env={}), Config)


def test_environment_variables_override_the_file(tmp_path):
    path = write(tmp_path, "[http]\nport = 9000\n[demo]\nenabled = true\n")
    env = {
        "BOT_HTTP_PORT": "9100",
        "BOT_DEMO_ENABLED": "off",
        "BOT_OUTBOX_TELEGRAM_RATE": "7.5",
        "BOT_TELEGRAM_TOKEN": "123:abc",
        "BOT_I18N_LOCALES": "ko, en ,ja",
        "BOT_OTHER_THING": "ignored: not ours",
    }
    config = load_config(path, env=env)
    assert config.http.port == 9100 and config.demo.enabled is False
    assert config.outbox.telegram_rate == 7.5 and config.telegram.token == "123:abc"
    assert config.i18n.locales == ("ko", "en", "ja")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", True), ("true", True), ("YES", True), ("on", True), ("0", False), ("no", False)],
)
def test_booleans_are_read_the_usual_ways(tmp_path, text, expected):
    config = load_config(write(tmp_path, ""), env={"BOT_DEMO_ENABLED": text})
    assert config.demo.enabled is expected


def test_the_config_path_may_come_from_the_environment(tmp_path):
    path = write(tmp_path, "[http]\nport = 9200\n")
    assert load_config(env={"BOT_CONFIG": str(path)}).http.port == 9200


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_a_named_config_file_that_does_not_exist_is_an_error(tmp_path, how):
    missing = tmp_path / "nonexistent.toml"
    with pytest.raises(ConfigError, match="nonexistent.toml: not found"):
        if how == "argument":
            load_config(missing, env={})
        else:
            load_config(env={"BOT_CONFIG": str(missing)})


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_run_with_a_missing_config_file_says_so_in_one_line_and_creates_nothing(tmp_path, how):
    missing = tmp_path / "nonexistent.toml"
    env = {**os.environ, "BOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db"}
    argv = [sys.executable, "-m", "bot", "run"]
    if how == "argument":
        argv += ["--config", str(missing)]
    else:
        env["BOT_CONFIG"] = str(missing)
    done = subprocess.run(
        argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: config file {missing}: not found"]
    assert list(tmp_path.iterdir()) == []  # no database was created or migrated


@pytest.mark.parametrize(
    ("env", "key"),
    [
        ({"BOT_HTTP_PORT": "eighty"}, "BOT_HTTP_PORT"),
        ({"BOT_DEMO_ENABLED": "maybe"}, "BOT_DEMO_ENABLED"),
        ({"BOT_OUTBOX_TELEGRAM_RATE": "fast"}, "BOT_OUTBOX_TELEGRAM_RATE"),
        ({"BOT_HTTP_PORT": "70000"}, "http.port"),
        ({"BOT_DATABASE_URL": "mysql://x"}, "database.url"),
        ({"BOT_I18N_DEFAULT_LOCALE": "fr"}, "i18n.default_locale"),
        ({"BOT_OUTBOX_TELEGRAM_RATE": "0"}, "outbox.telegram_rate"),
        ({"BOT_DIALOGS_EXPIRE_HOURS": "0"}, "dialogs.expire_hours"),
        ({"BOT_DATABASE_POOL_SIZE": "0"}, "database.pool_size"),
        ({"BOT_DATABASE_IDENTITY_CACHE": "-1"}, "database.identity_cache"),
    ],
)
def test_a_bad_environment_value_names_the_variable_or_key(tmp_path, env, key):
    with pytest.raises(ConfigError, match=key):
        load_config(write(tmp_path, ""), env=env)


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[http]\nport = "eighty"\n', "http.port"),
        ("[http]\nport = true\n", "http.port"),
        ('[demo]\nenabled = "maybe"\n', "demo.enabled"),
        ("[telegram]\ntoken = [1, 2]\n", "telegram.token"),
        ("[log]\nlevel = {a = 1}\n", "log.level"),
    ],
)
def test_a_bad_file_value_names_the_key(tmp_path, toml, key):
    with pytest.raises(ConfigError, match=key):
        load_config(write(tmp_path, toml), env={})


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ("[http]\ncolour = 1\n", "http.colour: unknown key"),
        ("[nonsense]\na = 1\n", r"\[nonsense\]: unknown section"),
        ("http = 3\n", r"\[http\] must be a table"),
        ("[http\nport = 1\n", "bot.toml"),
    ],
)
def test_unknown_keys_sections_and_broken_files_are_refused(tmp_path, toml, words):
    with pytest.raises(ConfigError, match=words):
        load_config(write(tmp_path, toml), env={})


def run_bot(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_command_line_reports_a_bad_config_in_one_line_and_exits_2(tmp_path, where):
    (tmp_path / "bad.toml").write_text('[http]\nport = "eighty"\n', encoding="utf-8")
    args = ["--config", "bad.toml"]
    done = run_bot(
        *(args + ["migrate"] if where == "before" else ["migrate"] + args), cwd=tmp_path
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "http.port" in lines[0]
    assert done.stdout == "" and not (tmp_path / "data").exists()


def test_alimtalk_is_off_by_default_and_needs_its_keys_only_when_on(tmp_path):
    assert load_config(write(tmp_path, ""), env={}).alimtalk.enabled is False
    with pytest.raises(ConfigError, match="alimtalk.appkey"):
        load_config(write(tmp_path, "[alimtalk]\nenabled = true\n"), env={})
    full = (
        '[alimtalk]\nenabled = true\nappkey = "k"\nsecret_key = "s"\nsender_key = "x"\n'
        'urgent_template = "URG"\n'
    )
    config = load_config(write(tmp_path, full), env={"BOT_ALIMTALK_ONLY_WITHOUT_PUSH": "no"})
    assert (config.alimtalk.urgent_template, config.alimtalk.only_without_push) == ("URG", False)
    with pytest.raises(ConfigError, match="alimtalk.batch"):
        load_config(write(tmp_path, full + "batch = 1001\n"), env={})

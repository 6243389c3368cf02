"""The operator's command line, run as a real process (`python -m bot ...`) on a fresh SQLite
file: migrate, create a complex, issue invite codes. Exit codes: 0 done, 1 a rule said no (one
`error: ...` line), 2 bad usage. A printed code then verifies a household in the chatbot."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from bot.app import build_engine, build_services
from bot.config import Config
from core.identity.invites import ALPHABET
from storage.migrate import alembic_config
from tests.support.chat import Chat

ROOT = Path(__file__).resolve().parent.parent
SECRET = "cli-test-secret"
CODE_LINE = re.compile(rf"^[{ALPHABET}]{{5}}-[{ALPHABET}]{{5}}$")


@pytest.fixture
def db_file(tmp_path) -> Path:
    return tmp_path / "x.db"


def url_of(db_file: Path) -> str:
    return f"sqlite+aiosqlite:///{db_file}"


def bot(db_file: Path, *args: str, **settings: str) -> subprocess.CompletedProcess:
    """`python -m bot ARGS` on the file; `settings` add BOT_* variables (i18n_default_locale=)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env |= {
        "BOT_DATABASE_URL": url_of(db_file),
        "BOT_SECURITY_SECRET_KEY": SECRET,
        "PYTHONPATH": str(ROOT),
    }
    env |= {f"BOT_{key.upper()}": value for key, value in settings.items()}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok(done: subprocess.CompletedProcess) -> list[str]:
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()


def refused(done: subprocess.CompletedProcess, code: str, words: str = "") -> None:
    """One line: the chat's sentence for the rule, then its code in brackets."""
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert lines[0].endswith(f" [{code}]"), done.stderr
    sentence = lines[0].removeprefix("error: ").removesuffix(f" [{code}]")
    assert re.search("[가-힣]", sentence), done.stderr  # words, not a code
    assert words in sentence, done.stderr


def invite(db_file: Path, building="101", unit="1203", *extra: str) -> list[str]:
    return ok(
        bot(
            db_file, "invite", "--complex", "TEST1", "--building", building, "--unit", unit, *extra
        )
    )


@pytest.fixture
def complex_(db_file) -> None:
    ok(bot(db_file, "complex", "add", "--code", "TEST1", "--name", "테스트"))


def test_migrate_brings_a_new_database_to_the_head_revision(db_file):
    assert ok(bot(db_file, "migrate")) == ["migrations applied"]
    (head,) = ScriptDirectory.from_config(alembic_config(url_of(db_file))).get_heads()
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("select version_num from alembic_version").fetchall() == [(head,)]
    assert ok(bot(db_file, "migrate")) == ["migrations applied"]  # again: nothing to do


def test_complex_add_creates_the_complex(db_file):
    (line,) = ok(bot(db_file, "complex", "add", "--code", "test1", "--name", "테스트"))
    assert "TEST1" in line and "테스트" in line
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("select code, name from complexes").fetchall() == [("TEST1", "테스트")]


def test_a_duplicate_complex_is_refused_with_exit_code_1(db_file, complex_):
    done = bot(db_file, "complex", "add", "--code", "TEST1", "--name", "또")
    refused(done, "complex.exists", "이미 있는 단지 코드예요: TEST1")


def test_a_bad_complex_code_is_refused_with_exit_code_1(db_file):
    refused(bot(db_file, "complex", "add", "--code", "no way", "--name", "x"), "complex.bad_code")


def test_invite_prints_the_code_alone_on_its_last_line(db_file, complex_):
    lines = invite(db_file)
    assert CODE_LINE.match(lines[-1]), lines
    assert "TEST1" in lines[0] and "101동 1203호" in lines[0] and "role resident" in lines[0]
    with sqlite3.connect(db_file) as conn:  # stored only as a hash
        (stored,) = conn.execute("select code_hash from invite_codes").fetchone()
    assert lines[-1].replace("-", "") not in stored and len(stored) == 64


def test_every_invite_gets_a_fresh_code(db_file, complex_):
    assert invite(db_file)[-1] != invite(db_file)[-1]


def test_invite_issues_a_coordinator_code_on_request(db_file, complex_):
    lines = invite(db_file, "관리동", "사무소", "--role", "coordinator", "--uses", "2")
    assert "role coordinator" in lines[0] and "2 uses" in lines[0]
    assert CODE_LINE.match(lines[-1])


def test_an_invite_for_an_unknown_complex_is_refused_with_exit_code_1(db_file):
    done = bot(db_file, "invite", "--complex", "NOPE", "--building", "1", "--unit", "1")
    refused(done, "complex.not_found")
    assert done.stdout == ""


def test_a_bad_household_address_is_refused_with_exit_code_1(db_file, complex_):
    done = bot(db_file, "invite", "--complex", "TEST1", "--building", "1-1", "--unit", "1")
    refused(done, "household.bad_address")


def test_invite_limits_are_refused_in_the_words_the_chat_uses(db_file, complex_):
    done = bot(
        db_file,
        "invite",
        "--complex",
        "TEST1",
        "--building",
        "101",
        "--unit",
        "1",
        "--uses",
        "300",
    )
    refused(done, "invite.bad_limits", "사용 인원은 1~20명, 기간은 1~365일이에요.")
    assert done.stdout == ""


def test_refusals_follow_the_default_language(db_file, complex_):
    env_done = bot(
        db_file,
        *("invite", "--complex", "TEST1", "--building", "101", "--unit", "1", "--days", "0"),
        i18n_default_locale="en",
    )
    assert env_done.returncode == 1
    (line,) = env_done.stderr.strip().splitlines()
    assert line.startswith("error: ") and line.endswith(" [invite.bad_limits]")
    assert not any("가" <= ch <= "힣" for ch in line), line


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["invite", "--complex", "TEST1"],
        ["invite", "--complex", "T", "--building", "1", "--unit", "1", "--role", "operator"],
        ["complex", "remove"],
    ],
)
def test_bad_usage_exits_with_code_2(db_file, args):
    assert bot(db_file, *args).returncode == 2


async def test_a_code_printed_by_the_cli_verifies_the_household_in_the_chatbot(
    tmp_path, db_file, complex_
):
    resident_code = invite(db_file)[-1]
    coordinator_code = invite(db_file, "관리동", "사무소", "--role", "coordinator")[-1]
    config = Config().replace(
        database={"url": url_of(db_file)},
        security={"secret_key": SECRET, "secret_key_file": str(tmp_path / "unused.key")},
        media={"dir": str(tmp_path / "media")},
    )
    services = build_services(config)
    try:
        engine = build_engine(services)
        for user, code, expected in (
            ("kim", resident_code, "101동 1203호로 확인했어요"),
            ("park", coordinator_code, "코디네이터 권한도 받았어요"),
        ):
            chat = Chat(engine, user=user)
            await chat.say("안녕하세요")
            await chat.tap("초대코드 입력")
            await chat.say(code.lower())
            assert expected in chat.text
            await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
        assert "코디네이터" in chat.labels
    finally:
        await services.close()

"""`python -m bot invite-sheets`: fresh codes in bulk, written only into the letters (two per
A4 page), with QR codes of the right links; a printed code verifies the household in the
chat on every channel; --reissue revokes the old codes."""

from __future__ import annotations

import math
import re
import sqlite3

import pytest
from pypdf import PdfReader

from bot.cli.households import households_import, invite_sheets
from bot.households import letters as letters_module
from bot.households.letters import Letter, letter_files, write_letters
from core.identity.invites import ALPHABET

CODE = re.compile(rf"\b([{ALPHABET}]{{5}}-[{ALPHABET}]{{5}})\b")
LINKS = {
    "kakao": {"channel_url": "http://pf.kakao.com/_naechingu"},
    "telegram": {"bot_username": "@naechingu_bot"},
    "http": {"public_base_url": "https://chat.example.kr/"},
}


def codes_in(pdf) -> list[str]:
    return [m for page in PdfReader(pdf).pages for m in CODE.findall(page.extract_text())]


@pytest.fixture
def recorded(monkeypatch) -> list[str]:
    """Every payload given to the QR encoder (the one seam all QR images pass through)."""
    seen: list[str] = []
    real = letters_module.qr_image

    def spy(data: str):
        seen.append(data)
        return real(data)

    monkeypatch.setattr(letters_module, "qr_image", spy)
    letters_module._shared_qr.cache_clear()
    return seen


async def imported(config, tmp_path, complex_code: str, rows: str) -> None:
    path = tmp_path / "h.csv"
    path.write_text("동,호\n" + rows, encoding="utf-8")
    assert await households_import(config, complex_code, str(path), False) == 0


@pytest.mark.parametrize("count", [1, 2, 5])
def test_two_letters_per_page_and_the_codes_on_them(config, tmp_path, count, recorded):
    config = config.replace(**LINKS)
    letters = [Letter("햇살마을", "101", str(1200 + i), f"ABCDE{i + 2}GHJK") for i in range(count)]
    pages = write_letters(tmp_path / "x.pdf", letters, config)
    reader = PdfReader(tmp_path / "x.pdf")
    assert pages == len(reader.pages) == math.ceil(count / 2)
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.1)  # portrait A4
    text = reader.pages[0].extract_text()
    assert "햇살마을" in text and "101동 1200호" in text and "초대코드 입력" in text
    assert codes_in(tmp_path / "x.pdf") == [f"ABCDE-{i + 2}GHJK" for i in range(count)]
    telegram = [p for p in recorded if "t.me" in p]
    assert telegram == [f"https://t.me/naechingu_bot?start=ABCDE{i + 2}GHJK" for i in range(count)]
    shared = {p for p in recorded if "t.me" not in p}
    assert shared == {"http://pf.kakao.com/_naechingu", "https://chat.example.kr/"}


def test_a_link_not_configured_is_left_out_with_a_note(config, tmp_path, recorded):
    write_letters(tmp_path / "x.pdf", [Letter("햇살마을", "101", "1201", "ABCDEFGHJK")], config)
    assert recorded == []
    text = PdfReader(tmp_path / "x.pdf").pages[0].extract_text()
    assert text.count("주소가 아직 설정되지") == 3


def test_a_large_batch_is_written_as_several_files(config, tmp_path):
    letters = [Letter("햇살마을", "101", str(1200 + i), "ABCDEFGHJK") for i in range(5)]
    written = letter_files(tmp_path / "x.pdf", letters, config, size=2)
    assert [(p.name, n, pages) for p, n, pages in written] == [
        ("x-01.pdf", 2, 1),
        ("x-02.pdf", 2, 1),
        ("x-03.pdf", 1, 1),
    ]


async def test_a_code_from_the_letter_verifies_the_household(
    config, services, person, tmp_path, capsys
):
    await imported(config, tmp_path, "DEMO", "909,101\n909,102\n909,103\n")
    out = tmp_path / "letters.pdf"
    assert await invite_sheets(config, "DEMO", "909", False, str(out)) == 0
    printed = capsys.readouterr().out
    assert "3 new codes" in printed and f"wrote 3 letters (2 pages) to {out}" in printed
    codes = codes_in(out)
    assert len(codes) == 3 and not any(code in printed for code in codes)  # only in the PDF
    await person.start(codes[1])
    assert "909동 102호로 확인했어요" in person.signup


async def test_only_households_without_an_active_code_get_one(config, demo, tmp_path, capsys):
    await imported(config, tmp_path, "DEMO", "909,101\n")
    assert await invite_sheets(config, "DEMO", "909", False, str(tmp_path / "a.pdf")) == 0
    assert await invite_sheets(config, "DEMO", "909", False, str(tmp_path / "b.pdf")) == 0
    assert "0 new codes, 0 revoked, 1 households kept" in capsys.readouterr().out
    assert not (tmp_path / "b.pdf").exists()


async def test_reissue_revokes_the_old_codes(config, demo, engine, tmp_path, capsys):
    from tests.support.chat import Chat

    await imported(config, tmp_path, "DEMO", "909,101\n")
    await invite_sheets(config, "DEMO", "909", False, str(tmp_path / "a.pdf"))
    await invite_sheets(config, "DEMO", "909", True, str(tmp_path / "b.pdf"))
    assert "1 new codes, 1 revoked" in capsys.readouterr().out
    (old,) = codes_in(tmp_path / "a.pdf")
    (new,) = codes_in(tmp_path / "b.pdf")
    chat = Chat(engine, user="old")
    await chat.say("안녕하세요")
    await chat.tap("초대코드 입력")
    await chat.say(old)
    assert "기한이 지난 초대코드예요" in chat.text
    chat = Chat(engine, user="new")
    await chat.say("안녕하세요")
    await chat.tap("초대코드 입력")
    await chat.say(new)
    assert "909동 101호로 확인했어요" in chat.text
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)


async def test_codes_are_stored_as_hashes_only_and_never_logged(config, tmp_path, caplog):
    from bot.cli.commands import complex_add

    caplog.set_level("DEBUG")
    await complex_add(config, "AA", "햇살마을")
    await imported(config, tmp_path, "AA", "101,1201\n101,1202\n")
    await invite_sheets(config, "AA", None, False, str(tmp_path / "a.pdf"))
    codes = [c.replace("-", "") for c in codes_in(tmp_path / "a.pdf")]
    assert codes and not any(code in caplog.text for code in codes)
    with sqlite3.connect(config.database.url.split("///", 1)[1]) as conn:
        stored = [h for (h,) in conn.execute("select code_hash from invite_codes")]
    assert len(stored) == 2 and all(len(h) == 64 for h in stored)
    assert not any(code in h for code in codes for h in stored)


@pytest.mark.parametrize(
    "complex_code,building,code",
    [("NOPE", None, "complex.not_found"), ("DEMO", "808", "household.no_building")],
)
async def test_refusals(config, services, tmp_path, capsys, complex_code, building, code):
    from bot.demo.seed import seed_demo

    await seed_demo(services, samples=False)
    status = await invite_sheets(config, complex_code, building, False, str(tmp_path / "a.pdf"))
    assert status == (2 if code == "complex.not_found" else 1)
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error: ") and line.endswith(f"[{code}]")
    assert re.search("[가-힣]", line)

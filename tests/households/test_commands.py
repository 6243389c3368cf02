"""The onboarding commands as real processes: argument wiring and exit codes."""

from __future__ import annotations

from tests.test_cli import CODE_LINE, bot, db_file, ok  # noqa: F401  (db_file: a fixture)


def test_import_then_letters_then_an_operator(db_file, tmp_path):  # noqa: F811
    ok(bot(db_file, "complex", "add", "--code", "AA", "--name", "햇살마을"))
    sheet = tmp_path / "세대.csv"
    sheet.write_bytes("동,호\n101,1201\n101,1202\n101,1203\n".encode("cp949"))
    assert ok(bot(db_file, "households", "import", "--complex", "AA", str(sheet)))[-1] == (
        "created 3, existing 0, invalid 0"
    )
    out = tmp_path / "letters.pdf"
    lines = ok(bot(db_file, "invite-sheets", "--complex", "AA", "--out", str(out)))
    assert lines[-1] == f"wrote 3 letters (2 pages) to {out}" and out.stat().st_size > 10_000
    lines = ok(bot(db_file, "operator", "add", "--name", "김운영"))
    assert CODE_LINE.match(lines[-1].rsplit(" ", 1)[-1])


def test_refusals_exit_with_code_2(db_file, tmp_path):  # noqa: F811
    sheet = tmp_path / "세대.csv"
    sheet.write_text("101,1201\n", encoding="utf-8")
    for args in (
        ("households", "import", "--complex", "NOPE", str(sheet)),
        ("households", "import", "--complex", "NOPE", str(tmp_path / "없음.csv")),
        ("invite-sheets", "--complex", "NOPE"),
        ("households", "import", "--complex", "NOPE"),  # no file: usage
    ):
        done = bot(db_file, *args)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.strip().splitlines()[-1].startswith(("error: ", "usage:", "python -m"))

"""`python -m bot households import`: creates missing households in bulk, reports created,
existing and invalid rows with line numbers and reasons in Korean, and changes nothing on a
file with errors unless --skip-invalid."""

from __future__ import annotations

import pytest

from bot.cli.households import households_import
from core.errors import Forbidden
from core.identity.households import ImportRow, import_households
from core.identity.model import Membership, Role
from tests.households.conftest import households

GOOD = "동,호\n101,1201\n101동,1202호\n102,301\n"
BAD = "101,1201\n10-1,1202\n101,\n102,301\n101,1201\n"


def write(tmp_path, text: str, encoding="utf-8", name="세대.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


async def test_a_good_file_creates_every_household(config, complexes, tmp_path, capsys):
    assert await households_import(config, "aa", write(tmp_path, GOOD, "cp949"), False) == 0
    out = capsys.readouterr().out
    assert "created 3, existing 0, invalid 0" in out
    assert households(config, "AA") == [("101", "1201"), ("101", "1202"), ("102", "301")]
    assert households(config, "BB") == []


async def test_importing_again_finds_every_household_existing(config, complexes, tmp_path, capsys):
    file = write(tmp_path, GOOD, "utf-8-sig")
    await households_import(config, "AA", file, False)
    assert await households_import(config, "AA", file, False) == 0
    assert "created 0, existing 3, invalid 0" in capsys.readouterr().out
    assert len(households(config, "AA")) == 3


async def test_a_file_with_bad_rows_changes_nothing(config, complexes, tmp_path, capsys):
    assert await households_import(config, "AA", write(tmp_path, BAD), False) == 1
    captured = capsys.readouterr()
    assert "2번째 줄 (10-1 1202): 동은 숫자나 글자 10자 이내여야 해요" in captured.out
    assert "3번째 줄 (101): 호가 비어 있어요" in captured.out
    assert "5번째 줄 (101 1201): 1번째 줄과 같은 세대예요" in captured.out
    assert "would create 2, existing 0" in captured.out
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("error: 잘못된 줄이 3개 있어서 아무것도 바꾸지 않았어요")
    assert line.endswith("[household.file_invalid]")
    assert households(config, "AA") == []


async def test_skip_invalid_imports_the_good_rows(config, complexes, tmp_path, capsys):
    assert await households_import(config, "AA", write(tmp_path, BAD), True) == 0
    assert "created 2, existing 0, invalid 3" in capsys.readouterr().out
    assert households(config, "AA") == [("101", "1201"), ("102", "301")]


@pytest.mark.parametrize(
    "complex_code,file,code,words",
    [
        ("NOPE", "good", "complex.not_found", "단지를 찾을 수 없어요"),
        ("AA", "missing", "household.file_missing", "파일을 찾을 수 없어요"),
        ("AA", "broken", "household.file_unreadable", "세대 파일을 읽을 수 없어요"),
    ],
)
async def test_refusals_are_in_the_chat_words_with_exit_code_2(
    config, complexes, tmp_path, capsys, complex_code, file, code, words
):
    paths = {
        "good": write(tmp_path, GOOD),
        "missing": str(tmp_path / "없음.csv"),
        "broken": write(tmp_path, "PK\x03\x04junk", name="x.xlsx"),
    }
    assert await households_import(config, complex_code, paths[file], False) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"error: {words}") and line.endswith(f"[{code}]")
    assert households(config, "AA") == []


@pytest.mark.both_dbs
async def test_the_use_case_in_bulk_on_both_databases(services):
    rows = [ImportRow(i + 1, str(100 + i // 100), str(1000 + i % 100)) for i in range(1200)]
    async with services.uow() as uow:
        from core.identity.admin import add_complex

        await add_complex(uow, "AA", "햇살마을")
        await add_complex(uow, "BB", "달빛마을")
        await uow.commit()
    async with services.uow() as uow:
        report = await import_households(uow, None, "AA", rows)
        await uow.commit()
    assert (report.created, report.existing, report.invalid, report.written) == (1200, 0, [], True)
    async with services.uow() as uow:
        again = await import_households(uow, None, "AA", [*rows, ImportRow(9999, "", "1")])
    assert (again.created, again.existing, again.written) == (0, 1200, False)
    assert [p.code for p in again.invalid] == ["household.empty_building"]


async def test_only_the_complexs_coordinator_or_an_operator_may_import(services):
    async with services.uow() as uow:
        from core.identity.admin import add_complex

        aa = await add_complex(uow, "AA", "햇살마을")
        bb = await add_complex(uow, "BB", "달빛마을")
        rows = [ImportRow(1, "101", "1201")]
        other = Membership(1, bb.id, None, frozenset({(Role.COORDINATOR, bb.id)}))
        with pytest.raises(Forbidden):
            await import_households(uow, other, "AA", rows)
        own = Membership(2, aa.id, None, frozenset({(Role.COORDINATOR, aa.id)}))
        assert (await import_households(uow, own, "AA", rows)).created == 1
        operator = Membership(3, None, None, frozenset({(Role.OPERATOR, None)}))
        assert (await import_households(uow, operator, "BB", rows)).created == 1
        resident = Membership(4, aa.id, 1, frozenset({(Role.RESIDENT, aa.id)}))
        with pytest.raises(Forbidden):
            await import_households(uow, resident, "AA", rows)

"""Reading a 세대 spreadsheet: CSV in UTF-8 (with or without BOM) or CP949, XLSX, a header row
or none, and the file's line numbers kept for the report."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from bot.households.table import TableError, read_rows

ROWS = "동,호,세대명\r\n101동,1203호,김철수\r\n\r\n102,301\r\n"


def pairs(rows):
    return [(r.line, r.building, r.unit, r.name) for r in rows]


EXPECTED = [(2, "101동", "1203호", "김철수"), (4, "102", "301", "")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_csv_in_each_encoding_reads_the_same(encoding):
    assert pairs(read_rows(ROWS.encode(encoding), "세대.csv")) == EXPECTED


def test_without_a_header_the_first_row_is_a_household():
    rows = read_rows("101,1203\n101,1204\n".encode("cp949"), "x.csv")
    assert pairs(rows) == [(1, "101", "1203", ""), (2, "101", "1204", "")]


def test_english_headers_and_semicolons_and_tabs_are_recognised():
    assert pairs(read_rows(b"building;unit\n101;1203\n", "x.csv")) == [(2, "101", "1203", "")]
    assert pairs(read_rows("동\t호\n101\t1203\n".encode(), "x.txt")) == [(2, "101", "1203", "")]


def xlsx(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_numbers_read_as_typed():
    data = xlsx(("동", "호", "세대명"), (101, 1203, "김철수"), (None, None), (102.0, "301호"))
    assert pairs(read_rows(data, "세대.xlsx")) == [
        (2, "101", "1203", "김철수"),
        (4, "102", "301호", ""),
    ]


def test_an_xlsx_is_recognised_by_its_content_whatever_its_name():
    assert pairs(read_rows(xlsx((101, 1203)), "upload")) == [(1, "101", "1203", "")]


@pytest.mark.parametrize(
    "data,name", [(b"PK\x03\x04 not really a zip", "x.xlsx"), (b"\xff\xfe\x00\xd8\x00", "x.csv")]
)
def test_a_file_that_is_neither_is_refused(data, name):
    with pytest.raises(TableError) as refused:
        read_rows(data, name)
    assert refused.value.code == "household.file_unreadable"

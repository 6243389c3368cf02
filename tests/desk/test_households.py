"""세대 at the desk: the import (the CLI's reader and use case: CP949 CSV and XLSX, bad rows
change nothing unless skipped), invite letters as a PDF (≤ 2,000 per download), one
household's code reissued or revoked, residents appointed or removed — each audited."""

from __future__ import annotations

import io
import re
import sqlite3

from aiohttp import FormData
from openpyxl import Workbook

from tests.desk.conftest import csrf, signed_in


def _db(config):
    return sqlite3.connect(config.database.url.split("///", 1)[1])


def _count(config, sql: str, *args) -> int:
    with _db(config) as conn:
        return conn.execute(sql, args).fetchone()[0]


async def _upload(client, token: str, data: bytes, name: str, skip: bool = False):
    form = FormData()
    form.add_field("csrf", token)
    if skip:
        form.add_field("skip_invalid", "1")
    form.add_field("file", data, filename=name, content_type="application/octet-stream")
    return await client.post("/desk/c/AA/households/import", data=form)


async def test_a_cp949_csv_is_imported_with_the_clis_code(client, services, clock, people, config):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/households")
    text = "동,호,세대명\n101동,102호,김씨네\n101,103,\n102,201,박씨네\n"
    response = await _upload(client, token, text.encode("cp949"), "세대.csv")
    html = await response.text()
    assert response.status == 200
    assert "3줄을 읽었어요. 새로 만든 세대 3, 이미 있던 세대 0, 건너뛴 줄 0." in html
    assert (
        _count(config, "select count(*) from households where complex_id = ?", people.aa_id) == 4
    )
    assert (
        _count(config, "select count(*) from households where complex_id = ?", people.bb_id) == 1
    )
    assert _count(config, "select count(*) from audit_log where action = 'desk.import'") == 1
    counts = re.findall(
        r"<td>(\d+)동</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td>", html
    )
    assert counts == [("101", "3", "1"), ("102", "1", "0")]


async def test_bad_rows_change_nothing_unless_skipped(client, services, clock, people, config):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/households")
    book = Workbook()
    sheet = book.active
    for row in (("동", "호"), ("103", "101"), ("103", "12A!"), ("", "5")):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    refused = await _upload(client, token, buffer.getvalue(), "세대.xlsx")
    html = await refused.text()
    assert "틀린 줄이 있어서 아무것도 바꾸지 않았어요" in html
    assert "3번째 줄 (103 12A!)" in html and "4번째 줄" in html
    assert _count(config, "select count(*) from households where building = '103'") == 0
    skipped = await _upload(client, token, buffer.getvalue(), "세대.xlsx", skip=True)
    assert "새로 만든 세대 1" in await skipped.text()
    assert _count(config, "select count(*) from households where building = '103'") == 1


async def test_an_unreadable_file_is_answered_politely(client, services, clock, people):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/households")
    response = await _upload(client, token, b"\x00\x01garbage", "세대.xlsx")
    assert response.status == 400 and 'class="error"' in await response.text()


async def test_letters_download_as_a_pdf_of_two_per_page(client, services, clock, people, config):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/households")
    await _upload(client, token, b"101,201\n101,202\n102,301\n", "a.csv")
    pdf = await client.post("/desk/c/AA/households/letters", data={"csrf": token, "building": ""})
    body = await pdf.read()
    assert pdf.status == 200 and pdf.content_type == "application/pdf"
    assert body.startswith(b"%PDF") and pdf.headers["X-Letters"] == "4"
    assert pdf.headers["X-Pages"] == "2"
    assert 'filename="invites-AA.pdf"' in pdf.headers["Content-Disposition"]
    assert (
        _count(config, "select count(*) from invite_codes where complex_id = ?", people.aa_id) == 4
    )
    one = await client.post(
        "/desk/c/AA/households/letters", data={"csrf": token, "building": "102", "reissue": "1"}
    )
    assert one.headers["X-Letters"] == "1"
    assert _count(config, "select count(*) from invite_codes where revoked_at is not null") == 1


async def test_more_than_2000_letters_are_refused_and_no_code_is_issued(
    client, services, clock, people, config
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/households")
    rows = "".join(f"{101 + i // 1000},{i % 1000 + 1}\n" for i in range(2000)) + "103,1\n"
    await _upload(client, token, rows.encode(), "big.csv")
    refused = await client.post("/desk/c/AA/households/letters", data={"csrf": token})
    assert refused.status == 400
    assert "초대장은 한 번에 2,000통까지 내려받을 수 있어요 (지금 2,001통)" in await refused.text()
    assert _count(config, "select count(*) from invite_codes") == 0
    fine = await client.post(
        "/desk/c/AA/households/letters", data={"csrf": token, "building": "101"}
    )
    assert fine.status == 200 and fine.headers["X-Letters"] == "1000"


async def test_one_households_code_is_reissued_once_shown_or_revoked(
    client, services, clock, people, config
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/households")
    page = await client.post(
        "/desk/c/AA/households/code", data={"csrf": token, "building": "101동", "unit": "101호"}
    )
    html = await page.text()
    assert re.search(r"101동 101호의 새 코드: [A-Z0-9]{5}-[A-Z0-9]{5}", html)
    again = await client.post(
        "/desk/c/AA/households/code", data={"csrf": token, "building": "101", "unit": "101"}
    )
    assert again.status == 200
    assert _count(config, "select count(*) from invite_codes where revoked_at is null") == 1
    revoke = await client.post(
        "/desk/c/AA/households/code",
        data={"csrf": token, "building": "101", "unit": "101", "do": "revoke"},
    )
    assert "코드 1개를 취소했어요." in await revoke.text()
    assert _count(config, "select count(*) from invite_codes where revoked_at is null") == 0


async def test_residents_are_appointed_and_removed_when_they_move_out(
    client, services, clock, people, config
):
    from core.identity.model import Resident

    async with services.uow() as uow:
        home = await uow.households.find(people.aa_id, "101", "101")
        neighbour = await uow.residents.add(
            Resident(created_at=clock.now(), household_id=home.id, complex_id=people.aa_id)
        )
        await uow.commit()
    await signed_in(client, services, clock, people.aa, people.aa_id)
    listed = await client.get("/desk/c/AA/households/residents?building=101&unit=101")
    html = await listed.text()
    assert f"주민 #{neighbour.id}" in html and f"주민 #{people.aa.resident_id}" in html
    token = await csrf(client, "/desk/c/AA/households")
    appointed = await client.post(
        f"/desk/c/AA/residents/{neighbour.id}/appoint", data={"csrf": token}, allow_redirects=False
    )
    assert appointed.status == 303
    assert (
        _count(
            config,
            "select count(*) from role_grants where resident_id = ? and role = 'coordinator' "
            "and revoked_at is null",
            neighbour.id,
        )
        == 1
    )
    itself = await client.post(
        f"/desk/c/AA/residents/{people.aa.resident_id}/remove", data={"csrf": token}
    )
    assert itself.status == 400 and "자기 자신은 내보낼 수 없어요" in await itself.text()
    removed = await client.post(
        f"/desk/c/AA/residents/{neighbour.id}/remove", data={"csrf": token}, allow_redirects=False
    )
    assert removed.status == 303
    with _db(config) as conn:
        assert conn.execute(
            "select household_id, complex_id from residents where id = ?", (neighbour.id,)
        ).fetchone() == (None, None)
        assert conn.execute(
            "select count(*) from role_grants where resident_id = ? and revoked_at is null",
            (neighbour.id,),
        ).fetchone() == (0,)
        actions = [
            a
            for (a,) in conn.execute(
                "select action from audit_log where action like 'desk.%' order by id"
            )
        ]
    assert actions == ["desk.login", "desk.appoint", "desk.remove"]


async def test_a_failed_drawing_withdraws_the_codes_it_issued(
    client, services, clock, people, config, monkeypatch
):
    from bot.households import letters

    def broken(*args, **kwargs):
        raise OSError("disk full")

    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/households")
    await _upload(client, token, b"101,201\n101,202\n", "a.csv")
    monkeypatch.setattr(letters, "write_letters", broken)
    failed = await client.post("/desk/c/AA/households/letters", data={"csrf": token})
    assert failed.status == 500
    assert _count(config, "select count(*) from invite_codes") == 3
    assert _count(config, "select count(*) from invite_codes where revoked_at is null") == 0
    monkeypatch.undo()
    again = await client.post("/desk/c/AA/households/letters", data={"csrf": token})
    assert again.headers["X-Letters"] == "3"  # they get their codes with the next download

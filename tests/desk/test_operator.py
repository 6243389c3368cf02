"""The operator's view: every complex with its figures, adding a complex, a first
coordinator's invite code; refusals in the chat's words; everything audited."""

from __future__ import annotations

import re
import sqlite3

from tests.desk.conftest import csrf, signed_in


async def test_the_operator_lands_on_every_complex_with_its_figures(
    client, services, clock, people
):
    await signed_in(client, services, clock, people.operator, None)
    front = await client.get("/desk/", allow_redirects=False)
    assert front.headers["Location"] == "/desk/ops"
    html = await (await client.get("/desk/ops")).text()
    assert "김운영" in html
    rows = re.findall(
        r'<tr><td><a href="/desk/c/(\w+)/">([^<]+)</a></td>((?:<td class="num">[^<]*</td>)+)',
        html.replace("\n", ""),
    )
    figures = {
        code: re.findall(r'<td class="num">([^<]*)</td>', cells) for code, _name, cells in rows
    }
    # households, verified, open defects, votes open, coordinators
    assert figures == {"AA": ["1", "1", "0", "0", "1"], "BB": ["1", "1", "0", "0", "1"]}


async def test_the_operator_adds_a_complex_and_a_coordinator_code(
    client, services, clock, people, config
):
    await signed_in(client, services, clock, people.operator, None)
    token = await csrf(client, "/desk/ops")
    added = await client.post(
        "/desk/ops/complex",
        data={"csrf": token, "code": "cc01", "name": "별빛마을"},
        allow_redirects=False,
    )
    assert added.status == 303 and added.headers["Location"] == "/desk/ops?done=1"
    assert "별빛마을 (CC01)" in await (await client.get("/desk/ops")).text()
    again = await client.post(
        "/desk/ops/complex", data={"csrf": token, "code": "CC01", "name": "또"}
    )
    assert again.status == 400 and "CC01" in await again.text()
    issued = await client.post(
        "/desk/ops/coordinator",
        data={"csrf": token, "complex": "CC01", "building": "관리동", "unit": "1"},
    )
    text = await issued.text()
    assert issued.status == 200 and "코디네이터 초대코드" in text
    code = re.search(r"([A-Z0-9]{5}-[A-Z0-9]{5})", text).group(1)
    with sqlite3.connect(config.database.url.split("///", 1)[1]) as conn:
        role, uses = conn.execute("select role, max_uses from invite_codes").fetchone()
        hashes = [h for (h,) in conn.execute("select code_hash from invite_codes")]
        actions = [
            a
            for (a,) in conn.execute(
                "select action from audit_log where action like 'desk.%' order by id"
            )
        ]
    assert (role, uses) == ("coordinator", 1) and all(
        code.replace("-", "") not in h for h in hashes
    )
    assert actions == ["desk.login", "desk.complex.add", "desk.coordinator.invite"]


async def test_a_bad_complex_code_is_answered_in_korean_and_adds_nothing(
    client, services, clock, people
):
    await signed_in(client, services, clock, people.operator, None)
    token = await csrf(client, "/desk/ops")
    refused = await client.post(
        "/desk/ops/complex", data={"csrf": token, "code": "가나", "name": "x"}
    )
    assert refused.status == 400 and 'class="error"' in await refused.text()
    assert (await client.get("/desk/c/가나/")).status == 403

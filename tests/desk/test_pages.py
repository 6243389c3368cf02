"""Every desk page on the demo complex, through HTTP as the office's coordinator: what each
shows, and the daily work done from it with the chat's use cases (notices, votes, paper
ballots, 고장 신고 status and comments, reports and CSV exports)."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from datetime import timedelta

from tests.desk.conftest import csrf, signed_in


def _db(config):
    return sqlite3.connect(config.database.url.split("///", 1)[1])


async def _in(client, services, clock, office):
    await signed_in(client, services, clock, office, office.complex_id)


async def test_today_shows_the_offices_day(client, services, clock, office):
    await _in(client, services, clock, office)
    html = await (await client.get("/desk/c/DEMO/")).text()
    assert "처리할 고장 신고" in html and "놀이터 바닥을" in html
    assert re.search(r"참여 \d+/\d+세대", html)
    data = await (await client.get("/desk/c/DEMO/broadcasts.json")).json()
    assert data["broadcasts"][0]["text"].startswith("101동, 102동 승강기")
    assert all(0 <= b["percent"] <= 100 for b in data["broadcasts"])


async def test_households_by_building(client, services, clock, office):
    await _in(client, services, clock, office)
    html = await (await client.get("/desk/c/DEMO/households")).text()
    rows = re.findall(
        r'<td>(\w+)동</td><td class="num">(\d+)</td><td class="num">(\d+)</td>', html
    )
    assert ("101", "23", "8") in rows and ("104", "20", "7") in rows


async def test_a_notice_is_previewed_then_sent_to_two_buildings(
    client, services, clock, office, config
):
    await _in(client, services, clock, office)
    token = await csrf(client, "/desk/c/DEMO/notices")
    form = {"csrf": token, "text": "103동 주차장 청소가 있어요.", "building": "103", "urgent": "1"}
    preview = await client.post("/desk/c/DEMO/notices", data={**form, "do": "preview"})
    html = await preview.text()
    assert preview.status == 200 and "[긴급 공지]" in html and 'id="preview"' in html
    with _db(config) as conn:
        before = conn.execute("select count(*) from notices").fetchone()[0]
    sent = await client.post(
        "/desk/c/DEMO/notices", data={**form, "do": "send"}, allow_redirects=False
    )
    assert sent.status == 303
    with _db(config) as conn:
        assert conn.execute("select count(*) from notices").fetchone()[0] == before + 1
        assert conn.execute(
            "select building from notice_buildings nb join notices n on n.id = nb.notice_id "
            "where n.text like '103동 주차장%'"
        ).fetchall() == [("103",)]
    empty = await client.post(
        "/desk/c/DEMO/notices", data={"csrf": token, "text": " ", "do": "send"}
    )
    assert empty.status == 400 and 'class="error"' in await empty.text()


async def test_a_vote_is_created_balloted_on_paper_and_closed_with_its_chart(
    client, services, clock, office, config
):
    await _in(client, services, clock, office)
    token = await csrf(client, "/desk/c/DEMO/votes")
    closes = (clock.now() + timedelta(days=3)).astimezone().strftime("%Y-%m-%dT%H:%M")
    created = await client.post(
        "/desk/c/DEMO/votes",
        data={
            "csrf": token,
            "question": "경로당 운영 시간을 늘릴까요?",
            "options": "예\n아니오",
            "closes_at": closes,
            "secret": "1",
        },
        allow_redirects=False,
    )
    assert created.status == 303
    vote_url = created.headers["Location"]
    vote_id = int(vote_url.rsplit("/", 1)[1])
    from core.votes.lifecycle import open_vote

    async with services.uow() as uow:
        await open_vote(uow, clock, vote_id)
        await uow.commit()
    paper = await client.post(
        f"{vote_url}/paper",
        data={"csrf": token, "building": "101", "unit": "101", "option": "1", "reason": "paper"},
        allow_redirects=False,
    )
    assert paper.status == 303
    no_reason = await client.post(
        f"{vote_url}/paper", data={"csrf": token, "building": "101", "unit": "102", "option": "0"}
    )
    assert no_reason.status == 400 and "종이 투표인지 대리 투표인지" in await no_reason.text()
    turnout = await (await client.get(f"{vote_url}/turnout.json")).json()
    assert turnout["voted"] == 1
    assert {"building": "101", "eligible": 23, "voted": 1, "percent": 4} in turnout["buildings"]
    page = await (await client.get(vote_url)).text()
    assert "누가 무엇을 골랐는지는 아무도 볼 수 없어요" in page and "아니오" in page
    closed = await client.post(f"{vote_url}/close", data={"csrf": token}, allow_redirects=False)
    assert closed.status == 303
    result = await (await client.get(vote_url)).text()
    assert "결과" in result and "1세대" in result
    chart = await client.get(f"{vote_url}/chart.png")
    assert chart.status == 200 and (await chart.read()).startswith(b"\x89PNG")
    again = await client.post(f"{vote_url}/close", data={"csrf": token})
    assert again.status == 400 and "이미 마감한 투표예요" in await again.text()
    with _db(config) as conn:
        assert conn.execute("select status from votes where id = ?", (vote_id,)).fetchone() == (
            "closed",
        )
        reasons = conn.execute(
            "select detail from audit_log where action = 'desk.vote.paper'"
        ).fetchall()
    assert reasons and "paper" in reasons[0][0] and "101" not in reasons[0][0].split()[-1]


async def test_defects_are_filtered_handled_and_reported(client, services, clock, office, config):
    await _in(client, services, clock, office)
    queue = await (await client.get("/desk/c/DEMO/defects")).text()
    report_id = int(re.search(r'href="defects/(\d+)"', queue).group(1))
    detail = await (await client.get(f"/desk/c/DEMO/defects/{report_id}")).text()
    assert "기록" in detail and "상태 바꾸기" in detail
    token = await csrf(client, f"/desk/c/DEMO/defects/{report_id}")
    moved = await client.post(
        f"/desk/c/DEMO/defects/{report_id}",
        data={"csrf": token, "do": "status", "status": "acknowledged"},
        allow_redirects=False,
    )
    assert moved.status == 303
    noted = await client.post(
        f"/desk/c/DEMO/defects/{report_id}",
        data={"csrf": token, "do": "comment", "text": "내일 오전에 방문할게요."},
        allow_redirects=False,
    )
    assert noted.status == 303
    detail = await (await client.get(f"/desk/c/DEMO/defects/{report_id}")).text()
    assert "내일 오전에 방문할게요." in detail
    filtered = await (await client.get("/desk/c/DEMO/defects?status=acknowledged")).text()
    assert f'href="defects/{report_id}"' in filtered
    assert "월간 보고" in await (await client.get("/desk/c/DEMO/defects/report")).text()
    png = await client.get("/desk/c/DEMO/defects/report.png")
    assert (await png.read()).startswith(b"\x89PNG")
    exported = await client.get("/desk/c/DEMO/defects/report.csv")
    text = (await exported.read()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["번호", "접수", "분류", "동", "상태", "긴급", "완료"]
    assert any(r[0] == str(report_id) and r[4] == "확인" for r in rows[1:])


async def test_shop_points_and_the_rent_settlement(client, services, clock, office):
    await _in(client, services, clock, office)
    html = await (await client.get("/desk/c/DEMO/shop")).text()
    assert "입점 업체와 주문" in html and "공용 포인트" in html
    assert "농협 123-45-******" in html and "678901" not in html  # 입금 계좌, masked
    month = clock.now().strftime("%Y-%m")
    exported = await client.get(f"/desk/c/DEMO/shop/rent.csv?month={month}")
    rows = list(csv.reader(io.StringIO((await exported.read()).decode("utf-8-sig"))))
    assert rows[0] == [
        "complex",
        "complex_name",
        "building",
        "unit",
        "month",
        "points",
        "payments",
    ]
    bad = await client.get("/desk/c/DEMO/shop/rent.csv?month=12-2026")
    assert bad.status == 400 and "연도-월" in await bad.text()


async def test_a_survey_is_created_and_its_results_read(client, services, clock, office, config):
    await _in(client, services, clock, office)
    token = await csrf(client, "/desk/c/DEMO/votes")
    closes = (clock.now() + timedelta(days=5)).astimezone().strftime("%Y-%m-%dT%H:%M")
    form = {
        "csrf": token,
        "title": "경로당 프로그램 설문",
        "q0_kind": "single",
        "q0_text": "어떤 프로그램이 좋아요?",
        "q0_options": "체조, 노래교실, 한글교실",
        "q1_kind": "scale",
        "q1_text": "지금 프로그램은 몇 점이에요?",
        "closes_at": closes,
        "anonymous": "1",
    }
    created = await client.post("/desk/c/DEMO/surveys", data=form, allow_redirects=False)
    assert created.status == 303
    page = await (await client.get(created.headers["Location"])).text()
    assert "경로당 프로그램 설문" in page and "응답 0건" in page and "노래교실" in page
    assert "평균 -점 (0명 답함)" in page
    refused = await client.post("/desk/c/DEMO/surveys", data={**form, "title": ""})
    assert refused.status == 400 and "설문 제목을" in await refused.text()
    late = await client.post("/desk/c/DEMO/surveys", data={**form, "closes_at": "어제"})
    assert late.status == 400 and "마감은 지금부터 1시간 뒤에서" in await late.text()
    with _db(config) as conn:
        assert conn.execute(
            "select anonymous from surveys where title = '경로당 프로그램 설문'"
        ).fetchall() == [(1,)]


async def test_a_survey_may_have_up_to_ten_questions_like_in_the_chat(
    client, services, clock, office, config
):
    await _in(client, services, clock, office)
    page = await (await client.get("/desk/c/DEMO/votes")).text()
    assert 'name="q9_text"' in page and 'name="q10_text"' not in page
    assert "질문 더 넣기 (모두 10개까지)" in page  # rows 4–10 folded away
    token = await csrf(client, "/desk/c/DEMO/votes")
    closes = (clock.now() + timedelta(days=5)).astimezone().strftime("%Y-%m-%dT%H:%M")
    form = {"csrf": token, "title": "관리비 설문", "closes_at": closes}
    for i in range(10):
        form |= {f"q{i}_kind": "scale", f"q{i}_text": f"{i + 1}번 항목은 몇 점이에요?"}
    created = await client.post("/desk/c/DEMO/surveys", data=form, allow_redirects=False)
    assert created.status == 303
    page = await (await client.get(created.headers["Location"])).text()
    assert "10번 항목은 몇 점이에요?" in page
    form["q10_text"] = "11번째는 받지 않아요"  # not a row of the form: ignored
    again = await client.post("/desk/c/DEMO/surveys", data=form, allow_redirects=False)
    assert again.status == 303
    with _db(config) as conn:
        assert conn.execute(
            "select count(*) from surveys where title = '관리비 설문'"
        ).fetchone() == (2,)

"""우체국쇼핑·바깥 상품 at the desk (/desk/c/<complex>/picks): a coordinator adds one pick (core
checks it: a bad one is refused in Korean, nothing stored), removes one, and uploads a file
through the CLI's importer (good rows in, bad rows listed by line); another complex's page,
form or pick id is refused (403, nothing changed), and so is a forged CSRF token."""

from __future__ import annotations

from aiohttp import FormData

from core.shop.picks import PickFields, save_pick
from tests.desk.conftest import csrf, signed_in

LINK = "https://mall.epost.go.kr/item/1"


async def _picks(services, complex_id: int) -> list[tuple[int, str, int]]:
    async with services.uow() as uow:
        picks, _ = await uow.picks.picks(complex_id, offset=0, limit=None)
        return [(p.id, p.title, p.price) for p in picks]


async def _bb_pick(services, clock, people) -> int:
    async with services.uow() as uow:
        fields = PickFields("BB 한우", 50000, "https://mall.epost.go.kr/bb")
        await save_pick(uow, clock, people.bb_id, fields)
        await uow.commit()
    return (await _picks(services, people.bb_id))[0][0]


def _form(token: str, **typed: str) -> dict[str, str]:
    fields = {"title": "영주 사과 5kg", "price": "32,900원", "link_url": LINK}
    return {"csrf": token, "image_url": "", "source": "우체국쇼핑", **fields, **typed}


async def test_a_coordinator_adds_a_pick_and_removes_it(client, services, clock, people):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/picks")
    added = await client.post("/desk/c/AA/picks/add", data=_form(token), allow_redirects=False)
    assert added.status == 303 and added.headers["Location"] == "/desk/c/AA/picks?done=1"
    page = await (await client.get("/desk/c/AA/picks")).text()
    assert "영주 사과 5kg" in page and "32,900원" in page and "우체국쇼핑" in page
    assert 'href="/desk/c/AA/picks"' in page  # the tab in the desk's navigation
    again = await client.post("/desk/c/AA/picks/add", data=_form(token, price="29900"))
    assert again.status == 200  # the same link updates the pick, never a second one
    [(pick_id, _title, price)] = await _picks(services, people.aa_id)
    assert price == 29900
    path = f"/desk/c/AA/picks/{pick_id}/remove"
    removed = await client.post(path, data={"csrf": token}, allow_redirects=False)
    assert removed.status == 303
    assert await _picks(services, people.aa_id) == []


async def test_a_bad_pick_is_refused_politely_and_nothing_is_stored(
    client, services, clock, people
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/picks")
    cases = {
        "링크는 https:// 로 시작하는 주소여야 해요": {"link_url": "http://mall.example.com/1"},
        "가격은 1원부터": {"price": "공짜"},
        "상품 이름은 60자까지예요": {"title": "가" * 5000},
        "사진 주소는 https://": {"image_url": "javascript:alert(1)"},
    }
    for words, typed in cases.items():
        response = await client.post("/desk/c/AA/picks/add", data=_form(token, **typed))
        text = await response.text()
        assert response.status == 400 and words in text, words
        assert 'value="우체국쇼핑"' in text  # what was typed is kept for fixing
    assert await _picks(services, people.aa_id) == []


async def test_another_complexs_picks_are_refused_and_nothing_changes(
    client, services, clock, people
):
    bb_pick = await _bb_pick(services, clock, people)
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/picks")
    assert (await client.get("/desk/c/BB/picks")).status == 403
    refused = await client.post("/desk/c/BB/picks/add", data=_form(token))
    assert refused.status == 403 and "볼 수 없거나 없는 항목" in await refused.text()
    gone = await client.post(f"/desk/c/AA/picks/{bb_pick}/remove", data={"csrf": token})
    assert gone.status == 403
    upload = FormData({"csrf": token})
    row = b"title,price,link\nx,1000,https://a.example.com/1\n"
    upload.add_field("file", row, filename="p.csv")
    assert (await client.post("/desk/c/BB/picks/import", data=upload)).status == 403
    assert [p[1] for p in await _picks(services, people.bb_id)] == ["BB 한우"]
    assert await _picks(services, people.aa_id) == []


async def test_a_forged_csrf_token_is_refused(client, services, clock, people):
    bb_pick = await _bb_pick(services, clock, people)
    await signed_in(client, services, clock, people.bb, people.bb_id)
    forged = _form("0" * 64)
    refused = await client.post("/desk/c/BB/picks/add", data=forged, allow_redirects=False)
    assert refused.status == 403 and "보안 토큰" in await refused.text()
    path = f"/desk/c/BB/picks/{bb_pick}/remove"
    assert (await client.post(path, data={"csrf": "x"})).status == 403
    assert [p[1] for p in await _picks(services, people.bb_id)] == ["BB 한우"]


CSV = """상품명,가격,링크,이미지,출처
청송 사과 3kg,"25,900",https://mall.epost.go.kr/a,https://img.epost.go.kr/a.jpg,우체국쇼핑
제주 감귤,공짜,https://mall.epost.go.kr/b,,우체국쇼핑
청송 사과 또,19000,https://mall.epost.go.kr/a,,우체국쇼핑
성주 참외,"18,000원",http://mall.epost.go.kr/c,,우체국쇼핑
완도 전복,39000,https://mall.epost.go.kr/d,,
"""


async def test_a_file_is_imported_with_each_bad_row_shown_in_korean(
    client, services, clock, people
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/picks")
    upload = FormData({"csrf": token})
    upload.add_field("file", CSV.encode("cp949"), filename="우체국.csv")
    response = await client.post("/desk/c/AA/picks/import", data=upload)
    text = await response.text()
    assert response.status == 200
    assert "5줄을 읽었어요. 새로 넣은 상품 2, 바뀐 상품 0, 그대로 0, 건너뛴 줄 3." in text
    assert "3번째 줄 (제주 감귤): 가격은 1원부터" in text
    assert "4번째 줄 (청송 사과 또): 2번째 줄과 링크가 같아요." in text
    assert "5번째 줄 (성주 참외): 링크는 https:// 로 시작하는 주소여야 해요." in text
    titles = [p[1] for p in await _picks(services, people.aa_id)]
    assert titles == ["청송 사과 3kg", "완도 전복"]
    unreadable = FormData({"csrf": token})
    unreadable.add_field("file", b"\x00\xff\xfe nothing", filename="x.json")
    refused = await client.post("/desk/c/AA/picks/import", data=unreadable)
    assert refused.status == 400 and "읽을 수 없는 파일이에요" in await refused.text()
    assert len(await _picks(services, people.aa_id)) == 2

"""`python -m bot picks import|list|remove`: outside picks (우체국쇼핑) from a CSV or JSON file,
bad rows reported per line and skipped, the rest imported; the same link again updates the
pick; --all imports into every complex; another complex's pick cannot be removed."""

from __future__ import annotations

import json

import pytest

from bot.cli.commands import complex_add
from bot.cli.picks import picks_import, picks_list, picks_remove
from core.errors import Forbidden, InvalidInput
from core.identity.model import Membership, Role
from core.shop.pick_import import PickRow, import_picks
from core.shop.picks import check_pick, read_price

POST = "https://mall.epost.go.kr/boa/goods/goodsDetail.do?goodsNo="
GOOD = (
    "title,price,image_url,link_url,source\n"
    f'청송 꿀사과 5kg,"32,900",https://img.example.kr/a.jpg,{POST}1,우체국쇼핑\n'
    f"완도 전복 1kg,45000원,,{POST}2,우체국쇼핑\n"
)
BAD = (
    "상품명,가격,링크,출처\n"
    f"제주 감귤 10kg,19900,{POST}3,우체국쇼핑\n"
    f",12000,{POST}4,우체국쇼핑\n"
    f"영광 굴비,12000,http://insecure.example.kr/5,우체국쇼핑\n"
    f"횡성 한우,공짜,{POST}6,우체국쇼핑\n"
    f"{'긴' * 61},12000,{POST}7,우체국쇼핑\n"
    f"제주 감귤 5kg,9900,{POST}3,우체국쇼핑\n"
    f"고창 수박,0,{POST}8,우체국쇼핑\n"
)


@pytest.fixture
async def complexes(config):
    assert await complex_add(config, "AA", "햇살마을") == 0
    assert await complex_add(config, "BB", "달빛마을") == 0


def write(tmp_path, text: str, name="picks.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


async def stored(services, code: str) -> list[tuple]:
    from core.shop.picks import all_picks

    async with services.uow() as uow:
        complex_ = await uow.complexes.by_code(code)
        picks = await all_picks(uow, None, complex_.id)
        return [(p.title, p.price, p.source, p.image_url) for p in picks]


async def test_a_good_file_is_imported_and_listed(config, services, complexes, tmp_path, capsys):
    assert await picks_import(config, "aa", write(tmp_path, GOOD, encoding="cp949")) == 0
    assert "AA (햇살마을): created 2, updated 0, unchanged 0, skipped 0" in capsys.readouterr().out
    assert await stored(services, "AA") == [
        ("청송 꿀사과 5kg", 32900, "우체국쇼핑", "https://img.example.kr/a.jpg"),
        ("완도 전복 1kg", 45000, "우체국쇼핑", ""),
    ]
    assert await stored(services, "BB") == []
    assert await picks_list(config, "AA") == 0
    out = capsys.readouterr().out
    assert "32,900원\t우체국쇼핑\t청송 꿀사과 5kg" in out and "2 picks in AA" in out


async def test_bad_rows_are_reported_per_line_and_skipped(
    config, services, complexes, tmp_path, capsys
):
    assert await picks_import(config, "AA", write(tmp_path, BAD)) == 1
    out = capsys.readouterr().out
    assert "3번째 줄 (-): 상품 이름이 비어 있어요." in out
    assert "4번째 줄 (영광 굴비): 링크는 https:// 로 시작하는 주소여야 해요." in out
    assert "5번째 줄 (횡성 한우): 가격은 1원부터 10,000,000원까지 숫자로 적어 주세요." in out
    assert "6번째 줄 (" in out and "상품 이름은 60자까지예요." in out
    assert "7번째 줄 (제주 감귤 5kg): 2번째 줄과 링크가 같아요." in out
    assert "8번째 줄 (고창 수박): 가격은 1원부터" in out
    assert "created 1, updated 0, unchanged 0, skipped 6" in out
    assert await stored(services, "AA") == [("제주 감귤 10kg", 19900, "우체국쇼핑", "")]


async def test_importing_again_updates_by_link_and_adds_nothing(
    config, services, complexes, tmp_path, capsys
):
    await picks_import(config, "AA", write(tmp_path, GOOD))
    assert await picks_import(config, "AA", write(tmp_path, GOOD)) == 0
    assert "created 0, updated 0, unchanged 2" in capsys.readouterr().out
    cheaper = GOOD.replace('"32,900"', "29900")
    assert await picks_import(config, "AA", write(tmp_path, cheaper)) == 0
    assert "created 0, updated 1, unchanged 1" in capsys.readouterr().out
    assert [p[1] for p in await stored(services, "AA")] == [29900, 45000]


async def test_all_imports_a_json_file_into_every_complex(
    config, services, complexes, tmp_path, capsys
):
    items = [
        {"title": "이천 쌀 10kg", "price": 31000, "link_url": f"{POST}9", "source": "우체국쇼핑"},
        {"title": "", "price": 1, "link_url": f"{POST}10"},
    ]
    file = write(tmp_path, json.dumps({"picks": items}, ensure_ascii=False), "picks.json")
    assert await picks_import(config, None, file) == 1
    out = capsys.readouterr().out
    assert "2번째 줄 (-): 상품 이름이 비어 있어요." in out
    assert "AA (햇살마을): created 1" in out and "BB (달빛마을): created 1" in out
    assert await stored(services, "AA") == await stored(services, "BB") != []


async def test_usage_errors_exit_2(config, complexes, tmp_path, capsys):
    assert await picks_import(config, "AA", str(tmp_path / "none.csv")) == 2
    assert await picks_import(config, "AA", write(tmp_path, "a,b\n1,2\n")) == 2
    assert await picks_import(config, "AA", write(tmp_path, "[1,", "x.json")) == 2
    assert await picks_import(config, "ZZ", write(tmp_path, GOOD)) == 2
    err = capsys.readouterr().err
    assert "[pick.file_missing]" in err and "[pick.file_unreadable]" in err
    assert "[complex.not_found]" in err


async def test_another_complexs_pick_cannot_be_removed(
    config, services, complexes, tmp_path, capsys
):
    await picks_import(config, "AA", write(tmp_path, GOOD))
    assert await picks_remove(config, "BB", 1) == 1
    assert "[not_found]" in capsys.readouterr().err
    assert len(await stored(services, "AA")) == 2
    assert await picks_remove(config, "AA", 1) == 0
    assert [p[0] for p in await stored(services, "AA")] == ["완도 전복 1kg"]


async def test_only_the_complexs_coordinators_may_import(services, clock, complexes):
    async with services.uow() as uow:
        aa = await uow.complexes.by_code("AA")
        bb = await uow.complexes.by_code("BB")
        row = [PickRow(1, "사과", "1000", f"{POST}1")]
        resident = Membership(1, aa.id, 1, frozenset({(str(Role.RESIDENT), aa.id)}))
        other = Membership(2, bb.id, 2, frozenset({(str(Role.COORDINATOR), bb.id)}))
        mine = Membership(3, aa.id, 3, frozenset({(str(Role.COORDINATOR), aa.id)}))
        for actor, code in ((resident, "AA"), (other, "AA"), (mine, None)):
            with pytest.raises(Forbidden):
                await import_picks(uow, clock, actor, code, row)
        report = await import_picks(uow, clock, mine, "AA", row)
        assert report.counts[0].created == 1


@pytest.mark.parametrize(
    ("raw", "value"), [(12900, 12900), ("12,900", 12900), ("12900원", 12900), (" 1 ", 1)]
)
def test_prices_read_as_won(raw, value):
    assert read_price(raw) == value


@pytest.mark.parametrize("raw", ["", "0", "-5", "1.5", "12,90", True, 10_000_001, "만원"])
def test_bad_prices_are_refused(raw):
    with pytest.raises(InvalidInput, match="pick.bad_price"):
        read_price(raw)


@pytest.mark.parametrize(
    ("link", "image", "code"),
    [
        ("javascript:alert(1)", "", "pick.bad_link"),
        ("https://", "", "pick.bad_link"),
        ('https://a.kr/"><script>', "", "pick.bad_link"),
        ("https://a.kr/x", "http://a.kr/i.jpg", "pick.bad_image"),
        ("https://a.kr/" + "x" * 500, "", "pick.url_too_long"),
    ],
)
def test_links_and_images_must_be_https(link, image, code):
    with pytest.raises(InvalidInput, match=code):
        check_pick("사과", 1000, link, image, "우체국쇼핑")
    with pytest.raises(InvalidInput, match="pick.source_too_long"):
        check_pick("사과", 1000, "https://a.kr/x", "", "가" * 21)

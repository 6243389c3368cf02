"""`python -m bot invite --role vendor --shop NAME --kind 로컬푸드`: the invite carries its
shop, created on the first invite and linked afterwards; a vendor code needs a shop name."""

from __future__ import annotations

import sqlite3

from tests.test_cli import CODE_LINE, bot, complex_, db_file, invite, ok, refused  # noqa: F401


def test_a_vendor_invite_creates_and_then_links_its_shop(db_file, complex_):  # noqa: F811
    args = ("--role", "vendor", "--shop", "행복농원", "--kind", "로컬푸드")
    lines = invite(db_file, "업체", "1", *args)
    assert "role vendor" in lines[0] and "행복농원" in lines[1] and CODE_LINE.match(lines[-1])
    again = invite(db_file, "업체", "1", "--role", "vendor", "--shop", "행복농원")
    assert CODE_LINE.match(again[-1])
    with sqlite3.connect(db_file) as conn:
        shops = conn.execute("select name, kind from shops").fetchall()
        carried = conn.execute("select shop_id from invite_codes").fetchall()
    assert shops == [("행복농원", "local_food")] and carried == [(1,), (1,)]


def test_a_vendor_invite_without_a_shop_or_for_another_household_is_refused(
    db_file,  # noqa: F811
    complex_,  # noqa: F811
):
    refused(
        bot(
            db_file,
            "invite",
            "--complex",
            "TEST1",
            "--building",
            "업체",
            "--unit",
            "1",
            "--role",
            "vendor",
            "--kind",
            "로컬푸드",
        ),
        "shop.bad_name",
    )
    invite(db_file, "업체", "1", "--role", "vendor", "--shop", "행복농원", "--kind", "로컬푸드")
    refused(
        bot(
            db_file,
            "invite",
            "--complex",
            "TEST1",
            "--building",
            "업체",
            "--unit",
            "2",
            "--role",
            "vendor",
            "--shop",
            "행복농원",
        ),
        "shop.other_household",
    )


def test_vendor_serve_approve_refuse_on_the_command_line(db_file, complex_):  # noqa: F811
    invite(db_file, "업체", "1", "--role", "vendor", "--shop", "행복농원", "--kind", "로컬푸드")
    ok(bot(db_file, "complex", "add", "--code", "NEAR", "--name", "이웃아파트"))
    serve = ("vendor", "serve", "행복농원", "--complex", "near", "--pickup", "201동 앞")
    assert ok(bot(db_file, *serve)) == ["shop #1 for complex NEAR: asked"]
    assert ok(bot(db_file, "vendor", "approve", "1", "--complex", "NEAR")) == [
        "shop #1 for complex NEAR: approved"
    ]
    refused(bot(db_file, *serve), "shop.already_serving")
    refused(bot(db_file, "vendor", "approve", "1", "--complex", "NEAR"), "shop.already_decided")
    assert ok(bot(db_file, "vendor", "refuse", "1", "--complex", "NEAR")) == [
        "shop #1 for complex NEAR: refused"
    ]
    refused(bot(db_file, "vendor", "serve", "1", "--complex", "TEST1"), "shop.own_complex")
    refused(bot(db_file, "vendor", "serve", "1", "--complex", "NOWHERE"), "shop.no_complex")
    refused(bot(db_file, "vendor", "approve", "7", "--complex", "NEAR"), "not_found")
    with sqlite3.connect(db_file) as conn:
        rows = conn.execute("select shop_id, status, pickup_place from shop_complexes").fetchall()
    assert rows == [(1, "refused", "201동 앞")]

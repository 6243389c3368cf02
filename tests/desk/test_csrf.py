"""Every form of the desk refuses a POST without its page's CSRF token (403, nothing done) —
checked for every POST route the desk has, so a new form cannot forget it."""

from __future__ import annotations

import sqlite3

import pytest

from bot.desk.app import PAGES
from tests.desk.conftest import signed_in

POSTS = {  # route → a concrete path (AA's, with ids that exist in the fixture)
    "/logout": "/desk/logout",
    "/c/{complex}/households/import": "/desk/c/AA/households/import",
    "/c/{complex}/households/letters": "/desk/c/AA/households/letters",
    "/c/{complex}/households/code": "/desk/c/AA/households/code",
    "/c/{complex}/residents/{resident}/{do:appoint|remove}": "/desk/c/AA/residents/1/remove",
    "/c/{complex}/notices": "/desk/c/AA/notices",
    "/c/{complex}/votes": "/desk/c/AA/votes",
    r"/c/{complex}/votes/{vote:\d+}/close": "/desk/c/AA/votes/1/close",
    r"/c/{complex}/votes/{vote:\d+}/paper": "/desk/c/AA/votes/1/paper",
    "/c/{complex}/surveys": "/desk/c/AA/surveys",
    r"/c/{complex}/defects/{report:\d+}": "/desk/c/AA/defects/1",
    "/ops/{do:complex|coordinator}": "/desk/ops/complex",
    "/c/{complex}/partners/redeem": "/desk/c/AA/partners/redeem",
    "/c/{complex}/partners/slot": "/desk/c/AA/partners/slot",
    "/c/{complex}/picks/add": "/desk/c/AA/picks/add",
    r"/c/{complex}/picks/{pick:\d+}/remove": "/desk/c/AA/picks/1/remove",
    "/c/{complex}/picks/import": "/desk/c/AA/picks/import",
}


def test_the_list_names_every_post_route_of_the_desk():
    routes = {
        r.path
        for page in PAGES
        for r in page.routes
        if r.method == "POST"  # type: ignore[attr-defined]
    }
    assert routes - {"/login"} == set(POSTS)


@pytest.mark.parametrize("path", sorted(POSTS.values()))
async def test_a_post_without_the_token_is_refused(client, services, clock, people, config, path):
    await signed_in(client, services, clock, people.operator, None)
    data = {"text": "x", "code": "CC", "name": "x", "building": "101", "unit": "101"}
    response = await client.post(path, data=data, allow_redirects=False)
    assert response.status == 403 and "보안 토큰" in await response.text()
    with sqlite3.connect(config.database.url.split("///", 1)[1]) as conn:
        assert conn.execute("select count(*) from complexes").fetchone() == (2,)
        assert conn.execute("select count(*) from notices").fetchone() == (0,)
        assert conn.execute("select household_id from residents where id = 1").fetchone()[0]
        actions = [a for (a,) in conn.execute("select action from audit_log")]
    assert actions == ["desk.login"]

"""Desk login: a one-time code (5 minutes, once), a session cookie (HttpOnly, SameSite,
Secure behind https), CSRF on every POST, logout, and every login audited."""

from __future__ import annotations

import sqlite3

from tests.desk.conftest import PRE, csrf, desk_code, sign_in, signed_in


async def test_a_code_signs_in_once_and_the_cookie_is_locked_down(client, services, clock, people):
    code = await desk_code(services, clock, people.aa, people.aa_id)
    response = await sign_in(client, code)
    assert response.status == 303 and response.headers["Location"] == "/desk/"
    cookie = response.headers.getall("Set-Cookie")
    session = next(c for c in cookie if c.startswith("desk="))
    assert "HttpOnly" in session and "SameSite=Strict" in session and "Path=/desk" in session
    home = await client.get("/desk/", allow_redirects=False)
    assert home.headers["Location"] == "/desk/c/AA/"
    today = await client.get("/desk/c/AA/")
    assert today.status == 200 and "햇살마을" in await today.text()

    client.session.cookie_jar.clear()
    again = await sign_in(client, code)
    assert again.status == 400 and "이미 쓴 로그인 코드예요" in await again.text()
    assert "desk=" not in " ".join(again.headers.getall("Set-Cookie", []))


async def test_an_expired_or_wrong_code_is_refused(client, services, clock, people):
    code = await desk_code(services, clock, people.aa, people.aa_id)
    clock.advance(minutes=5)
    expired = await sign_in(client, code)
    assert expired.status == 400 and "기한(5분)이 지난" in await expired.text()
    wrong = await sign_in(client, "AAAAA-AAAAA")
    assert wrong.status == 400 and "맞지 않는 로그인 코드예요" in await wrong.text()
    page = await client.get("/desk/c/AA/", allow_redirects=False)
    assert page.status == 303 and page.headers["Location"] == "/desk/login"


async def test_the_login_form_needs_its_own_token(client, services, clock, people):
    code = await desk_code(services, clock, people.aa, people.aa_id)
    forged = await client.post("/desk/login", data={"code": code}, allow_redirects=False)
    assert forged.status == 403
    assert (await sign_in(client, code)).status == 303  # the code was not spent


async def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    client, services, clock, people
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    refused = await client.post("/desk/logout", data={}, allow_redirects=False)
    assert refused.status == 403 and "보안 토큰" in await refused.text()
    wrong = await client.post("/desk/logout", data={"csrf": "0" * 64}, allow_redirects=False)
    assert wrong.status == 403
    assert (await client.get("/desk/c/AA/")).status == 200  # still signed in


async def test_logout_ends_the_session_and_is_audited(client, services, clock, people, config):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/")
    out = await client.post("/desk/logout", data={"csrf": token}, allow_redirects=False)
    assert out.status == 303 and out.headers["Location"] == "/desk/login"
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/desk/"))
    assert "desk" not in cookie
    with sqlite3.connect(config.database.url.split("///", 1)[1]) as conn:
        (ended,) = conn.execute("select ended_at from desk_sessions").fetchone()
        actions = [a for (a,) in conn.execute("select action from audit_log order by id")]
    assert ended is not None and actions == ["desk.login", "desk.logout"]


async def test_an_ended_session_token_no_longer_opens_the_desk(client, services, clock, people):
    response = await signed_in(client, services, clock, people.aa, people.aa_id)
    token = next(c for c in response.headers.getall("Set-Cookie") if c.startswith("desk="))
    value = token.split(";", 1)[0].split("=", 1)[1]
    page_csrf = await csrf(client, "/desk/c/AA/")
    await client.post("/desk/logout", data={"csrf": page_csrf}, allow_redirects=False)
    client.session.cookie_jar.update_cookies({"desk": value})
    again = await client.get("/desk/c/AA/", allow_redirects=False)
    assert again.status == 303


async def test_a_session_expires_after_a_working_day(client, services, clock, people):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    clock.advance(hours=12)
    page = await client.get("/desk/c/AA/", allow_redirects=False)
    assert page.status == 303


async def test_the_cookie_is_secure_behind_a_public_https_address(client, services, clock, people):
    services.config = services.config.replace(http={"public_base_url": "https://desk.example"})
    code = await desk_code(services, clock, people.aa, people.aa_id)
    form = await client.get("/desk/login")
    pre_cookie = next(c for c in form.headers.getall("Set-Cookie") if c.startswith("desk_pre="))
    assert "Secure" in pre_cookie  # a browser sends it back over https only (as the proxy serves)
    pre = PRE.search(await form.text()).group(1)
    response = await client.post(
        "/desk/login",
        data={"pre": pre, "code": code},
        headers={"Cookie": f"desk_pre={pre}"},
        allow_redirects=False,
    )
    session = next(c for c in response.headers.getall("Set-Cookie") if c.startswith("desk="))
    assert response.status == 303 and "Secure" in session and "HttpOnly" in session


async def test_the_login_link_carries_the_code_into_the_form(client):
    page = await client.get("/desk/login?code=ABCDE-FGHJK")
    html = await page.text()
    assert 'value="ABCDE-FGHJK"' in html and "data-autosubmit" in html
    assert page.headers["X-Frame-Options"] == "DENY"


async def test_guessing_codes_is_throttled_per_browser_address(client, services, clock, people):
    """Ten wrong codes in ten minutes from one address: every try is refused, a right one
    too, until the window passes (the address is kept only as a keyed hash)."""
    for n in range(10):
        wrong = await sign_in(client, f"AAAAA-AAAA{n % 10}")
        assert wrong.status == 400 and "맞지 않는 로그인 코드예요" in await wrong.text()
    code = await desk_code(services, clock, people.aa, people.aa_id)
    blocked = await sign_in(client, code)
    assert blocked.status == 400 and "10분 뒤에 다시" in await blocked.text()
    clock.advance(minutes=11)
    code = await desk_code(services, clock, people.aa, people.aa_id)
    assert (await sign_in(client, code)).status == 303  # the window passed: the right code works

"""Login with a one-time code from the chat (데스크 열기) or the operator's command line, the
desk's front door (`/desk/` → the person's complex, or the operator's list) and logout.

```mermaid
flowchart LR
    chat[채팅: 데스크 열기] -->|코드·링크, 5분, 1회| form[/desk/login]
    form -->|코드 맞음| session[세션 쿠키] --> home{운영자?}
    form -->|틀림·만료·사용됨| form
    home -->|예| ops[/desk/ops]
    home -->|아니오| today[/desk/c/단지/]
    today -->|로그아웃| form
```
"""

from __future__ import annotations

import hmac

from aiohttp import web

from bot.desk.web import (
    COOKIE,
    ERROR,
    PRE_COOKIE,
    desk_of,
    new_pre_token,
    problem,
    render,
    services_of,
    set_cookie,
    stale_form,
    translator,
)
from bot.handlers.errors import describe
from core.desk.sessions import WRONG_CODES, count_wrong_code, sign_in, sign_out
from core.errors import DomainError, Forbidden

routes = web.RouteTableDef()


def _login_page(request: web.Request, code: str = "") -> web.Response:
    pre = new_pre_token()
    response = render(request, "login.html", {"pre": pre, "code": code})
    set_cookie(request, response, PRE_COOKIE, pre)
    return response


@routes.get("/login")
async def login_form(request: web.Request) -> web.StreamResponse:
    return _login_page(request, request.query.get("code", "")[:20])


@routes.post("/login")
async def login(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    sent, kept = str(form.get("pre", "")), request.cookies.get(PRE_COOKIE, "")
    if not kept or not hmac.compare_digest(sent, kept):
        return problem(request, 403, stale_form(request))
    services = services_of(request)
    source = request.remote or ""
    key = services.invite_key
    try:
        async with services.uow() as uow:
            code = str(form.get("code", ""))
            signed = await sign_in(uow, services.clock, key, code, source)
            await uow.commit()
    except DomainError as exc:
        if exc.code in WRONG_CODES:
            async with services.uow() as uow:
                await count_wrong_code(uow, services.clock, key, source)
                await uow.commit()
        request[ERROR] = describe(translator(request), exc)
        return _login_page(request)
    response = web.HTTPSeeOther("/desk/")
    set_cookie(request, response, COOKIE, signed.token)
    response.del_cookie(PRE_COOKIE, path="/desk")
    raise response


@routes.get("/")
async def front(request: web.Request) -> web.StreamResponse:
    desk = desk_of(request)
    if desk.operator:
        raise web.HTTPSeeOther("/desk/ops")
    services = services_of(request)
    async with services.uow() as uow:
        complex_ = await uow.complexes.get(desk.session.complex_id or 0)
        if complex_ is None:
            raise Forbidden()
        raise web.HTTPSeeOther(f"/desk/c/{complex_.code}/")


@routes.post("/logout")
async def logout(request: web.Request) -> web.StreamResponse:
    services = services_of(request)
    async with services.uow() as uow:
        await sign_out(uow, services.clock, desk_of(request).session)
        await uow.commit()
    response = web.HTTPSeeOther("/desk/login")
    response.del_cookie(COOKIE, path="/desk")
    raise response

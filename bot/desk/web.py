"""What every desk page shares: sessions from the cookie, CSRF on every POST, the complex a
URL names (403 outside the person's scope, and for any id core does not show the person),
errors as pages, and rendering."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from bot.app import Services
from bot.handlers.errors import describe
from bot.i18n import Translator
from core.desk.access import desk_member, is_operator
from core.desk.model import DeskSession
from core.desk.sessions import current
from core.errors import DomainError, Forbidden, NotFound
from core.identity.model import Complex, Membership
from core.ids import saved
from core.ports import UnitOfWork

log = logging.getLogger("naechingu.desk")

SERVICES = web.AppKey("desk_services", Services)
COOKIE = "desk"
PRE_COOKIE = "desk_pre"  # the login form's CSRF (no session yet): double-submit
OPEN_PATHS = ("/desk/login", "/desk/static/")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Desk:
    """The signed-in person of this request."""

    session: DeskSession
    member: Membership
    token: str
    csrf: str

    @property
    def operator(self) -> bool:
        return is_operator(self.member)


def services_of(request: web.Request) -> Services:
    return request.config_dict[SERVICES]


def translator(request: web.Request) -> Translator:
    services = services_of(request)
    return services.catalogs.get(services.config.i18n.default_locale)


def csrf_for(services: Services, token: str) -> str:
    return hmac.new(services.token_key, b"desk-csrf:" + token.encode(), hashlib.sha256).hexdigest()


DESK = web.RequestKey("desk", Desk)
ERROR = web.RequestKey("desk_error", str)  # a refused rule, in the chat's words


def desk_of(request: web.Request) -> Desk:
    return request[DESK]


def secure(request: web.Request) -> bool:
    """Secure cookies when served over https or behind a public https address."""
    public = services_of(request).config.http.public_base_url
    return request.secure or public.startswith("https://")


def set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str) -> None:
    response.set_cookie(
        name, value, path="/desk", httponly=True, samesite="Strict", secure=secure(request)
    )


async def _form_token(request: web.Request) -> str:
    if request.headers.get("X-CSRF-Token"):
        return request.headers["X-CSRF-Token"]
    form = await request.post()
    value = form.get("csrf", "")
    return value if isinstance(value, str) else ""


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every page but the login needs a live session; every POST needs its CSRF token."""
    try:
        if not request.path.startswith(OPEN_PATHS):
            services = services_of(request)
            token = request.cookies.get(COOKIE, "")
            async with services.uow() as uow:
                found = await current(uow, services.clock, services.invite_key, token)
            if found is None:
                if request.method == "GET":
                    raise web.HTTPSeeOther("/desk/login")
                return problem(request, 403, translator(request)._("로그인이 필요해요."))
            session, member = found
            request[DESK] = Desk(session, member, token, csrf_for(services, token))
            if request.method == "POST":
                sent = await _form_token(request)
                if not hmac.compare_digest(sent, request[DESK].csrf):
                    return problem(request, 403, stale_form(request))
        return await handler(request)
    except (Forbidden, NotFound):
        # Another complex's page or id, or one that does not exist: the same 403, so that
        # nobody can probe which ids exist elsewhere (core's NotFound rule, at the desk).
        return problem(request, 403, translator(request)._("볼 수 없거나 없는 항목이에요."))


def stale_form(request: web.Request) -> str:
    return translator(request)._("보안 토큰이 맞지 않아요. 페이지를 새로 열어 주세요.")


def problem(request: web.Request, status: int, title: str) -> web.Response:
    response = render(request, "problem.html", {"title": title})
    response.set_status(status)
    return response


async def scoped(uow: UnitOfWork, request: web.Request) -> tuple[Complex, Membership]:
    """The complex the URL names and the person as they act in it (403 outside the scope;
    an unknown code looks the same as a forbidden one)."""
    code = request.match_info["complex"].upper()
    complex_ = await uow.complexes.by_code(code)
    if complex_ is None:
        raise Forbidden()
    return complex_, desk_member(desk_of(request).member, saved(complex_.id))


def render(
    request: web.Request, template: str, context: dict[str, Any], complex_: Complex | None = None
) -> web.Response:
    t = translator(request)
    base = {
        "t": t,
        "_": t._,
        "desk": request.get(DESK),
        "complex": complex_,
        "error": request.get(ERROR),
        "done": request.query.get("done", "") == "1",
    }
    response = aiohttp_jinja2.render_template(template, request, {**base, **context})
    if request.get(ERROR):
        response.set_status(400)
    return response


Work = Callable[[UnitOfWork, Complex, Membership], Awaitable[str]]


async def act(request: web.Request, work: Work, again: Handler) -> web.StreamResponse:
    """One change in one unit of work: `work` calls the use case (and audits) and returns where
    to go next; a refused rule shows the page again with the refusal in the chat's words and
    changes nothing (403/404 go to the guard)."""
    services = services_of(request)
    try:
        async with services.uow() as uow:
            complex_, member = await scoped(uow, request)
            where = await work(uow, complex_, member)
            await uow.commit()
    except (Forbidden, NotFound):
        raise
    except DomainError as exc:
        request[ERROR] = describe(translator(request), exc)
        return await again(request)
    raise web.HTTPSeeOther(where)


async def uploaded(request: web.Request) -> tuple[Any, bytes, str] | None:
    """The posted form and its file field's bytes and name; None (the page says "올릴 파일을
    골라 주세요.") when no file came."""
    form = await request.post()
    field = form.get("file")
    if not isinstance(field, web.FileField):
        request[ERROR] = translator(request)._("올릴 파일을 골라 주세요.")
        return None
    return form, field.file.read(), field.filename


def page_url(complex_: Complex, page: str = "") -> str:
    return f"/desk/c/{complex_.code}/{page}"


def int_param(raw: object, default: int | None = None) -> int | None:
    try:
        return int(str(raw))
    except (TypeError, ValueError):
        return default


def new_pre_token() -> str:
    return secrets.token_urlsafe(24)

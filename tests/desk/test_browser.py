"""Every desk page in Chromium (Debian's, through Playwright), on the demo complex: the login
link from the chat signs in by itself, each page is saved as docs/screenshots/desk-<page>.png
(1280 px wide), a broadcast's progress moves on the open page as the notice goes out, and a
vote's turnout by 동 rises as a household votes. A tablet (768 px) needs no sideways scroll."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from bot.app import build_engine
from bot.demo.seed import seed_demo
from bot.runtime import Runtime
from core.identity.desk_login import add_operator, issue_desk_code, membership_of
from core.ids import saved
from core.notices.broadcast import NewNotice, create_notice, send_chunk
from core.votes.ballots import cast_ballot
from core.votes.reading import managed_votes
from tests.browser.conftest import chromium

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture
async def site(services, clock):
    """The real server with the demo (every sample); the scheduler is off so that the test
    decides when a broadcast goes out."""
    services.config = services.config.replace(scheduler={"enabled": False})
    engine = build_engine(services)
    await seed_demo(services)
    runtime = Runtime(services, engine)
    await runtime.start()
    try:
        yield f"http://127.0.0.1:{runtime.port}"
    finally:
        await runtime.stop()


async def _office(services):
    async with services.uow() as uow:
        account = await uow.accounts.find("web", "demo-sample-관리동-100")
        return await membership_of(uow, await uow.residents.get(account.resident_id))


async def _code(services, clock, member, complex_id) -> str:
    async with services.uow() as uow:
        issued = await issue_desk_code(uow, clock, services.invite_key, member, complex_id)
        await uow.commit()
    return issued.code


async def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"desk-{name}.png"), full_page=True)


@contextlib.asynccontextmanager
async def _signed_in(site, services, clock, member, complex_id, **options):
    async with chromium(**{**DESKTOP, **options}) as browser:
        page = browser.pages[0] if browser.pages else await browser.new_page()
        page.set_default_timeout(10_000)
        code = await _code(services, clock, member, complex_id)
        await page.goto(f"{site}/desk/login?code={code}")  # the chat's link: submits itself
        await page.wait_for_url("**/desk/c/DEMO/" if complex_id else "**/desk/ops")
        yield page


async def test_every_page_of_the_office_desk(site, services, clock):
    office = await _office(services)
    async with chromium(**DESKTOP) as browser:
        page = browser.pages[0] if browser.pages else await browser.new_page()
        await page.goto(f"{site}/desk/login")
        await _shot(page, "login")
    async with _signed_in(site, services, clock, office, office.complex_id) as page:
        assert await page.locator("h1").inner_text() == "오늘"
        await _shot(page, "today")
        for name, path, heading in (
            ("households", "households", "세대"),
            ("notices", "notices", "공지"),
            ("votes", "votes", "투표·설문"),
            ("defects", "defects", "고장 신고"),
            ("defects-report", "defects/report", "월간 보고"),
            ("shop", "shop", "알뜰쇼핑·포인트"),
            ("common", "common", "공용 포인트"),
        ):
            await page.goto(f"{site}/desk/c/DEMO/{path}")
            assert (await page.locator("h1").inner_text()).startswith(heading), name
            assert await page.locator("nav.tabs a[aria-current=page]").count() == 1
            await _shot(page, name)
        await page.goto(f"{site}/desk/c/DEMO/defects")
        await page.locator("table a").first.click()
        await page.wait_for_selector("text=상태 바꾸기")
        await _shot(page, "defect")
        await page.goto(f"{site}/desk/c/DEMO/votes")
        await page.locator('a[href^="surveys/"]').first.click()
        await page.wait_for_selector("text=응답")
        await _shot(page, "survey")
        await page.goto(f"{site}/desk/c/DEMO/notices")
        await page.fill("#text", "내일 오전 9시에 단지 소독이 있어요. 창문을 닫아 주세요.")
        await page.click("button[value=preview]")
        assert "[공지]" in await page.locator("#preview").inner_text()
        await _shot(page, "notice-preview")


async def test_a_broadcast_progresses_live_on_the_open_page(site, services, clock):
    office = await _office(services)
    async with services.uow() as uow:
        notice = await create_notice(
            uow, clock, office, NewNotice("103동 물탱크 청소가 있어요.", ("103",))
        )
        await uow.commit()
    async with _signed_in(site, services, clock, office, office.complex_id) as page:
        row = page.locator(f'.broadcast[data-id="{notice.id}"]')
        assert await row.locator("progress").get_attribute("value") == "0"
        async with services.uow() as uow:
            await send_chunk(uow, clock, saved(notice.id), 0)  # the scheduler's job, now
            await uow.commit()
        await page.wait_for_function(
            f"document.querySelector('.broadcast[data-id=\"{notice.id}\"] progress').value == 100"
        )
        assert (await row.locator(".count").inner_text()).endswith("명")
        assert await row.locator(".count").inner_text() != "0/0명"
        await _shot(page, "broadcast-progress")


async def test_turnout_by_building_rises_as_a_household_votes(site, services, clock):
    office = await _office(services)
    async with services.uow() as uow:
        vote = (await managed_votes(uow, office)).votes[0]
        vote_id = saved(vote.id)
        account = await uow.accounts.find("web", "demo-desk-103-202")
        voter = await membership_of(uow, await uow.residents.get(account.resident_id))
    async with _signed_in(site, services, clock, office, office.complex_id) as page:
        await page.goto(f"{site}/desk/c/DEMO/votes/{vote_id}")
        cell = page.locator('#turnout tr[data-building="103"] .voted')
        before = int(await cell.inner_text())
        async with services.uow() as uow:
            await cast_ballot(uow, clock, voter, vote_id, 0)
            await uow.commit()
        await page.wait_for_function(
            "n => Number(document.querySelector('#turnout tr[data-building=\"103\"] .voted')"
            ".textContent) === n",
            arg=before + 1,
        )
        html = await page.content()
        assert "누가 무엇을 골랐는지는 아무도 볼 수 없어요" in html
        await _shot(page, "vote-turnout")


async def test_the_operator_page_and_a_tablet(site, services, clock):
    async with services.uow() as uow:
        operator, _ = await add_operator(uow, clock, services.invite_key, "김운영")
        member = await membership_of(uow, operator)
        await uow.commit()
    async with _signed_in(site, services, clock, member, None) as page:
        assert "내친구 데모아파트 (DEMO)" in await page.content()
        await _shot(page, "operator")
    office = await _office(services)
    tablet = {"viewport": {"width": 768, "height": 1024}}
    async with _signed_in(site, services, clock, office, office.complex_id, **tablet) as page:
        for path in ("", "households", "notices", "votes", "defects", "shop"):
            await page.goto(f"{site}/desk/c/DEMO/{path}")
            wide = await page.evaluate("document.documentElement.scrollWidth")
            assert wide <= 768, path

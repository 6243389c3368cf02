"""데스크 열기 in the coordinator's chat menu, on every channel: a one-time code and the
login link that opens the desk; residents do not see the entry."""

from __future__ import annotations

import re

from core.desk.sessions import sign_in
from core.identity.invites import ALPHABET

CODE = re.compile(rf"([{ALPHABET}]{{5}}-[{ALPHABET}]{{5}})")


async def test_the_coordinator_gets_a_desk_code_in_the_chat(person, services, demo):
    await person.start(demo["관리동-100"])
    await person.tap("코디네이터")
    for _ in range(5):  # the last entry of the menu: page on with 더보기
        if "데스크 열기" in person.labels:
            break
        await person.tap("더보기")
    await person.tap("데스크 열기")
    text = person.text
    assert "데스크 로그인 코드예요" in text and "5분 안에 한 번만" in text
    code = CODE.search(text).group(1)
    assert f"/desk/login?code={code.replace('-', '')}" in text
    async with services.uow() as uow:
        signed = await sign_in(uow, services.clock, services.invite_key, code)
        await uow.commit()
    assert signed.session.complex_id is not None and signed.member.is_coordinator


async def test_a_resident_has_no_desk_entry(person, demo):
    await person.start(demo["101-1203"])
    assert "코디네이터" not in person.labels
    await person.say("데스크 열기")
    assert "데스크 로그인 코드" not in person.text

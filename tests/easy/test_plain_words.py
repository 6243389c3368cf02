"""Plain words on resident screens: no term of bot/wording/jargon.toml, one register (해요체,
never 합쇼체's 습니다/ㅂ니다), and particles after a placeholder written as markers the
translator resolves (never "{number}예요", which reads "D-2026-000003예요")."""

from __future__ import annotations

import re

from tests.easy.wording import JARGON, formal_endings, jargon_in, resident_facing, used_where

SHOWN = resident_facing()
# A particle glued to a placeholder: it cannot fit every value.
GLUED = re.compile(
    r"\}['\"]*(이에요|예요|이었어요|였어요|을|를|이|가|은|는|과|와|으로|로)(?=[\s.,!?:)]|$)"
)
MARKER = re.compile(
    r"(\(이\)에요|\(이\)었어요|을\(를\)|이\(가\)|은\(는\)|과\(와\)|\(으\)로|\(이\)나)"
)


def test_the_list_is_data_with_a_plain_word_for_each_term():
    assert {"하자", "공용부", "기획전", "현장결제", "계좌이체", "실비", "정족수", "인증"} <= set(
        JARGON["words"]
    )
    assert "탑승" in JARGON["words"] and any("D-" in p for p in JARGON["patterns"])
    assert all(JARGON["words"].values()) and all(JARGON["patterns"].values())


def test_the_scan_covers_the_resident_screens():
    assert len(SHOWN) > 1000 and "도움말" in SHOWN
    assert any(key.startswith("easy: ") for key in SHOWN)
    # coordinator-only wording is left out, resident wording is in
    assert "[월간 고장 통계] {month} · 모두 {n}건" not in SHOWN
    assert "접수했어요. 접수 번호는 {number}(이)에요." in SHOWN


def test_no_resident_screen_uses_jargon():
    found = {msgid: jargon_in(text) for msgid, text in SHOWN.items() if jargon_in(text)}
    assert found == {}


def test_the_jargon_check_sees_a_term_and_a_countdown():
    assert jargon_in("하자 접수를 했어요") == ["하자"]
    assert jargon_in("마감 D-3 18:00") == ["D-\\d+"]
    assert jargon_in("고장 신고를 했어요") == []


def test_every_resident_message_speaks_haeyo():
    found = {msgid: formal_endings(text) for msgid, text in SHOWN.items()}
    assert {m: hits for m, hits in found.items() if hits} == {}


def test_the_register_check_sees_hapsyo_and_not_other_words():
    assert formal_endings("101동 1204호로 인증되었습니다.") == ["습니다"]
    assert formal_endings("확인합니다") == ["합니다"]
    assert formal_endings("접수됩니까?") == ["됩니까"]
    assert formal_endings("확인했어요. 그러니까 괜찮아요. 어머니다") == []


def test_no_particle_is_glued_to_a_placeholder():
    glued = {msgid: GLUED.findall(text) for msgid, text in SHOWN.items() if GLUED.search(text)}
    assert glued == {}


def test_particle_markers_follow_a_placeholder_only():
    """A marker after plain text would show as written: "1204호(으)로"."""
    stray = []
    for msgid, text in SHOWN.items():
        for m in MARKER.finditer(text):
            before = text[: m.start()].rstrip("'\"")
            if not before.endswith("}"):
                stray.append(msgid)
    assert stray == []


def test_the_exempt_files_exist():
    files = {f for where in used_where().values() for f in where}
    for path in JARGON["exempt"]["paths"]:
        assert any(f.startswith(path) for f in files), path

"""The demo's 공용 포인트 proposal on every channel (web chat, KakaoTalk, Telegram): 김씨네
finds 놀이터 그늘막 설치 in 포인트 → 공용 포인트 보기 → 제안과 투표, votes 찬성 from its card,
the vote shows the household's choice, and 우리단지 → 주민투표 then opens the other
open vote at once."""

from __future__ import annotations


async def test_the_demos_proposal_is_seen_and_voted(resident):
    await resident.tap("포인트")
    await resident.tap("공용 포인트 보기")
    assert "지금 250,710점이 있어요" in resident.text
    await resident.tap("제안과 투표")
    assert "[투표 중] 놀이터 그늘막 설치" in resident.text
    await resident.tap("투표하기")
    assert "220,000점을 쓸까요?" in resident.text and "1. 찬성" in resident.labels
    await resident.tap("1. 찬성")
    assert "'찬성'에 투표했어요" in resident.text
    await resident.tap("투표 보기")
    assert "우리 집은 '찬성'에 투표했어요" in resident.text
    await resident.tap("처음으로")
    await resident.tap("우리단지")
    await resident.tap("주민투표")  # the playground mat vote is the one left: at once
    assert "놀이터 바닥을 고무 매트로" in resident.text
    assert "다른 투표" in resident.labels  # the proposal's, answered, one tap away

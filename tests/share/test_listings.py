"""돌봄·나눔 글 and safe contact, read as conversations: post a childcare offer (no names, text
limits), a neighbour writes through the bot (the poster reads "102동 이웃" only) and is
answered, ends or blocks, reports; the coordinator verifies the provider and hides the
listing with a reason; 내 글 closes and deletes."""

from __future__ import annotations

from tests.support.share import member, notice_token, outbox_texts, verified


async def post_care(chat) -> None:
    await chat.say("처음으로")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "글 올리기", "해드려요"):
        await chat.tap(label)
    await chat.say("제" * 51)
    assert "50자까지 적을 수 있어요" in chat.text and "제목을 짧게 적어 주세요" in chat.text
    await chat.say("방과 후 아이 돌봐 드려요")
    await chat.tap("평일 낮")
    await chat.tap("우리 단지 안")
    await chat.say("아이 이름은 민수")
    assert "이름은 적지 말아 주세요" in chat.text
    await chat.say("7살 아이")
    await chat.say("만원")
    assert "금액은 1원부터" in chat.text
    await chat.say("10000")
    await chat.say("가" * 501)
    assert "500자까지 적을 수 있어요" in chat.text
    await chat.tap("건너뛰기")
    assert "누구: 7살 아이" in chat.text and "비용: 10,000원" in chat.text
    await chat.tap("올리기")
    assert "글을 올렸어요" in chat.text


async def test_post_contact_reply_and_thanks(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_care(kim)
    lee = await verified(engine, demo["102-304"], "lee")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아"):
        await lee.tap(label)
    assert "[해드려요] 방과 후 아이 돌봐 드려요" in lee.text and "101동 이웃" in lee.text
    await lee.tap("자세히 보기")
    await lee.tap("연락하기")
    assert "101동 이웃에게 보낼 말을 적어 주세요" in lee.text
    await lee.say("내일 오후에 부탁드려도 될까요?")
    assert "보냈어요" in lee.text and "101동 이웃에게 보낼 말" in lee.text

    kim_id = (await member(services, "kim")).resident_id
    (note,) = [t for t in await outbox_texts(services, kim_id) if "공유마켓 대화" in t]
    assert '102동 이웃: "내일 오후에 부탁드려도 될까요?"' in note and "304" not in note
    await kim.tap_token(await notice_token(services, kim_id, "답장하기"))
    await kim.say("네, 3시에 놀이터에서 만나요")
    lee_id = (await member(services, "lee")).resident_id
    assert any("3시에 놀이터" in t for t in await outbox_texts(services, lee_id))
    await kim.tap("감사 보내기")
    assert "고마운 마음을 전했어요 (1명)" in kim.text
    await lee.tap("대화 끝내기")
    assert "대화를 끝냈어요" in lee.text
    await lee.tap("글 보기")
    await lee.tap("감사 보내기")
    await lee.tap("글 보기")
    assert "감사 1" in lee.text


async def test_block_report_verify_and_hide(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_care(kim)
    lee = await verified(engine, demo["102-304"], "lee")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "자세히 보기", "연락하기"):
        await lee.tap(label)
    await lee.say("연락처 알려 주세요")
    kim_id = (await member(services, "kim")).resident_id
    await kim.tap_token(await notice_token(services, kim_id, "답장하기"))
    await kim.tap("차단하기")
    await kim.tap("네, 차단할게요")
    assert "차단했어요" in kim.text
    await lee.say("처음으로")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "자세히 보기", "연락하기"):
        await lee.tap(label)
    assert "이 이웃과는 연락할 수 없어요" in lee.text
    await lee.tap("신고하기")
    await lee.tap("광고나 사기 같아요")
    assert "신고했어요" in lee.text

    coord = await verified(engine, demo["관리동-100"], "coord")
    await coord.tap("코디네이터")
    await coord.say("돌봄 제공자 확인")  # the menu is paged: typed labels work
    await coord.tap("코디네이터 확인")
    assert "101동 이웃을 코디네이터 확인으로 표시했어요" in coord.text
    await coord.tap("글 보기")
    assert "코디네이터 확인" in coord.text
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    await coord.say("공유마켓 신고")
    assert "광고나 사기 같아요" in coord.text and "1203" not in coord.text
    await coord.tap("글 보기")
    await coord.tap("글 숨기기")
    await coord.say("확인해 보니 문제가 있어요")
    assert "글을 숨겼어요" in coord.text
    assert any("숨겼어요" in t for t in await outbox_texts(services, kim_id))
    await lee.say("처음으로")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아"):
        await lee.tap(label)
    assert "아직 올라온 글이 없어요" in lee.text


async def test_my_listings_close_and_delete(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_care(kim)
    await kim.tap("글 보기")
    await kim.tap("마감하기")
    assert "글을 마감했어요" in kim.text
    await kim.tap("내 글")
    assert "마감" in kim.text
    await kim.tap("자세히 보기")
    await kim.tap("삭제하기")
    await kim.tap("네, 지울게요")
    assert "글을 지웠어요" in kim.text
    await kim.tap("내 글")
    assert "아직 올린 글이 없어요" in kim.text

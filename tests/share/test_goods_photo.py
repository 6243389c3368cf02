"""물품 나눔·대여 글 with one optional photo, read as conversations: post with a photo (the
summary says "사진: 1장", a neighbour's card and the listing show it), with 건너뛰기 ("사진:
없음"), a file that is not a photo, two photos, a photo over 10 MB or typed text (a polite
answer, the same question again, nothing stored); other kinds never ask; 글 고치기 changes the
photo and takes it off."""

from __future__ import annotations

from bot.screens import Photo
from core.media import MAX_PHOTO_BYTES
from tests.share.test_listings import post_care
from tests.support.defects import tiny_image
from tests.support.share import listing_row, verified

ASK = "물건 사진을 한 장 보내 주세요"


async def up_to_photo(chat) -> None:
    await chat.say("처음으로")
    for label in ("공유마켓", "돌봄·나눔 보기", "물품 나눔·대여", "글 올리기", "해드려요"):
        await chat.tap(label)
    await chat.say("유모차 빌려 드려요")
    await chat.tap("주말")
    await chat.tap("우리 단지 안")
    await chat.tap("무료")
    await chat.tap("건너뛰기")  # the details
    assert ASK in chat.text and "건너뛰기" in chat.labels


async def test_post_goods_with_a_photo_and_a_neighbour_sees_it(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await up_to_photo(kim)
    await kim.photo(tiny_image("PNG"), "image/png")
    assert "사진: 1장" in kim.text and "이대로 올릴까요?" in kim.text
    await kim.tap("올리기")
    assert "글을 올렸어요" in kim.text
    media_id = (await listing_row(services))["photo"]
    assert media_id and len(media_id) == 64
    url = services.media.url(media_id)

    lee = await verified(engine, demo["102-304"], "lee")
    for label in ("공유마켓", "돌봄·나눔 보기", "물품 나눔·대여"):
        await lee.tap(label)
    (card,) = [c for c in lee.screen.cards if "유모차" in c.title]
    assert card.image_url == url
    await lee.tap("자세히 보기")
    assert lee.screen.image_url == url and lee.screen.image_alt == "물건 사진"
    assert "유모차 빌려 드려요" in lee.text


async def test_post_goods_without_a_photo(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await up_to_photo(kim)
    await kim.tap("건너뛰기")
    assert "사진: 없음" in kim.text
    await kim.tap("올리기")
    assert (await listing_row(services))["photo"] is None
    await kim.tap("글 보기")
    assert kim.screen.image_url is None and "유모차 빌려 드려요" in kim.text


async def test_bad_photos_are_refused_politely_and_asked_again(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await up_to_photo(kim)
    await kim.photo(b"%PDF-1.4 not a photo", "image/jpeg")
    assert "사진 파일이 아니라서 받을 수 없어요" in kim.text and ASK in kim.text
    two = (Photo(tiny_image("PNG"), "image/png"), Photo(tiny_image("JPEG"), "image/jpeg"))
    await kim._send(photos=two)
    assert "사진은 한 장만 보낼 수 있어요." in kim.text and ASK in kim.text
    huge = tiny_image("PNG") + b"\0" * MAX_PHOTO_BYTES
    await kim.photo(huge, "image/png")
    assert "10MB보다 작은 사진" in kim.text and ASK in kim.text
    await kim.say("사진은 없어요")
    assert "사진을 보내 주세요." in kim.text and ASK in kim.text
    assert not any(services.media.root.rglob("*"))  # nothing stored
    await kim.photo(tiny_image("JPEG"))
    assert "사진: 1장" in kim.text


async def test_other_kinds_are_not_asked_for_a_photo(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_care(kim)  # asserts the whole way through: no photo question
    assert (await listing_row(services))["photo"] is None
    assert not any("사진" in t for r in kim.history for s in r.screens for t in [s.text])


async def test_editing_changes_and_removes_the_photo(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await up_to_photo(kim)
    await kim.tap("건너뛰기")
    await kim.tap("올리기")
    await kim.tap("글 보기")
    await kim.tap("글 고치기")
    assert "사진" in kim.labels
    await kim.tap("사진")
    assert "새 물건 사진을 한 장 보내 주세요" in kim.text
    await kim.photo(b"GIF? no", "image/gif")
    assert "사진 파일이 아니라서" in kim.text and "새 물건 사진" in kim.text
    await kim.photo(tiny_image("JPEG"))
    assert "글을 고쳤어요" in kim.text
    photo = (await listing_row(services))["photo"]
    assert photo
    await kim.tap("글 보기")
    assert kim.screen.image_url == services.media.url(photo)
    await kim.tap("글 고치기")
    await kim.tap("사진")
    await kim.tap("사진 빼기")
    assert "글을 고쳤어요" in kim.text and (await listing_row(services))["photo"] is None


async def test_a_care_listing_has_no_photo_to_edit(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_care(kim)
    for label in ("처음으로", "공유마켓", "내 글", "자세히 보기", "글 고치기"):
        await (kim.say(label) if label == "처음으로" else kim.tap(label))
    assert "무엇을 고칠까요?" in kim.text and "사진" not in kim.labels

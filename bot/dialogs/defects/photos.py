"""Photos in the defect dialog: up to 3, checked by their content (never the file name) and
size, stored through the media port; the dialog keeps only media ids.

The photo steps after the first one ask "사진 더 보내기 / 다 보냈어요"; a photo sent right
away counts as "more". Each step's answer is {"photos": [ids]} or a word ("more", "done").
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Invalid, Step
from bot.screens import Expect, Photo
from core.defects.model import MAX_PHOTOS
from core.media import MAX_PHOTO_BYTES, sniff_image

# Steps whose answers may hold photos, in order.
PHOTO_STEPS = ("what", "more2", "add2", "more3", "add3")


def photos_of(answers: dict) -> list[str]:
    """All media ids sent so far, in order."""
    found: list[str] = []
    for name in PHOTO_STEPS:
        value = answers.get(name)
        if isinstance(value, dict):
            found += value.get("photos", [])
    return found


def typed_text(answers: dict) -> str:
    what = answers.get("what")
    return what.get("text", "") if isinstance(what, dict) else ""


async def store_photos(ctx: Ctx, photos: tuple[Photo, ...], answers: dict) -> dict:
    """Validate and store the photos; raises Invalid with a polite reason."""
    room = MAX_PHOTOS - len(photos_of(answers))
    if room <= 0 or len(photos) > room:
        raise Invalid(ctx._("사진은 {limit}장까지 보낼 수 있어요.", limit=MAX_PHOTOS))
    ids = []
    for photo in photos:
        if len(photo.data) > MAX_PHOTO_BYTES:
            raise Invalid(ctx._("사진이 너무 커요. 10MB보다 작은 사진을 보내 주세요."))
        kind = sniff_image(photo.data)
        if kind is None:
            raise Invalid(
                ctx._("사진 파일이 아니라서 받을 수 없어요. 사진을 골라 다시 보내 주세요.")
            )
        ids.append(await ctx.services.media.put(photo.data, kind))
    return {"photos": ids}


def _done_before(answers: dict, upto: str) -> bool:
    names = PHOTO_STEPS[: PHOTO_STEPS.index(upto)]
    return any(answers.get(n) == "done" for n in names)


async def one_photo(ctx: Ctx, photos: tuple[Photo, ...], a: dict) -> str:
    """A step that takes exactly one photo (공지, 게시판, 물품 글): its media id; raises
    Invalid with a polite reason."""
    if len(photos) > 1:
        raise Invalid(ctx._("사진은 한 장만 보낼 수 있어요."))
    return (await store_photos(ctx, photos, {}))["photos"][0]


def photo_steps(kept) -> list[Step]:
    """The "사진 더 보내기 / 다 보냈어요" steps for photos 2 and 3. `kept(name, answers)` is
    True when the dialog was restarted with that answer kept."""

    def more(n: int) -> Step:
        name = f"more{n}"

        def skip(ctx: Ctx, a: dict) -> bool:
            before = PHOTO_STEPS[: PHOTO_STEPS.index(name)]
            count = len(photos_of({k: v for k, v in a.items() if k in before}))
            return kept(name, a) or count != n - 1 or bool(typed_text(a)) or _done_before(a, name)

        return Step(
            name,
            prompt=lambda ctx, a: ctx._(
                "사진 {n}장을 받았어요. 사진을 더 보내시려면 '사진 더 보내기'를, "
                "아니면 '다 보냈어요'를 눌러 주세요.",
                n=len(photos_of(a)),
            ),
            expect=Expect.PHOTO,
            choices=lambda ctx, a: [
                Choice(ctx._("사진 더 보내기"), "more"),
                Choice(ctx._("다 보냈어요"), "done"),
            ],
            photo=store_photos,
            skip=skip,
            follow_up=True,
        )

    def add(n: int) -> Step:
        name = f"add{n}"
        return Step(
            name,
            prompt=lambda ctx, a: ctx._("사진을 보내 주세요."),
            expect=Expect.PHOTO,
            choices=lambda ctx, a: [Choice(ctx._("다 보냈어요"), "done")],
            photo=store_photos,
            skip=lambda ctx, a: kept(name, a) or a.get(f"more{n}") != "more",
            follow_up=True,
        )

    return [more(2), add(2), more(3), add(3)]


def optional_photo(prompt: str) -> Step:
    """The "photo" step of a post (공지, 게시판): one photo, or '사진 없음'. `prompt` is a
    message marked with N_ where the dialog is written."""
    return Step(
        "photo",
        prompt=lambda ctx, a: ctx._(prompt),
        expect=Expect.PHOTO,
        choices=lambda ctx, a: [Choice(ctx._("사진 없음"), "")],
        photo=one_photo,
    )

"""The one photo of a 물품 나눔·대여 listing: the step that asks for it when posting, and the
one that changes or removes it in 내 글 → 글 고치기. A photo is checked by its content (never
the file name) and size (≤ 10 MB) and stored through the media port; the dialog keeps only
the media id ("" when there is none)."""

from __future__ import annotations

from bot.dialogs.defects.photos import one_photo
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Step
from bot.screens import Expect
from core.share.model import Kind


def photo_step() -> Step:
    """Posting: goods only, after the details; 건너뛰기 posts without a photo."""
    return Step(
        "photo",
        prompt=lambda ctx, a: ctx._(
            "물건 사진을 한 장 보내 주세요. 없으면 '건너뛰기'를 눌러 주세요."
        ),
        expect=Expect.PHOTO,
        choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
        photo=one_photo,
        skip=lambda ctx, a: a.get("kind") != Kind.GOODS,
    )


def photo_line(ctx: Ctx, a: dict) -> list[str]:
    """The summary's line about the photo, for goods only."""
    if a.get("kind") != Kind.GOODS:
        return []
    return [ctx._("사진: 1장") if a.get("photo") else ctx._("사진: 없음")]


def new_photo_step(skip) -> Step:
    """글 고치기 → 사진: a new photo replaces the old one; 사진 빼기 takes it off."""
    return Step(
        "photo",
        prompt=lambda ctx, a: ctx._(
            "새 물건 사진을 한 장 보내 주세요. 사진을 없애려면 '사진 빼기'를 눌러 주세요."
        ),
        expect=Expect.PHOTO,
        choices=lambda ctx, a: [Choice(ctx._("사진 빼기"), "")],
        photo=one_photo,
        skip=skip,
    )

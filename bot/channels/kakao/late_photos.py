"""Photos slower than KakaoTalk's 5 seconds: the skill answers in time with the resident's
current screen and a note ("사진을 받는 중이에요"), keeps fetching in the background (up to
`LATER_S`), then gives the photos to the dialog as if they had come at once, and tells the
resident through the outbox (a PhotosArrived notification: pushed by the Event API, or
waiting in the inbox for the next message)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from bot.i18n import N_, Translator
from bot.screens import Screen
from core.media import PhotosArrived

LATER_S = 60.0  # how long the background waits for the rest of the photos
NOTE = "사진을 받는 중이에요. 다 받으면 알려 드릴게요."  # the answer in time (no locale yet)

# (resident id, received, lost) → queued in the outbox
Tell = Callable[[int, int, int], Awaitable[None]]


def photos_arrived(t: Translator, note: PhotosArrived) -> Screen:
    text = t._(
        "보내 주신 사진 {count}장을 다 받았어요. 이어서 진행해 주세요.", count=note.received
    )
    if note.lost:
        text += "\n" + t._(
            "사진 {count}장은 제대로 받지 못했어요. 다시 보내 주세요.", count=note.lost
        )
    return Screen(text)


def make_tell(services) -> Tell:
    async def tell(resident_id: int, received: int, lost: int) -> None:
        async with services.uow() as uow:
            note = PhotosArrived(received=received, lost=lost)
            await uow.notifier.notify(resident_id, note, key=f"photos:{uuid.uuid4().hex}")
            await uow.commit()

    return tell


def register(services) -> None:
    kinds = services.notifications
    if PhotosArrived not in kinds:
        kinds.register(PhotosArrived, photos_arrived, N_("사진 받음"))

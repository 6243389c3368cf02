"""The web chat page's own words (title, 글자 크게, 보내기, …) in the reader's language: the
first page in the browser's language (`?lang=` or Accept-Language, Korean when none of ours),
then in the resident's own once the bot answers in it (`GET /api/web/words?lang=`). The
page keeps Korean in its HTML so it reads without JavaScript; view.js relabels it."""

from __future__ import annotations

import json

from bot.i18n import N_, Catalogs

WORDS = {
    "title": N_("내친구 — 우리 아파트 이웃 도우미"),
    "name": N_("내친구"),
    "tagline": N_("우리 아파트 이웃 도우미"),
    "size_group": N_("글자 크기"),
    "size_word": N_("글자"),
    "smaller": N_("작게"),
    "bigger": N_("크게"),
    "smaller_label": N_("글자 작게"),
    "bigger_label": N_("글자 크게"),
    "log": N_("대화 내용"),
    "choices": N_("고를 수 있는 버튼"),
    "photo": N_("사진"),
    "photo_label": N_("사진 보내기"),
    "message": N_("메시지"),
    "placeholder": N_("여기에 적거나 위 버튼을 누르세요"),
    "send": N_("보내기"),
    "offline": N_("연결이 잠시 끊겼어요. 조금 뒤에 다시 눌러 주세요."),
    "photo_too_big": N_("사진이 너무 커요. 10MB 이하의 사진을 보내 주세요."),
    "photo_echo": N_("(사진)"),
    "me": N_("나"),
    "bot": N_("내친구"),
    "notice": N_("내친구 알림"),
    # {step} and {steps} are filled in by view.js
    "size_status": N_("글자 크기 {step}단계 ({steps}단계 중)"),
}


class PageWords:
    def __init__(self, catalogs: Catalogs) -> None:
        self.catalogs = catalogs

    def locale(self, lang: str | None, accept: str = "") -> str:
        """`lang` (a tag the page asked for), else the best of Accept-Language, else Korean."""
        found = self.catalogs.match(lang)
        if found:
            return found
        ranked = []
        for n, part in enumerate(accept.split(",")[:10]):
            tag, _, q = part.strip().partition(";q=")
            try:
                weight = float(q) if q else 1.0
            except ValueError:
                continue
            ranked.append((-weight, n, tag.strip()))
        for _w, _n, tag in sorted(ranked):
            found = self.catalogs.match(tag)
            if found:
                return found
        return "ko" if "ko" in self.catalogs.locales else self.catalogs.default

    def words(self, locale: str) -> dict[str, str]:
        t = self.catalogs.get(locale)
        return {key: t.raw(msgid) for key, msgid in WORDS.items()}

    def page(self, html: str, locale: str) -> str:
        """index.html for `locale`: its lang attribute and the words, embedded for view.js."""
        words = json.dumps(self.words(locale), ensure_ascii=False).replace("</", "<\\/")
        tag = locale.replace("_", "-")
        html = html.replace('<html lang="ko">', f'<html lang="{tag}">', 1)
        script = f'<script id="words" type="application/json">{words}</script>\n  '
        first = '<script src="/static/view.js">'
        return html.replace(first, script + first, 1)

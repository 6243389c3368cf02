"""Text and formats in the resident's language: gettext catalogs compiled from
`locales/<lang>/LC_MESSAGES/messages.po` (Korean is the source language), and Babel for won
amounts and dates. Format after translating: msgids carry `{name}` placeholders.

쉬운 모드: a message may have a plainer variant under `msgctxt "easy"` (declared in
`bot/wording/easy.py`); a Translator made with `easy=True` shows it wherever one exists.

Particles after a placeholder are written as markers in Korean text — `{number}(이)에요`,
`{who}이(가)`, `{what}을(를)`, `{n}은(는)`, `{a}과(와)`, `{place}(으)로` — and chosen from
the value's last syllable when formatted (`josa`)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as babel_datetime
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}
EASY = "easy"  # the msgctxt of 쉬운 모드 variants


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it where it is shown."""
    return message


# How digits and latin letters end when read aloud in Korean: 0 영, 1 일, 3 삼, 6 육, 7 칠,
# 8 팔 end in a consonant (ㄹ for 1, 7, 8); L 엘, M 엠, N 엔, R 알 too.
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ"}
_LATIN_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
# A number ending in zeros is read by its last unit: 십, 백, 천, 만, 십만, …, 억, 조.
_ZERO_UNITS = {1: "ㅂ", 2: "ㄱ", 3: "ㄴ"}
_FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
# (after a consonant, after a vowel) for each particle a marker names.
PARTICLES = {
    "이에요/예요": ("이에요", "예요"),
    "이었어요/였어요": ("이었어요", "였어요"),
    "을/를": ("을", "를"),
    "이/가": ("이", "가"),
    "은/는": ("은", "는"),
    "과/와": ("과", "와"),
    "으로/로": ("으로", "로"),
    "이나/나": ("이나", "나"),
}
_MARKERS = {
    "(이)에요": "이에요/예요",
    "(이)었어요": "이었어요/였어요",
    "을(를)": "을/를",
    "이(가)": "이/가",
    "은(는)": "은/는",
    "과(와)": "과/와",
    "(으)로": "으로/로",
    "(이)나": "이나/나",
}
_MARKED = re.compile(r"\{(\w+)\}([\"'」』]*)(" + "|".join(re.escape(m) for m in _MARKERS) + ")")


def final_consonant(word: str) -> str:
    """The last consonant of `word` read aloud ("" after a vowel): Hangul from its syllable,
    digits and latin letters as Korean reads them; trailing marks are ignored."""
    text = word.rstrip(" \"'.,!?)]」』>~…")
    if not text:
        return ""
    last = text[-1]
    if "가" <= last <= "힣":
        return _FINALS[(ord(last) - ord("가")) % 28].strip()
    if last.isdigit():
        digits = re.search(r"[\d,]*$", text)
        number = (digits.group(0) if digits else last).replace(",", "")
        if last != "0":
            return _DIGIT_FINAL.get(last, "")
        zeros = len(number) - len(number.rstrip("0"))
        if zeros == len(number):
            return "ㅇ"  # 영
        if zeros % 4:
            return _ZERO_UNITS[zeros % 4]
        return {4: "ㄴ", 8: "ㄱ"}.get(zeros % 12 or 12, "")  # 만, 억, 조
    return _LATIN_FINAL.get(last.lower(), "")


def josa(word: str, pair: str) -> str:
    """`word` with the particle of `pair` ("이에요/예요", "을/를", "이/가", "은/는", "과/와",
    "으로/로") that fits its last syllable: 으로 after a consonant except ㄹ."""
    after_consonant, after_vowel = PARTICLES[pair]
    final = final_consonant(word)
    if pair == "으로/로":
        return word + (after_consonant if final and final != "ㄹ" else after_vowel)
    return word + (after_consonant if final else after_vowel)


def with_particles(template: str, params: dict[str, object]) -> str:
    """Resolve the particle markers after placeholders before formatting (Korean only)."""

    def pick(m: re.Match[str]) -> str:
        name, marks, marker = m.group(1), m.group(2), m.group(3)
        if name not in params:
            return m.group(0)
        value = f"{params[name]}{marks}"
        particle = josa(value, _MARKERS[marker])[len(value) :]
        return "{" + name + "}" + marks + particle.replace("{", "{{").replace("}", "}}")

    return _MARKED.sub(pick, template)


class Translator:
    """Translates and formats for one locale (in 쉬운 모드 with `easy`)."""

    def __init__(
        self, locale: str, translations: NullTranslations, tz: ZoneInfo, easy: bool = False
    ) -> None:
        self.locale = locale
        self._t = translations
        self.tz = tz
        self.easy = easy

    def _(self, message: str, /, **params: object) -> str:
        text: str = self._t.gettext(message)
        if self.easy:
            plain = str(self._t.pgettext(EASY, message))
            if plain != message:
                text = plain
        if self.locale == "ko":
            text = with_particles(text, params)
        return text.format(**params) if params else text

    def won(self, amount: int) -> str:
        return self._("{amount}원", amount=format_decimal(amount, locale=self.locale))

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def datetime(self, when: datetime, pattern: str | None = None) -> str:
        local = when.astimezone(self.tz)
        # Korean day periods (오전/오후) are "B" in CLDR; "a" would print AM/PM.
        default = "M월 d일 (E) B h:mm" if self.locale == "ko" else "MMM d (E) h:mm a"
        return babel_datetime(local, pattern or default, locale=self.locale)


class Catalogs:
    """All compiled catalogs, loaded once by the composition root."""

    def __init__(self, locales: tuple[str, ...], default: str, timezone: str) -> None:
        self.default = default
        self.tz = ZoneInfo(timezone)
        self._translations: dict[str, NullTranslations] = {}
        for locale in locales:
            mo = LOCALES_DIR / locale / "LC_MESSAGES" / "messages.mo"
            if not mo.exists():
                raise FileNotFoundError(f"{mo} is missing: run `make i18n-compile`")
            self._translations[locale] = Translations.load(str(LOCALES_DIR), [locale], "messages")

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self._translations)

    def get(self, locale: str | None, easy: bool = False) -> Translator:
        locale = locale if locale in self._translations else self.default
        return Translator(locale, self._translations[locale], self.tz, easy)

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
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as babel_datetime
from babel.dates import format_skeleton, get_datetime_format
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
# Each language by its own name, in its own script (KRDS language switcher), in this order.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English", "vi": "Tiếng Việt", "zh_Hans": "中文"}

# Dates and times are named, never patterned at the call: a CLDR skeleton says which fields,
# and Babel orders and spells them per locale ("MMMd": 12월 4일, Dec 4, 4 thg 12, 12月4日).
SKELETONS = {
    "day": "MMMd",
    "short_day": "Md",
    "weekday_day": "MMMEd",
    "month": "yMMMM",
    "long_day": "yMMMMd",
    "time": "hm",
    "clock": "Hm",
}
# Plainer forms than CLDR's short ones for some locales: months spelled out in Vietnamese
# ("4 tháng 12", not "4 thg 12")...
LOCAL_SKELETONS = {"vi": {"day": "MMMMd", "weekday_day": "MMMMEd"}}
# ...and fixed patterns where residents read another form: Korean "12/4" (CLDR: "12. 4."),
# Vietnamese 24-hour time ("15:05", not "3:05 CH").
PATTERNS = {
    "ko": {"short_day": "M/d"},
    "vi": {"time": "HH:mm", "long_day": "'ngày' d 'tháng' M 'năm' y"},
}
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

    def raw(self, message: str) -> str:
        """The translation with its {placeholders} left in (for the web page's script)."""
        return str(self._t.gettext(message))

    def won(self, amount: int) -> str:
        return self._("{amount}원", amount=format_decimal(amount, locale=self.locale))

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def _fmt(self, name: str, when: datetime | date) -> str:
        if isinstance(when, datetime):
            when = when.astimezone(self.tz)
        pattern = PATTERNS.get(self.locale, {}).get(name)
        if pattern:
            return babel_datetime(when, pattern, locale=self.locale)
        skeleton = LOCAL_SKELETONS.get(self.locale, {}).get(name, SKELETONS[name])
        return format_skeleton(skeleton, when, locale=self.locale)

    def _join(self, day: str, time: str) -> str:
        """A date and a time joined the locale's way ("12월 4일 오후 3:05", "Dec 4, 3:05 PM")."""
        pattern = get_datetime_format("medium", locale=self.locale)
        return str(pattern).replace("{1}", day).replace("{0}", time)

    def day(self, when: datetime | date) -> str:
        """12월 4일 · Dec 4 · 4 tháng 12 · 12月4日"""
        return self._fmt("day", when)

    def short_day(self, when: datetime | date) -> str:
        """12/4 · 12/4 · 4/12 · 12/4"""
        return self._fmt("short_day", when)

    def weekday_day(self, when: datetime | date) -> str:
        """12월 4일 (금) · Fri, Dec 4 · Thứ 6, 4 tháng 12 · 12月4日周五"""
        return self._fmt("weekday_day", when)

    def weekday(self, when: datetime | date) -> str:
        """금요일 · Friday · Thứ Sáu · 星期五"""
        if isinstance(when, datetime):
            when = when.astimezone(self.tz)
        return babel_datetime(when, "EEEE", locale=self.locale)

    def month(self, when: datetime | date) -> str:
        """2026년 12월 · December 2026 · tháng 12 năm 2026 · 2026年12月"""
        return self._fmt("month", when)

    def long_day(self, when: datetime | date) -> str:
        """2026년 12월 4일 · December 4, 2026 · ngày 4 tháng 12 năm 2026 · 2026年12月4日"""
        return self._fmt("long_day", when)

    def time(self, when: datetime) -> str:
        """오후 3:05 · 3:05 PM · 15:05 · 下午3:05"""
        return self._fmt("time", when)

    def clock(self, when: datetime) -> str:
        """15:05 in every language (a deadline beside a D-n count)."""
        return self._fmt("clock", when)

    def day_time(self, when: datetime) -> str:
        """12월 4일 오후 3:05 · Dec 4, 3:05 PM"""
        return self._join(self.day(when), self.time(when))

    def short_day_time(self, when: datetime) -> str:
        """12/4 오후 3:05 · 12/4, 3:05 PM"""
        return self._join(self.short_day(when), self.time(when))

    def stamp(self, when: datetime) -> str:
        """2026-12-04 15:05 in every language, local time: for CSV exports and machines."""
        return babel_datetime(when.astimezone(self.tz), "yyyy-MM-dd HH:mm", locale="en")

    def datetime(self, when: datetime) -> str:
        """12월 4일 (금) 오후 3:05 · Fri, Dec 4, 3:05 PM: the weekday, the day and the time."""
        return self._join(self.weekday_day(when), self.time(when))


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
        """The configured locales in LANGUAGE_NAMES order (한국어, English, Tiếng Việt, 中文)."""
        order = list(LANGUAGE_NAMES)
        known = sorted(self._translations, key=lambda x: order.index(x) if x in order else 99)
        return tuple(known)

    def match(self, tag: object) -> str | None:
        """The configured locale for a messenger's language tag ("en-US" -> en, "zh-hans" or
        "zh-CN" -> zh_Hans: written Chinese here is Simplified), None for none."""
        if not isinstance(tag, str) or not tag:
            return None
        primary = tag.replace("_", "-").split("-")[0].lower()
        locale = "zh_Hans" if primary == "zh" else primary
        return locale if locale in self._translations else None

    def get(self, locale: str | None, easy: bool = False) -> Translator:
        locale = locale if locale in self._translations else self.default
        return Translator(locale, self._translations[locale], self.tz, easy)

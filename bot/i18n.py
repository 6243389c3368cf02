"""Text and formats in the resident's language: gettext catalogs compiled from
`locales/<lang>/LC_MESSAGES/messages.po` (Korean is the source language), and Babel for won
amounts and dates. Format after translating: msgids carry `{name}` placeholders."""

from __future__ import annotations

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


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it where it is shown."""
    return message


class Translator:
    """Translates and formats for one locale."""

    def __init__(self, locale: str, translations: NullTranslations, tz: ZoneInfo) -> None:
        self.locale = locale
        self._t = translations
        self.tz = tz

    def _(self, message: str, /, **params: object) -> str:
        text = self._t.gettext(message)
        return text.format(**params) if params else text

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

    def get(self, locale: str | None) -> Translator:
        locale = locale if locale in self._translations else self.default
        return Translator(locale, self._translations[locale], self.tz)

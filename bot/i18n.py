"""Text and formats in the resident's language: gettext catalogs compiled from
`locales/<lang>/LC_MESSAGES/messages.po` (Korean is the source language), and Babel for won
amounts and dates. Format after translating: msgids carry `{name}` placeholders."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as babel_datetime
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}


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

    def get(self, locale: str | None) -> Translator:
        locale = locale if locale in self._translations else self.default
        return Translator(locale, self._translations[locale], self.tz)

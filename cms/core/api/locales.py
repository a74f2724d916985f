"""Which locale a request asks for: ``?locale=`` first, then ``Accept-Language``, then English.

An explicit ``?locale=`` that is not a content locale is an error (400 with the valid codes); an
``Accept-Language`` header the API cannot satisfy is not: a browser's preferences are a wish.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.request import Request

from .problems import BadParameter

LOCALE_PARAMETER = "locale"


@dataclass(frozen=True)
class ContentLocale:
    code: str
    name: str
    direction: str


def source_locale_code() -> str:
    return settings.LANGUAGE_CODE


def content_locales() -> list[ContentLocale]:
    return [
        ContentLocale(
            code=code,
            name=name,
            direction="rtl" if code in settings.LANGUAGES_BIDI else "ltr",
        )
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]


def locale_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def direction_of(code: str) -> str:
    return "rtl" if code in settings.LANGUAGES_BIDI else "ltr"


def from_accept_language(header: str) -> str | None:
    codes = locale_codes()
    for language, _quality in parse_accept_lang_header(header.lower()):
        if language == "*":
            return None
        base = language.split("-")[0]
        for candidate in (language, base):
            if candidate in codes:
                return candidate
    return None


def negotiate_locale(request: Request) -> str:
    """The content locale code the request asks for; raises ``BadParameter`` if it is unknown."""
    asked = request.query_params.get(LOCALE_PARAMETER)
    if asked is not None:
        code = asked.strip().lower()
        if code not in locale_codes():
            valid = locale_codes()
            raise BadParameter(
                LOCALE_PARAMETER,
                gettext("“%(asked)s” is not a locale of this catalogue; use one of %(valid)s.")
                % {"asked": asked, "valid": ", ".join(valid)},
                valid_locales=valid,
            )
        return code
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    return (header and from_accept_language(header[:500])) or source_locale_code()

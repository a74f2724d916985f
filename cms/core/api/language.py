"""The language of the API's own words (problem titles and details, print job errors).

A client reads errors in the language it reads content in: ``?locale=`` when it names a content
locale, else the best match of ``Accept-Language``, else English. Django's ``LocaleMiddleware``
alone would follow a browser's language cookie and ignore ``?locale=``; this middleware runs
after it and decides for the API's addresses only.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from .locales import LOCALE_PARAMETER, from_accept_language, locale_codes, source_locale_code
from .problems import API_PATH_PREFIX


def interface_language(request: HttpRequest) -> str:
    asked = request.GET.get(LOCALE_PARAMETER, "").strip().lower()
    if asked in locale_codes():
        return asked
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:500]
    return (header and from_accept_language(header)) or source_locale_code()


class APILanguageMiddleware:
    """Activate the client's language for requests under ``/api/``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PATH_PREFIX):
            language = interface_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)

"""Which locale an API request asks for, for its content and for the API's own words.

Content: ``negotiate_locale`` applies ``cms.core.locales.negotiate`` to the request and turns an
unknown ``?locale=`` into a 400 problem listing the valid codes.

The API's own words (problem titles and details, print job errors): a client reads errors in the
language it reads content in. Django's ``LocaleMiddleware`` alone would follow a browser's
language cookie and ignore ``?locale=``; ``APILanguageMiddleware`` runs after it and decides for
the API's addresses only, never failing (an unknown ``?locale=`` is reported in the language of
``Accept-Language``).
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from cms.core.locales import (
    LOCALE_PARAMETER,
    UnknownLocale,
    content_locale,
    negotiate,
)

from .problems import API_PATH_PREFIX, BadParameter


def accept_language(request: HttpRequest) -> str:
    return request.META.get("HTTP_ACCEPT_LANGUAGE", "")


def negotiate_locale(request: HttpRequest) -> str:
    """The content locale code the request asks for; raises ``BadParameter`` if it is unknown."""
    try:
        return negotiate(request.GET.get(LOCALE_PARAMETER), accept_language(request))
    except UnknownLocale as error:
        raise BadParameter(LOCALE_PARAMETER, error.message, valid_locales=error.valid) from None


def interface_language(request: HttpRequest) -> str:
    asked = content_locale(request.GET.get(LOCALE_PARAMETER, ""))
    return asked or negotiate(None, accept_language(request))


class APILanguageMiddleware:
    """Activate the client's language for requests under ``/api/``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PATH_PREFIX):
            return self.get_response(request)
        language = interface_language(request)
        request.LANGUAGE_CODE = language
        # Restored afterwards: the thread's next request (or test) must not inherit it. The
        # response is rendered inside ``get_response``, so it is still in ``language``.
        with translation.override(language):
            return self.get_response(request)

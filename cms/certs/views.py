"""The public verification page: what an employer sees after scanning a certificate's QR code.

No login, ever. It is plain HTML, readable on a phone, in the language asked (``?lang=``), else
the visitor's (``Accept-Language``: an employer reads it in theirs), else the certificate's. A code
that names no certificate gets a page saying so, with the form to type it again.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache

from cms.core.locales import (
    content_locale,
    direction_of,
    from_accept_language,
    locale_codes,
    source_locale_code,
)

from . import texts
from .lookup import find_certificate
from .verification import Status, verify


def _visitor_locale(request: HttpRequest, otherwise: str) -> str:
    return (
        content_locale(request.GET.get("lang", ""))
        or from_accept_language(request.headers.get("Accept-Language", ""))
        or otherwise
    )


def _languages() -> list[tuple[str, str, str]]:
    """Each content language under its own name, with its direction, for the language links."""
    names = dict(settings.LANGUAGES)
    return [(code, names.get(code, code), direction_of(code)) for code in locale_codes()]


def _page(
    request: HttpRequest, template: str, locale: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """A public certificate page in ``locale``, with the language links."""
    context = {**context, "locale": locale, "direction": direction_of(locale)}
    with translation.override(locale):
        response = render(request, template, {**context, "languages": _languages()}, status=status)
    response["Content-Language"] = locale
    return response


@never_cache
def verification_page(request: HttpRequest, certificate_id: str) -> HttpResponse:
    certificate = find_certificate(certificate_id)
    if certificate is None:
        locale = _visitor_locale(request, source_locale_code())
        return _page(request, "certs/unknown.html", locale, {"code": certificate_id}, status=404)
    verification = verify(certificate)
    context = {
        "verification": verification,
        "certificate": certificate,
        "trusted": verification.status != Status.TAMPERED,
        "Status": Status,
        "disclaimer": texts.DISCLAIMER,
    }
    return _page(
        request, "certs/verification.html", _visitor_locale(request, certificate.locale), context
    )

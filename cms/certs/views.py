"""The public verification page: what an employer sees after scanning a certificate's QR code.

No login, ever. It is plain HTML, readable on a phone, in the certificate's locale or ``?lang=``.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache

from cms.core.locales import content_locale, direction_of, locale_codes

from . import texts
from .lookup import find_certificate
from .verification import Status, verify


@never_cache
def verification_page(request: HttpRequest, certificate_id: str) -> HttpResponse:
    certificate = find_certificate(certificate_id)
    if certificate is None:
        raise Http404("No certificate has this id.")
    asked = request.GET.get("lang", "")
    locale = content_locale(asked) or certificate.locale
    verification = verify(certificate)
    with translation.override(locale):
        return render(
            request,
            "certs/verification.html",
            {
                "verification": verification,
                "certificate": certificate,
                "trusted": verification.status != Status.TAMPERED,
                "Status": Status,
                "locale": locale,
                "direction": direction_of(locale),
                "locales": locale_codes(),
                "disclaimer": texts.DISCLAIMER,
            },
        )

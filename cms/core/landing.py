"""The CMS's own front door at ``/``: what MigranTech is and where each kind of visitor goes.

Learners use the learners' app, partners the admin, developers the API documentation and
employers the certificate check; the page is in the visitor's language (``?lang=`` or the
browser's), and links the other languages.
"""

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from cms.core.api.locales import locale_codes

LEARNERS_APP_PATHS = ("/app/", "/reader/")
"""Where the learners' app lives: the first of these that the project serves."""
API_ADDRESS = "/api/v1/"
PROJECT_CODE = "2020-1-FR01-KA204-080342"


def learners_app_path() -> str:
    for path in LEARNERS_APP_PATHS:
        try:
            if resolve(path).url_name != "wagtail_serve":
                return path
        except Resolver404:
            continue
    return LEARNERS_APP_PATHS[-1]


@transaction.non_atomic_requests  # reads nothing from the database: no need to lock it
@require_GET
def landing_page(request: HttpRequest) -> HttpResponse:
    asked = request.GET.get("lang", "")
    language = asked if asked in locale_codes() else translation.get_language()
    with translation.override(language):
        return render(
            request,
            "core/landing.html",
            {
                "learners_app": learners_app_path(),
                # Codes stay left to right, and in one piece, inside right-to-left sentences.
                "api_address": format_html('<bdi dir="ltr">{}</bdi>', API_ADDRESS),
                "project_code": format_html('<bdi dir="ltr">{}</bdi>', PROJECT_CODE),
                "languages": [
                    (code, name)
                    for code, name in settings.LANGUAGES
                    if code != translation.get_language()
                ],
            },
        )


@transaction.non_atomic_requests
@require_GET
def certificate_lookup(request: HttpRequest) -> HttpResponse:
    """The landing page's "check a certificate" form: on to that certificate's public page."""
    # Employers may type the code or paste the whole address printed on the certificate.
    certificate_id = request.GET.get("id", "").strip().rstrip("/").rsplit("/", 1)[-1]
    if not certificate_id:
        return HttpResponseRedirect(reverse("landing") + "#verify")
    return HttpResponseRedirect(reverse("certificate-verification", args=[certificate_id]))

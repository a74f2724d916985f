"""The CMS's own front door at ``/``: what MigranTech is and where each kind of visitor goes.

Learners use the learners' app, partners the admin, developers the API documentation and
employers the certificate check; the page is in the visitor's language (``?lang=`` or the
browser's), and links the other languages.
"""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from cms.core.locales import content_locale

LEARNERS_APP_PATHS = ("/app/", "/reader/")
"""Where the learners' app lives: the first of these that the project serves."""
API_ADDRESS = "/api/v1/"
PROJECT_CODE = "2020-1-FR01-KA204-080342"
FAVICON = Path(__file__).parent / "static" / "core" / "favicon.ico"
"""The project's "MT" icon (the learners' app's, in 16, 32 and 48 pixels)."""


def learners_app_path() -> str:
    for path in LEARNERS_APP_PATHS:
        try:
            if resolve(path).url_name != "wagtail_serve":
                return path
        except Resolver404:
            continue
    return LEARNERS_APP_PATHS[-1]


@require_GET
def landing_page(request: HttpRequest) -> HttpResponse:
    language = content_locale(request.GET.get("lang", "")) or translation.get_language()
    with translation.override(language):
        response = render(
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
    # The page's language, not the browser's (which LocaleMiddleware would otherwise name).
    response["Content-Language"] = language
    return response


@require_GET
def certificate_lookup(request: HttpRequest) -> HttpResponse:
    """The landing page's "check a certificate" form: on to that certificate's public page."""
    # Employers may type the code or paste the whole address printed on the certificate.
    certificate_id = request.GET.get("id", "").strip().rstrip("/").rsplit("/", 1)[-1]
    if not certificate_id:
        return HttpResponseRedirect(reverse("landing") + "#verify")
    return HttpResponseRedirect(reverse("certificate-verification", args=[certificate_id]))


@require_GET
def favicon(request: HttpRequest) -> FileResponse:
    """``/favicon.ico``, which browsers ask for on every page that names no icon of its own."""
    response = FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response

from csp.constants import NONE
from csp.decorators import csp
from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.certs.views import verification_page
from cms.core.landing import certificate_lookup, favicon, landing_page
from cms.core.learners_app import learners_app, old_reader
from cms.printing.links import follow_short_link
from cms.site.metrics import metrics

urlpatterns = [
    path("", landing_page, name="landing"),
    path("favicon.ico", favicon, name="favicon"),
    path("api/v1/", include("cms.api.urls")),
    path("metrics", metrics, name="metrics"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("l/<slug:code>", follow_short_link, name="short-link"),
    path("certificates/", certificate_lookup, name="certificate-lookup"),
    path(
        "certificates/<str:certificate_id>/",
        verification_page,
        name="certificate-verification",
    ),
    # The learners' app (frontend_contract/app/), also the preview front end.
    path("app/", learners_app, name="learners-app"),
    path("app/<path:path>", learners_app),
    path("reader/", old_reader),
    path("reader/<path:path>", old_reader),
]

handler404 = "cms.core.api.problems.page_not_found"
handler500 = "cms.core.api.problems.server_error"

if (settings.DEBUG or settings.SERVE_MEDIA) and settings.MEDIA_URL.startswith("/"):
    # Uploads are data, never pages: opened on their own, nothing in them runs.
    # django-csp types a view as taking the request alone; serve takes the path as well.
    media = csp({"default-src": [NONE]})(serve)  # type: ignore[arg-type]
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            media,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += [path("", include(wagtail_urls))]

"""The base of every page type: one place for behaviour all content pages share."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin


class ContentPage(HeadlessPreviewMixin, Page):
    """Abstract base for the content pages served by the API.

    Previewing opens the front end (``PREVIEW_URL``, or ``PREVIEW_URLS`` for the page's locale)
    with a token; the front end reads the draft from ``/api/v1/preview/``. The page's own
    template stays available as the second preview mode, "Page layout".
    """

    preview_modes = [("headless", _("Front end")), ("layout", _("Page layout"))]

    class Meta:
        abstract = True

    def get_client_root_url(self, request: HttpRequest) -> str:
        url = settings.PREVIEW_URLS.get(self.locale.language_code) or settings.PREVIEW_URL
        return url.rstrip("/") + "/"

    def serve_preview(self, request: HttpRequest, preview_mode: str) -> HttpResponse:
        if preview_mode == "layout":
            return Page.serve_preview(self, request, preview_mode)
        return HeadlessPreviewMixin.serve_preview(self, request, preview_mode)

"""The "Printable packs" screen in the admin menu, for counsellors and moderators."""

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PrintJobView, PrintPacksView, ReadBeforePrintingView


class PrintMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("printing.print_packs")


@hooks.register("register_admin_urls")
def register_printing_urls() -> list:
    urls = [
        path("", PrintPacksView.as_view(), name="packs"),
        path("<uuid:pk>/", PrintJobView.as_view(), name="job"),
        path("read/<int:page_id>/", ReadBeforePrintingView.as_view(), name="read"),
    ]
    return [path("printable-packs/", include((urls, "printing"), namespace="printing"))]


@hooks.register("register_admin_menu_item")
def register_printing_menu_item() -> MenuItem:
    return PrintMenuItem(
        _("Printable packs"),
        reverse("printing:packs"),
        name="printable-packs",
        icon_name="doc-full",
        order=250,
    )

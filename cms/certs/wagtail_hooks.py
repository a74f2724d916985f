"""The "Certificates" screens in the admin menu, for certificate moderators."""

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import CertificateDetailView, CertificateListView


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("certs.view_certificate")


@hooks.register("register_admin_urls")
def register_certificate_urls() -> list:
    urls = [
        path("", CertificateListView.as_view(), name="index"),
        path("<str:pk>/", CertificateDetailView.as_view(), name="detail"),
    ]
    return [path("certificates/", include((urls, "certificates"), namespace="certificates"))]


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item() -> MenuItem:
    return CertificatesMenuItem(
        _("Certificates"),
        reverse("certificates:index"),
        name="certificates",
        icon_name="clipboard-list",
        order=260,
    )

"""The certificates' addresses under /api/v1/ (included by ``cms.api.urls``)."""

from django.urls import path

from .api.views import (
    CertificateVerificationView,
    IssuerView,
    MyCertificateBadgeView,
    MyCertificatePdfView,
    MyCertificatesView,
    PublicKeysView,
)

urlpatterns = [
    path("certificates/keys/", PublicKeysView.as_view(), name="certificate-keys"),
    path("certificates/issuer/", IssuerView.as_view(), name="certificate-issuer"),
    path(
        "certificates/<str:certificate_id>/verification/",
        CertificateVerificationView.as_view(),
        name="certificate-verification-api",
    ),
    path("learners/me/certificates/", MyCertificatesView.as_view(), name="my-certificates"),
    path(
        "learners/me/certificates/<str:certificate_id>/pdf/",
        MyCertificatePdfView.as_view(),
        name="my-certificate-pdf",
    ),
    path(
        "learners/me/certificates/<str:certificate_id>/badge/",
        MyCertificateBadgeView.as_view(),
        name="my-certificate-badge",
    ),
]

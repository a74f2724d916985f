"""Certificates over the API.

Public, no login: a certificate's verification, the published keys, the issuer profile.
The holder's own (``Authorization: Bearer <learner token>``, from ``cms.learners``): the list of
their certificates, a certificate's PDF and its Open Badges 3.0 credential.
"""

from typing import Any

from django.http import FileResponse
from django.utils.text import slugify
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.certs import badges, keys
from cms.certs.issuing import print_certificate
from cms.certs.lookup import find_certificate
from cms.certs.models import Certificate
from cms.certs.verification import verify
from cms.core.api.openapi import problem
from cms.core.api.problems import PROBLEM_CONTENT_TYPE, NotFound
from cms.learners.api.authentication import signed_in_learner
from cms.learners.api.base import LearnerAPIMixin
from cms.learners.api.docs import UNAUTHORIZED
from cms.printing.models import PrintJob

from .serializers import (
    MyCertificateSerializer,
    PublicKeysSerializer,
    RenderingSerializer,
    VerificationSerializer,
)

VERIFICATION_EXAMPLE = {
    "id": "q3Jd0sV9mK2xW7bN4cT1yA",
    "status": "valid",
    "status_label": "Valid",
    "type": 2,
    "title": "Digital skills",
    "completed_on": "2026-11-20",
    "holder_name": "Amina Diallo",
    "revoked_on": None,
    "revocation_reason": "",
}

KEY_EXAMPLE = {
    "kid": "is3rax7n70dhszY9",
    "current": True,
    "pem": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n",
    "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "…", "kid": "is3rax7n70dhszY9", "use": "sig"},
    "multibase": "z6Mk…",
}
MY_CERTIFICATE_EXAMPLE = {
    "id": "q3Jd0sV9mK2xW7bN4cT1yA",
    "type": 1,
    "title": "E-reputation",
    "locale": "en",
    "holder_name": "Amina Diallo",
    "completed_at": "2026-11-20T10:12:00Z",
    "issued_at": "2026-11-20T10:12:01Z",
    "modules": [{"module": 42, "title": "E-reputation", "completed": "2026-11-20"}],
    "status": "valid",
    "revoked_at": None,
    "revocation_reason": "",
    "verification_url": "https://cms.migrantech.org/certificates/q3Jd0sV9mK2xW7bN4cT1yA/",
    "pdf_url": "https://cms.migrantech.org/api/v1/learners/me/certificates/q3Jd0sV9mK2xW7bN4cT1yA/pdf/",
    "badge_url": "https://cms.migrantech.org/api/v1/learners/me/certificates/q3Jd0sV9mK2xW7bN4cT1yA/badge/",
}


def _not_found() -> NotFound:
    return NotFound(gettext("No certificate has this id."))


class PublicCertificateView(APIView):
    """Anyone may call these: no authentication is even looked at."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        # A revocation must show at once: every check asks again.
        response["Cache-Control"] = "no-cache"
        return response


class CertificateVerificationView(PublicCertificateView):
    @extend_schema(
        operation_id="certificate_verification",
        summary="Check a certificate",
        description=(
            "Recomputes the certificate's signed claim and record and checks both signatures. "
            "`status` is `valid`, `revoked` (with date and reason), `erased` (its holder erased "
            "their name; the rest still verifies) or `tampered` (the record was altered: nothing "
            "it says is returned). An unknown or malformed id is a 404 problem."
        ),
        tags=["certificates"],
        responses={
            200: OpenApiResponse(
                VerificationSerializer,
                examples=[OpenApiExample("A valid certificate", VERIFICATION_EXAMPLE)],
            ),
            (404, PROBLEM_CONTENT_TYPE): problem("No certificate has this id."),
        },
    )
    def get(self, request: Request, certificate_id: str) -> Response:
        certificate = find_certificate(certificate_id)
        if certificate is None:
            raise _not_found()
        return Response(VerificationSerializer(verify(certificate)).data)


class PublicKeysView(PublicCertificateView):
    @extend_schema(
        operation_id="certificate_public_keys",
        summary="The keys that sign certificates",
        description=(
            "The current Ed25519 key and the retired ones, as PEM, JWK and Multikey. A "
            "certificate's QR code names its key by `kid`; save the `pem` to check paper "
            "offline with `python -m cms.certs.offline_verify`."
        ),
        tags=["certificates"],
        responses={
            200: OpenApiResponse(
                PublicKeysSerializer,
                examples=[OpenApiExample("The current key", {"keys": [KEY_EXAMPLE]})],
            )
        },
    )
    def get(self, request: Request) -> Response:
        published = [
            {
                "kid": key.kid,
                "current": key.current,
                "pem": key.pem,
                "jwk": key.jwk,
                "multibase": key.multibase,
            }
            for key in keys.public_keys()
        ]
        return Response(PublicKeysSerializer({"keys": published}).data)


class IssuerView(PublicCertificateView):
    @extend_schema(
        operation_id="certificate_issuer",
        summary="The issuer of the Open Badges",
        description="The project's Open Badges 3.0 profile with its Multikey verification methods.",
        tags=["certificates"],
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT)},
    )
    def get(self, request: Request) -> Response:
        return Response(badges.issuer_profile())


class MyCertificateMixin(LearnerAPIMixin):
    action = "certificates"
    """The learners' views are viewsets, whose rate limits go by action; these have none."""

    def my_certificate(self, request: Request, certificate_id: str) -> Certificate:
        certificate = find_certificate(certificate_id)
        # Someone else's certificate does not exist, for this learner.
        if certificate is None or certificate.learner_id != request.user.pk:
            raise _not_found()
        return certificate


class MyCertificatesView(MyCertificateMixin, APIView):
    @extend_schema(
        operation_id="my_certificates",
        summary="My certificates",
        tags=["certificates"],
        responses={
            200: OpenApiResponse(
                MyCertificateSerializer(many=True),
                examples=[OpenApiExample("One certificate", [MY_CERTIFICATE_EXAMPLE])],
            ),
            **UNAUTHORIZED,
        },
    )
    def get(self, request: Request) -> Response:
        certificates = list(signed_in_learner(request).certificates.all())
        context = {
            "request": request,
            "statuses": {c.pk: verify(c).status.value for c in certificates},
        }
        return Response(MyCertificateSerializer(certificates, many=True, context=context).data)


class MyCertificatePdfView(MyCertificateMixin, APIView):
    @extend_schema(
        operation_id="my_certificate_pdf",
        summary="My certificate as a PDF",
        description=(
            "The PDF (recto, verso and annex) once printed; while it is being printed, 202 with "
            "its progress: ask the same address again after `Retry-After` seconds."
        ),
        tags=["certificates"],
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY),
            202: OpenApiResponse(
                RenderingSerializer,
                examples=[
                    OpenApiExample(
                        "Being printed",
                        {
                            "status": "running",
                            "progress": 40,
                            "url": "https://cms.migrantech.org/api/v1/learners/me/certificates/"
                            "q3Jd0sV9mK2xW7bN4cT1yA/pdf/",
                        },
                    )
                ],
            ),
            **UNAUTHORIZED,
            (404, PROBLEM_CONTENT_TYPE): problem("No certificate of yours has this id."),
        },
    )
    def get(self, request: Request, certificate_id: str) -> Any:
        certificate = self.my_certificate(request, certificate_id)
        job = certificate.print_job
        if job is not None and job.status == PrintJob.Status.DONE and job.result:
            name = f"{slugify(certificate.title) or 'certificate'}-{certificate.locale}.pdf"
            return FileResponse(
                job.result.open("rb"),
                as_attachment=True,
                filename=name,
                content_type="application/pdf",
            )
        if (
            job is None
            or job.status == PrintJob.Status.FAILED
            or job.status == PrintJob.Status.DONE
        ):
            job = print_certificate(certificate)
        url = request.build_absolute_uri()
        body = {"status": job.status, "progress": job.progress, "url": url}
        return Response(
            RenderingSerializer(body).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": url, "Retry-After": "2"},
        )


class MyCertificateBadgeView(MyCertificateMixin, APIView):
    @extend_schema(
        operation_id="my_certificate_badge",
        summary="My certificate as an Open Badge",
        description=(
            "An Open Badges 3.0 `OpenBadgeCredential` (W3C Verifiable Credentials 2.0) with a "
            "Data Integrity proof, cryptosuite `eddsa-jcs-2022`, verifiable against the issuer "
            "profile at `/api/v1/certificates/issuer/`."
        ),
        tags=["certificates"],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="The signed credential."),
            **UNAUTHORIZED,
            (404, PROBLEM_CONTENT_TYPE): problem("No certificate of yours has this id."),
        },
    )
    def get(self, request: Request, certificate_id: str) -> Response:
        certificate = self.my_certificate(request, certificate_id)
        return Response(badges.badge(certificate))

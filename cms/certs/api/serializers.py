"""What the certificates' endpoints answer."""

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from cms.certs.models import Certificate
from cms.certs.verification import Status, Verification, verification_url


class VerificationSerializer(serializers.Serializer):
    """A certificate's status, and what it says only if its record is intact."""

    id = serializers.CharField(source="certificate.pk")
    status = serializers.ChoiceField(
        choices=Status.choices,
        help_text="valid, revoked, erased (by its holder) or tampered (the record was altered).",
    )
    status_label = serializers.SerializerMethodField(help_text="The status, in words.")
    type = serializers.SerializerMethodField(
        help_text="1: one e-module; 2: a category or intern pathway; 3: all 40 e-modules."
    )
    title = serializers.SerializerMethodField()
    completed_on = serializers.SerializerMethodField()
    holder_name = serializers.SerializerMethodField(help_text="The name printed; empty if erased.")
    revoked_on = serializers.SerializerMethodField()
    revocation_reason = serializers.SerializerMethodField()

    def _trusted(self, verification: Verification) -> Certificate | None:
        return None if verification.status == Status.TAMPERED else verification.certificate

    def get_status_label(self, verification: Verification) -> str:
        return str(verification.status.label)

    def get_type(self, verification: Verification) -> int | None:
        certificate = self._trusted(verification)
        return certificate.type if certificate else None

    def get_title(self, verification: Verification) -> str | None:
        certificate = self._trusted(verification)
        return certificate.title if certificate else None

    def get_completed_on(self, verification: Verification) -> str | None:
        certificate = self._trusted(verification)
        return certificate.completed_at.date().isoformat() if certificate else None

    def get_holder_name(self, verification: Verification) -> str:
        return verification.printed_name

    def get_revoked_on(self, verification: Verification) -> str | None:
        revoked = verification.certificate.revoked_at
        return revoked.date().isoformat() if revoked else None

    def get_revocation_reason(self, verification: Verification) -> str:
        return verification.certificate.revocation_reason


class PublicKeySerializer(serializers.Serializer):
    kid = serializers.CharField(help_text="The key id certificates name (`key_id`).")
    current = serializers.BooleanField(help_text="Signs new certificates; else retired.")
    pem = serializers.CharField(help_text="SubjectPublicKeyInfo PEM, for the offline command.")
    jwk = serializers.DictField(help_text="The key as a JSON Web Key (OKP, Ed25519).")
    multibase = serializers.CharField(help_text="The key as Multikey publicKeyMultibase.")


class PublicKeysSerializer(serializers.Serializer):
    keys = PublicKeySerializer(many=True)


class MyCertificateSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()
    verification_url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()
    badge_url = serializers.SerializerMethodField()
    modules = serializers.JSONField(
        source="snapshot", help_text="Each module certified: id, title, completion date."
    )

    class Meta:
        model = Certificate
        fields = [
            "id",
            "type",
            "title",
            "locale",
            "holder_name",
            "completed_at",
            "issued_at",
            "modules",
            "status",
            "revoked_at",
            "revocation_reason",
            "verification_url",
            "pdf_url",
            "badge_url",
        ]
        read_only_fields = fields

    def get_status(self, certificate: Certificate) -> str:
        return self.context["statuses"][certificate.pk]

    def get_verification_url(self, certificate: Certificate) -> str:
        return verification_url(certificate)

    def _absolute(self, name: str, certificate: Certificate) -> str:
        return self.context["request"].build_absolute_uri(reverse(name, args=[certificate.pk]))

    def get_pdf_url(self, certificate: Certificate) -> str:
        return self._absolute("my-certificate-pdf", certificate)

    def get_badge_url(self, certificate: Certificate) -> str:
        return self._absolute("my-certificate-badge", certificate)


class RenderingSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="queued or running.")
    progress = serializers.IntegerField(help_text="Percent done.")
    url = serializers.URLField(help_text="Ask again here; the PDF comes once it is ready.")

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return instance

"""Is a certificate what it says? Recompute its claim and record and check both signatures."""

from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.printing.links import absolute_url

from . import claims, keys
from .models import Certificate


class Status(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    ERASED = "erased", _("Erased by its holder")
    TAMPERED = "tampered", _("Altered: this record does not match its signature")


@dataclass(frozen=True)
class Verification:
    certificate: Certificate
    status: Status

    @property
    def printed_name(self) -> str:
        return self.certificate.holder_name if self.status != Status.TAMPERED else ""


def record_is_intact(certificate: Certificate) -> bool:
    message = claims.canonical(certificate.record())
    return keys.verify(message, certificate.record_signature, certificate.key_id)


def name_is_intact(certificate: Certificate) -> bool:
    if certificate.is_erased:
        return certificate.holder_name == ""
    expected = claims.holder_digest(certificate.holder_name, certificate.holder_salt)
    message = claims.canonical(certificate.claim())
    return expected == certificate.holder_digest and keys.verify(
        message, certificate.claim_signature, certificate.key_id
    )


def verify(certificate: Certificate) -> Verification:
    if not (record_is_intact(certificate) and name_is_intact(certificate)):
        return Verification(certificate, Status.TAMPERED)
    if certificate.is_revoked:
        return Verification(certificate, Status.REVOKED)
    if certificate.is_erased:
        return Verification(certificate, Status.ERASED)
    return Verification(certificate, Status.VALID)


def verification_url(certificate: Certificate) -> str:
    return absolute_url(reverse("certificate-verification", args=[certificate.pk]))


def qr_text(certificate: Certificate) -> str:
    """The verification address, and after ``#`` the signed claim for offline checks."""
    encoded = keys.b64url(claims.canonical(certificate.claim()))
    return (
        f"{verification_url(certificate)}#{encoded}."
        f"{certificate.claim_signature}.{certificate.key_id}"
    )

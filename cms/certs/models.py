"""Certificates: what a learner was awarded, signed so that anyone can check it.

A certificate is never deleted. Revocation is recorded beside it; erasure by its holder removes
the name (and the salt of its hash) and keeps everything else. See ``claims`` for what is signed.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import claims, keys


def new_certificate_id() -> str:
    """128 random bits in base64url: unguessable, short enough for a QR code."""
    return keys.b64url(secrets.token_bytes(16))


class Certificate(models.Model):
    class Type(models.IntegerChoices):
        MODULE = 1, _("Module")
        GROUP = 2, _("Category or intern pathway")
        ALL_MODULES = 3, _("All 40 e-modules")

    id = models.CharField(
        primary_key=True, max_length=22, default=new_certificate_id, editable=False
    )
    type = models.PositiveSmallIntegerField(_("type"), choices=Type.choices)
    subject = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("subject"),
        help_text="The module, category or pathway (source locale); none for all 40 e-modules.",
    )
    learner = models.ForeignKey(
        "learners.Learner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    holder_name = models.CharField(_("holder's name"), max_length=120, blank=True)
    holder_salt = models.CharField(max_length=32, blank=True)
    holder_digest = models.CharField(max_length=64)
    erased_at = models.DateTimeField(_("erased by its holder on"), null=True, blank=True)

    locale = models.CharField(_("language"), max_length=12)
    title = models.CharField(_("title"), max_length=255)
    completed_at = models.DateTimeField(_("completed on"))
    issued_at = models.DateTimeField(_("issued on"))
    snapshot = models.JSONField(
        default=list, help_text="The modules certified, with their completion dates."
    )

    claim_signature = models.CharField(max_length=100)
    record_signature = models.CharField(max_length=100)
    key_id = models.CharField(max_length=32)

    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    print_job = models.ForeignKey(
        "printing.PrintJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        permissions = [("revoke_certificate", "Can revoke certificates")]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "type", "subject"],
                condition=Q(subject__isnull=False),
                name="one_certificate_per_subject",
            ),
            models.UniqueConstraint(
                fields=["learner"],
                condition=Q(type=3),
                name="one_certificate_for_all_modules",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.title}"

    @property
    def locale_name(self) -> str:
        """The certificate's language, named in the admin reader's language."""
        return str(dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(self.locale, self.locale))

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def claim(self) -> dict:
        return claims.claim(
            certificate_id=self.pk,
            type=self.type,
            title=self.title,
            holder=self.holder_name,
            completed_at=self.completed_at,
            issued_at=self.issued_at,
        )

    def record(self) -> dict:
        return claims.record(
            certificate_id=self.pk,
            type=self.type,
            subject_id=self.subject_id,
            title=self.title,
            locale=self.locale,
            holder_digest=self.holder_digest,
            completed_at=self.completed_at,
            issued_at=self.issued_at,
            snapshot=self.snapshot,
        )

    def sign(self) -> None:
        """Sign the claim and the record as they stand (once, when issued)."""
        self.holder_digest = claims.holder_digest(self.holder_name, self.holder_salt)
        self.claim_signature, self.key_id = keys.sign(claims.canonical(self.claim()))
        self.record_signature, _kid = keys.sign(claims.canonical(self.record()))

"""Print jobs: the database record is the truth about every PDF; Celery only carries the work."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .storage import private_storage


class PrintJob(models.Model):
    """One request to print a document: what, in which locale, with which options, and how it went.

    ``fingerprint`` identifies the exact content printed (published revisions of every page
    involved, locale, options, template version): a finished job with the same fingerprint is
    reused instead of rendering again. ``deadline`` is when a queued or running job counts as
    stuck, so the sweeper can hand it to another worker.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Printing")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=20)
    targets = models.JSONField(default=list, help_text="Ids of the source-locale pages printed.")
    locale = models.CharField(max_length=12)
    options = models.JSONField(default=dict)
    title = models.CharField(max_length=255, blank=True)
    fingerprint = models.CharField(max_length=64, db_index=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Why it failed, in words a counsellor reads.")
    result = models.FileField(upload_to="print/", blank=True, storage=private_storage)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="print_jobs",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["fingerprint", "status"], name="printjob_reuse")]
        permissions = [
            ("print_packs", "Can print packs from the admin"),
            ("print_answer_key", "Can print answer keys"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.kind} ({self.locale})"

    @property
    def locale_name(self) -> str:
        return str(dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(self.locale, self.locale))

    @property
    def file_name(self) -> str:
        """The PDF's file name: its title and language (titles keep non-Latin letters)."""
        return f"{slugify(self.title, allow_unicode=True) or self.kind}-{self.locale}.pdf"

    @property
    def has_answer_key(self) -> bool:
        return bool(self.options.get("answer_key"))


class ShortLink(models.Model):
    """A short address printed under a QR code, for people who type the link by hand."""

    code = models.CharField(max_length=12, unique=True)
    url = models.URLField(max_length=2000, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.code} → {self.url}"

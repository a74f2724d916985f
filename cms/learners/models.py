"""Learners and what they completed: the least personal data the course and its certificates need.

A learner is a display name (the name printed on certificates) and a preferred locale; email is
optional. Nothing else about the person is asked or stored.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Learner(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    display_name = models.CharField(
        _("display name"), max_length=120, help_text=_("The name printed on certificates.")
    )
    locale = models.CharField(_("preferred language"), max_length=12)
    email = models.EmailField(_("email"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Learners are not Django users, but DRF and Django's middleware ask any request.user these.
    is_authenticated = True
    is_anonymous = False

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.display_name


class ModuleCompletion(models.Model):
    """A module whose evaluation questionnaire the learner passed; the date is kept for good."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="completions")
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The module in the source locale, whatever language it was taken in.",
    )
    completed_at = models.DateTimeField()

    class Meta:
        ordering = ["completed_at"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "module"], name="one_completion_per_module")
        ]

    def __str__(self) -> str:
        return f"{self.learner} — {self.module}"


class LearnerToken(models.Model):
    """One signed-in device. Only the SHA-256 of the token is kept: a leaked table signs no one in.

    Revoking a token (signing out) deletes its row.
    """

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.learner} — {self.created_at:%Y-%m-%d}"


class RecoveryCode(models.Model):
    """What signs a learner in on another device: a public lookup part and a hashed secret."""

    learner = models.OneToOneField(Learner, on_delete=models.CASCADE, related_name="recovery_code")
    lookup = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.learner} — {self.created_at:%Y-%m-%d}"


class Attempt(models.Model):
    """One go at a module's evaluation, kept whatever its outcome.

    ``questionnaire`` is the evaluation as stored when the attempt started, in the attempt's
    locale: the learner is graded on the questions they were shown, even if editors change them.
    ``question_locales`` keeps, with it, the locale each question's text was in (a question still
    in English in a translation), for its correction.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        SUBMITTED = "submitted", _("submitted")
        LATE = "late", _("submitted too late")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="attempts")
    # Unlike a completion, an attempt does not stop editors from deleting its module.
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The module in the source locale.",
    )
    locale = models.CharField(max_length=12)
    questionnaire = models.JSONField()
    question_locales = models.JSONField(
        default=dict, blank=True, help_text="Question id → the locale its text was in."
    )
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    submitted_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(null=True, blank=True)
    score = models.PositiveIntegerField(null=True, blank=True)
    total_points = models.PositiveIntegerField()
    passed = models.BooleanField(null=True)

    class Meta:
        ordering = ["started_at"]
        indexes = [models.Index(fields=["learner", "module"])]

    def __str__(self) -> str:
        return f"{self.learner} — {self.module} ({self.status})"


class ModuleReading(models.Model):
    """A module the learner opened, read or not to the end: progress shown before any evaluation.

    The app records it when the module is opened, online or offline (it is sent when the
    connection returns); the first reading is kept, so sending it again changes nothing.
    """

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="readings")
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The module in the source locale, whatever language it was read in.",
    )
    read_at = models.DateTimeField()

    class Meta:
        ordering = ["read_at"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "module"], name="one_reading_per_module")
        ]

    def __str__(self) -> str:
        return f"{self.learner} — {self.module}"

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

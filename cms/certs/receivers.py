"""The certificates' side of the learners' signals (``cms.learners.signals``)."""

from functools import partial
from typing import Any

from django.db import transaction
from django.dispatch import receiver

from cms.learners.models import Learner
from cms.learners.signals import learner_erasing, module_completed, personal_data_requested

from .issuing import erase_holder, issue_committed
from .models import Certificate
from .verification import verification_url, verify


@receiver(module_completed, dispatch_uid="certs.issue_certificates")
def issue_certificates(sender: Any, learner: Learner, completion: Any, **kwargs: Any) -> None:
    # Sent inside the submission's transaction: issue once it has committed, never inside it.
    group_ids = [group.pk for group in kwargs.get("groups") or []]
    all_modules = bool(kwargs.get("all_modules"))
    transaction.on_commit(partial(issue_committed, completion.pk, group_ids, all_modules))


@receiver(learner_erasing, dispatch_uid="certs.erase_holder")
def erase_holder_name(sender: Any, learner: Learner, **kwargs: Any) -> None:
    erase_holder(learner)


@receiver(personal_data_requested, dispatch_uid="certs.personal_data")
def certificates_of(sender: Any, learner: Learner, **kwargs: Any) -> tuple[str, list[dict]]:
    return ("certificates", [personal_data(c) for c in learner.certificates.all()])


def personal_data(certificate: Certificate) -> dict[str, Any]:
    return {
        "id": certificate.pk,
        "type": certificate.type,
        "title": certificate.title,
        "holder_name": certificate.holder_name,
        "locale": certificate.locale,
        "completed_at": certificate.completed_at.isoformat(),
        "issued_at": certificate.issued_at.isoformat(),
        "modules": certificate.snapshot,
        "status": verify(certificate).status.value,
        "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
        "revocation_reason": certificate.revocation_reason,
        "verification_url": verification_url(certificate),
    }

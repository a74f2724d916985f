"""A learner's rights over their data (GDPR articles 15, 17 and 20): a full copy, and erasure.

The copy holds everything this app keeps about the learner, and what every other app returns
to ``personal_data_requested``. Erasure tells other apps first (``learner_erasing``), then
deletes the learner, which takes their tokens, recovery code, attempts, completions and
readings with it.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import Learner
from .signals import learner_erasing, personal_data_requested


def _profile(learner: Learner) -> dict[str, Any]:
    return {
        "id": str(learner.id),
        "display_name": learner.display_name,
        "locale": learner.locale,
        "email": learner.email,
        "created_at": learner.created_at.isoformat(),
    }


def _attempts(learner: Learner) -> list[dict[str, Any]]:
    return [
        {
            "id": str(attempt.id),
            "module": attempt.module_id,
            "locale": attempt.locale,
            "started_at": attempt.started_at.isoformat(),
            "deadline": attempt.deadline.isoformat() if attempt.deadline else None,
            "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
            "status": attempt.status,
            "answers": attempt.answers,
            "score": attempt.score,
            "total_points": attempt.total_points,
            "passed": attempt.passed,
        }
        for attempt in learner.attempts.order_by("started_at")
    ]


def personal_data(learner: Learner) -> dict[str, Any]:
    """Everything kept about ``learner``, as JSON-serialisable data."""
    recovery = getattr(learner, "recovery_code", None)
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "profile": _profile(learner),
        "tokens": [
            {"id": token.pk, "created_at": token.created_at.isoformat()}
            for token in learner.tokens.order_by("created_at")
        ],
        "recovery_code": {"created_at": recovery.created_at.isoformat()} if recovery else None,
        "attempts": _attempts(learner),
        "completions": [
            {"module": completion.module_id, "completed_at": completion.completed_at.isoformat()}
            for completion in learner.completions.order_by("completed_at")
        ],
        "readings": [
            {"module": reading.module_id, "read_at": reading.read_at.isoformat()}
            for reading in learner.readings.order_by("read_at")
        ],
    }
    for _receiver, response in personal_data_requested.send(sender=Learner, learner=learner):
        if response is not None:  # a receiver holding nothing about this learner
            # Django's stubs type a receiver's answer as a string; these answer a pair.
            section, section_data = response  # type: ignore[str-unpack]
            data[section] = section_data
    return data


@transaction.atomic
def erase(learner: Learner) -> None:
    learner_erasing.send(sender=Learner, learner=learner)
    learner.delete()

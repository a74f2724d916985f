"""Starting and submitting evaluation attempts, and recording a module's first pass.

Submissions are serialised per learner (the learner's row is locked) and per attempt (its row
is locked): a double click or a resent request is answered "already submitted" and counted
once. An attempt submitted after its deadline and the grace period is stored as late and does
not count.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from .grading import Result, grade, graded_questions
from .models import Attempt, Learner, ModuleCompletion
from .progress import finished_by
from .questionnaires import ServedQuestionnaire
from .signals import module_completed


def start_attempt(learner: Learner, served: ServedQuestionnaire) -> Attempt:
    started_at = timezone.now()
    minutes = served.raw.get("time_limit_minutes")
    questions = graded_questions(served.raw)
    return Attempt.objects.create(
        learner=learner,
        module=served.module,
        locale=served.locale,
        questionnaire=served.raw,
        question_locales=served.question_locales,
        started_at=started_at,
        deadline=started_at + timedelta(minutes=minutes) if minutes else None,
        total_points=sum((q.get("value") or {}).get("points") or 1 for q in questions),
    )


class AlreadySubmitted(Exception):
    def __init__(self, attempt: Attempt) -> None:
        super().__init__(str(attempt.pk))
        self.attempt = attempt
        assert attempt.submitted_at is not None  # an attempt no longer open was submitted
        self.submitted_at: datetime = attempt.submitted_at


@dataclass
class Submission:
    attempt: Attempt
    result: Result
    completion: ModuleCompletion | None
    """The module's completion when this attempt was the learner's first pass."""


def is_late(attempt: Attempt, at: datetime) -> bool:
    if attempt.deadline is None:
        return False
    grace = timedelta(seconds=settings.LEARNER_SUBMISSION_GRACE_SECONDS)
    return at > attempt.deadline + grace


@transaction.atomic
def submit(learner: Learner, attempt_id: Any, answers: dict[str, Any]) -> Submission:
    """Grade ``answers`` to the learner's attempt and record the outcome.

    A late attempt is saved with the status ``late`` and no score. Raises
    ``Attempt.DoesNotExist``, ``AlreadySubmitted`` or ``grading.AnswerError`` (nothing saved).
    """
    Learner.objects.select_for_update().only("pk").get(pk=learner.pk)
    attempt = Attempt.objects.select_for_update().get(pk=attempt_id, learner=learner)
    if attempt.status != Attempt.Status.OPEN:
        raise AlreadySubmitted(attempt)
    now = timezone.now()
    with translation.override(attempt.locale):
        result = grade(attempt.questionnaire, answers)
    attempt.submitted_at = now
    attempt.answers = answers
    if is_late(attempt, now):
        attempt.status = Attempt.Status.LATE
        attempt.save()
        return Submission(attempt, result, None)
    attempt.status = Attempt.Status.SUBMITTED
    attempt.score = result.score
    attempt.total_points = result.total_points
    attempt.passed = result.passed
    attempt.save()
    completion = None
    if result.passed and not learner.completions.filter(module_id=attempt.module_id).exists():
        completion = ModuleCompletion.objects.create(
            learner=learner, module_id=attempt.module_id, completed_at=now
        )
        groups, all_modules = finished_by(completion)
        module_completed.send(
            sender=Learner,
            learner=learner,
            completion=completion,
            groups=groups,
            all_modules=all_modules,
        )
    return Submission(attempt, result, completion)

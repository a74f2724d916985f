"""Starting an evaluation attempt on a module, and submitting its answers for grading."""

import uuid
from typing import Any

from django.utils.translation import gettext
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from cms.core.api.language import negotiate_locale
from cms.core.api.problems import NotFound, Problem
from cms.core.api.views import parse_id
from cms.core.locales import LOCALE_PARAMETER, source_locale_code

from ..attempts import AlreadySubmitted, start_attempt, submit
from ..grading import AnswerError, Result
from ..models import Attempt, Learner
from ..questionnaires import page_locale, public_questionnaire, questionnaire_in, source_module
from . import docs
from .authentication import signed_in_learner
from .base import CONFLICT, LearnerAPIMixin
from .serializers import AttemptSerializer, ResultSerializer, SubmissionSerializer
from .throttles import AttemptThrottle, SubmissionThrottle

# Any segment reaches the views, which answer a malformed id with a problem, not a bare 404.
ANY_SEGMENT = r"[^/]+"


def attempt_locale(request: Request, page_id: int, learner: Learner) -> str:
    """``?locale=``; else the locale of the page whose id was given, if it is a translation;
    else the learner's preferred language."""
    if LOCALE_PARAMETER in request.query_params:
        return negotiate_locale(request)
    code = page_locale(page_id)
    return code if code != source_locale_code() else learner.locale


@docs.module_attempt_schema
class ModuleAttemptViewSet(LearnerAPIMixin, viewsets.ViewSet):
    throttles_by_action = {"create": [AttemptThrottle]}

    def create(self, request: Request, module_id: str) -> Response:
        page_id = parse_id(module_id, "id")
        module = source_module(page_id)
        if module is None:
            raise NotFound(gettext("No published e-module has this id."))
        learner = signed_in_learner(request)
        served = questionnaire_in(module, attempt_locale(request, page_id, learner))
        if served is None:
            raise Problem(
                gettext("This e-module has no evaluation questionnaire."),
                status_code=status.HTTP_404_NOT_FOUND,
                problem_type="no-evaluation",
                title=gettext("No evaluation"),
            )
        attempt = start_attempt(learner, served)
        body = {
            "id": attempt.pk,
            "module": module.pk,
            "locale": attempt.locale,
            "fallback": served.fallback,
            "started_at": attempt.started_at,
            "deadline": attempt.deadline,
            "questionnaire": public_questionnaire(served),
        }
        return Response(AttemptSerializer(body).data, status=status.HTTP_201_CREATED)


def result_body(attempt: Attempt, result: Result, module_completed: bool) -> dict[str, Any]:
    """The outcome of a graded attempt: after a pass, each question's outcome and the corrections
    of the mistakes; after a failure, the score alone.

    Per-question outcomes or corrections after a failure would hand the next attempt its answers
    (the questions and their ids stay the same): a script sending empty answers, or trying one
    option after the other, would pass without knowing anything.
    """
    body: dict[str, Any] = {
        "attempt": attempt.pk,
        "score": result.score,
        "total_points": result.total_points,
        "percent": result.percent,
        "pass_mark": result.pass_mark,
        "passed": result.passed,
        "module_completed": module_completed,
        "questions": [],
        "mistakes": [],
    }
    if not result.passed:
        return body
    body["questions"] = [
        {"id": q.id, "type": q.type, "points": q.points, "earned": q.earned, "right": q.right}
        for q in result.questions
    ]
    body["mistakes"] = [
        {
            "id": q.id,
            "type": q.type,
            "locale": attempt.question_locales.get(q.id, attempt.locale),
            "prompt": q.prompt,
            "correct_answer": q.correct_answer,
            "explanation": q.explanation,
        }
        for q in result.mistakes
    ]
    return body


@docs.attempt_schema
class AttemptViewSet(LearnerAPIMixin, viewsets.ViewSet):
    lookup_value_regex = ANY_SEGMENT
    throttles_by_action = {"submit": [SubmissionThrottle]}

    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        no_such_attempt = NotFound(gettext("You have no attempt with this id."))
        try:
            attempt_id = uuid.UUID(pk)
        except ValueError:
            raise no_such_attempt from None
        incoming = SubmissionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            done = submit(
                signed_in_learner(request), attempt_id, incoming.validated_data["answers"]
            )
        except Attempt.DoesNotExist:
            raise no_such_attempt from None
        except AlreadySubmitted as duplicate:
            raise Problem(
                gettext("This attempt was already submitted and counts once; start a new one."),
                status_code=CONFLICT,
                problem_type="already-submitted",
                title=gettext("Already submitted"),
                submitted_at=duplicate.submitted_at.isoformat(),
            ) from None
        except AnswerError as error:
            raise Problem(
                gettext("Question %(question)s: %(message)s")
                % {"question": error.question_id, "message": error.message},
                problem_type="invalid-answer",
                title=gettext("An answer cannot be read"),
                errors={error.question_id: error.message},
            ) from None
        if done.attempt.status == Attempt.Status.LATE:
            deadline = done.attempt.deadline
            assert deadline is not None  # only an attempt with a deadline is late
            # ``submit`` has committed the late attempt already: raising loses nothing.
            raise Problem(
                gettext(
                    "Time is up: these answers came after the time limit and do not count. "
                    "Start the evaluation again when you are ready."
                ),
                status_code=CONFLICT,
                problem_type="time-is-up",
                title=gettext("Time is up"),
                deadline=deadline.isoformat(),
            )
        body = result_body(done.attempt, done.result, done.completion is not None)
        return Response(ResultSerializer(body).data)

"""What every learners' endpoint shares: token authentication, no caching, problem answers."""

from typing import Any

from django.utils.translation import gettext
from rest_framework import status
from rest_framework.exceptions import MethodNotAllowed, Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from cms.core.api.parsers import BoundedJSONParser
from cms.core.api.problems import PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, problem_body

from .authentication import IsLearner, LearnerTokenAuthentication


class LearnerAPIMixin:
    """Learners' views: JSON signed by a token, answered with ``Cache-Control: no-store``."""

    authentication_classes = [LearnerTokenAuthentication]
    permission_classes = [IsLearner]
    parser_classes = [BoundedJSONParser]
    throttles_by_action: dict[str, list[type]] = {}

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # A method the address does not take is a 405 whoever asks: before authentication,
        # which would answer 401 to an anonymous TRACE.
        if not hasattr(self, request.method.lower()):
            raise MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)

    def get_throttles(self) -> list:
        return [throttle() for throttle in self.throttles_by_action.get(self.action, [])]

    def throttled(self, request: Request, wait: float | None) -> None:
        raise Throttled(
            wait,
            detail=gettext("Too many tries from here; wait a little and try again."),
        )

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any):  # noqa: ANN201
        response = super().finalize_response(request, response, *args, **kwargs)
        # Tokens, recovery codes and personal data must not stay in any shared or local cache.
        response["Cache-Control"] = "no-store"
        return response


def problem_response(
    request: Request,
    status_code: int,
    detail: str,
    *,
    problem_type: str,
    title: str,
    **extra: Any,
) -> Response:
    """A problem answered, not raised: what the view saved before it is committed."""
    body = problem_body(
        status_code,
        detail,
        request.get_full_path(),
        type=PROBLEM_TYPE_BASE + problem_type,
        title=title,
        **extra,
    )
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


CONFLICT = status.HTTP_409_CONFLICT

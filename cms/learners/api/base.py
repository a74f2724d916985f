"""What every learners' endpoint shares: token authentication, no caching, problem answers."""

from typing import Any, NoReturn

from django.utils.translation import gettext
from rest_framework import status
from rest_framework.exceptions import MethodNotAllowed, Throttled
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from cms.core.api.parsers import BoundedJSONParser

from .authentication import IsLearner, LearnerTokenAuthentication


class LearnerAPIMixin(APIView):
    """Learners' views: JSON signed by a token, answered with ``Cache-Control: no-store``."""

    authentication_classes = [LearnerTokenAuthentication]
    permission_classes = [IsLearner]
    parser_classes = [BoundedJSONParser]
    throttles_by_action: dict[str, list[type[BaseThrottle]]] = {}
    action: str
    """Set by the viewsets' routing; a plain view names its own."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # A method the address does not take is a 405 whoever asks: before authentication,
        # which would answer 401 to an anonymous TRACE.
        method = request.method or ""
        if not hasattr(self, method.lower()):
            raise MethodNotAllowed(method)
        super().initial(request, *args, **kwargs)

    def get_throttles(self) -> list[BaseThrottle]:
        return [throttle() for throttle in self.throttles_by_action.get(self.action, [])]

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise Throttled(
            wait,
            detail=gettext("Too many tries from here; wait a little and try again."),
        )

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        # Tokens, recovery codes and personal data must not stay in any shared or local cache.
        response["Cache-Control"] = "no-store"
        return response


CONFLICT = status.HTTP_409_CONFLICT

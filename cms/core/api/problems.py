"""Errors as RFC 9457 problem details: every 4xx and 5xx of the API is JSON a person can read.

A problem has ``type`` (a stable URI naming the kind of error), ``title`` (the kind, in words),
``status``, ``detail`` (this occurrence, in words) and, where it helps, extra members such as
``valid_locales`` or ``errors`` (which parameter is wrong and why).

``title`` and ``detail`` are in the language the client asked for (see ``language``); ``type``,
parameter names and the other members are the same in every language.
"""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from cms.core.fields import StrOrPromise

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://migrantech.org/problems/"
API_PATH_PREFIX = "/api/"
BAD_REQUEST = gettext_lazy("Bad request")


class Problem(exceptions.APIException):
    """An API error with its own problem type and optional extra members."""

    def __init__(
        self,
        detail: StrOrPromise,
        *,
        status_code: int = status.HTTP_400_BAD_REQUEST,
        problem_type: str = "bad-request",
        title: str | Promise = BAD_REQUEST,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status_code = status_code
        self.problem_type = problem_type
        self.title = title
        self.extra = extra


class BadParameter(Problem):
    """A query parameter (filter, page, locale…) whose value the API cannot use."""

    def __init__(self, parameter: str, message: str, **extra: Any) -> None:
        super().__init__(
            f"{parameter}: {message}",
            problem_type="invalid-parameter",
            title=gettext_lazy("Invalid parameter"),
            errors={parameter: message},
            **extra,
        )


class UnknownTarget(Problem):
    """A well-formed filter naming something that does not exist (a 404, like its detail)."""

    def __init__(self, parameter: str, message: str, valid_values: list) -> None:
        super().__init__(
            f"{parameter}: {message}",
            status_code=status.HTTP_404_NOT_FOUND,
            problem_type="unknown-filter-value",
            title=gettext_lazy("Nothing matches this filter"),
            errors={parameter: message},
            valid_values=valid_values,
        )


class NotFound(Problem):
    def __init__(self, detail: StrOrPromise) -> None:
        super().__init__(
            detail,
            status_code=status.HTTP_404_NOT_FOUND,
            problem_type="not-found",
            title=gettext_lazy("Not found"),
        )


_TITLES = {
    400: ("bad-request", BAD_REQUEST),
    401: ("unauthorized", gettext_lazy("Authentication required")),
    403: ("forbidden", gettext_lazy("Forbidden")),
    404: ("not-found", gettext_lazy("Not found")),
    405: ("method-not-allowed", gettext_lazy("Method not allowed")),
    406: ("not-acceptable", gettext_lazy("Not acceptable")),
    413: ("request-too-large", gettext_lazy("Request body too large")),
    415: ("unsupported-media-type", gettext_lazy("Unsupported media type")),
    429: ("too-many-requests", gettext_lazy("Too many requests")),
    500: ("server-error", gettext_lazy("Server error")),
}


def problem_body(status_code: int, detail: str, instance: str = "", **extra: Any) -> dict:
    slug, title = _TITLES.get(status_code, ("error", gettext_lazy("Error")))
    extra.setdefault("type", PROBLEM_TYPE_BASE + slug)
    extra.setdefault("title", title)
    body = {"type": extra.pop("type"), "title": str(extra.pop("title")), "status": status_code}
    body["detail"] = str(detail)
    if instance:
        body["instance"] = instance
    body.update(extra)
    return body


def _sentence(detail: Any) -> str:
    """Error details (nested for nested serializers) as words: ``paper: … is not valid``."""
    if isinstance(detail, dict):
        return "; ".join(f"{key}: {_sentence(value)}" for key, value in detail.items())
    if isinstance(detail, list):
        return " ".join(_sentence(item) for item in detail)
    return str(detail)


def _detail_text(detail: Any) -> tuple[str, dict | None]:
    """DRF's error details as one sentence plus the message per top-level field."""
    if isinstance(detail, dict):
        errors = {key: _sentence(value) for key, value in detail.items()}
        return "; ".join(f"{key}: {message}" for key, message in errors.items()), errors
    return _sentence(detail), None


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's exception handler, answering every error as problem details."""
    if isinstance(exc, Http404):
        exc = NotFound(gettext("Nothing exists at this address."))
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    if isinstance(exc, Problem):
        body = problem_body(
            exc.status_code,
            str(exc.detail),
            instance,
            type=PROBLEM_TYPE_BASE + exc.problem_type,
            title=exc.title,
            **exc.extra,
        )
    else:
        detail, errors = _detail_text(getattr(exc, "detail", str(exc)))
        body = problem_body(response.status_code, detail, instance)
        if errors:
            body["errors"] = errors
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    # The language the title was just written in (the detail was written in the same request).
    response["Content-Language"] = translation.get_language() or settings.LANGUAGE_CODE
    return response


def _json_problem(request: HttpRequest, status_code: int, detail: str) -> JsonResponse:
    response = JsonResponse(
        problem_body(status_code, detail, request.get_full_path()),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Language"] = translation.get_language() or settings.LANGUAGE_CODE
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 404 handler: problem JSON under /api/, the usual page elsewhere."""
    if request.path.startswith(API_PATH_PREFIX):
        return _json_problem(request, 404, gettext("Nothing exists at this address."))
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PATH_PREFIX):
        return _json_problem(
            request, 500, gettext("Something went wrong on our side; try again later.")
        )
    return defaults.server_error(request)


API_V1_PREFIX = "/api/v1/"
_PROBLEM_TYPES = {PROBLEM_CONTENT_TYPE, "application/json"}


class APIProblemMiddleware:
    """Every error under ``/api/v1/`` as problem details, whoever answered it.

    DRF's views answer problems already; this catches the rest before a client sees HTML:
    Django's 404 for an unknown address (its debug page in development), 405s and 500s outside
    DRF, and bodies over ``DATA_UPLOAD_MAX_MEMORY_SIZE``, refused with a 413 before anything
    reads them (Django alone would answer an HTML 400 once a view reads the body). It sits
    outside ``CommonMiddleware`` so that the trailing-slash redirect still happens.
    """

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_V1_PREFIX):
            return self.get_response(request)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        length = request.META.get("CONTENT_LENGTH") or "0"
        if limit is not None and length.isdigit() and int(length) > limit:
            return _json_problem(
                request,
                413,
                gettext("Send at most %(limit)s bytes in one request.") % {"limit": limit},
            )
        response = self.get_response(request)
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if response.status_code >= 400 and content_type not in _PROBLEM_TYPES:
            detail = _GENERIC_DETAILS.get(response.status_code, _GENERIC_DETAILS[0])
            problem = _json_problem(request, response.status_code, str(detail))
            for header in ("Allow", "Retry-After", "WWW-Authenticate"):
                if header in response:
                    problem[header] = response[header]
            return problem
        return response


_GENERIC_DETAILS = {
    0: gettext_lazy("The request could not be answered."),
    404: gettext_lazy("Nothing exists at this address."),
    405: gettext_lazy("This address does not accept this method."),
    500: gettext_lazy("Something went wrong on our side; try again later."),
}

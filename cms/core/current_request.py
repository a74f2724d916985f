"""The request being served, for code that hears of an event only through a signal and must
tell the person who caused it: a translation approved (and so published) inside Wagtail's own
workflow view, which says nothing itself, confirms it with a message (cms/translation/review.py).
"""

from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

_current: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)


def current_request() -> HttpRequest | None:
    """The request this thread is serving, if any (none in workers, commands and shells)."""
    return _current.get()


class CurrentRequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(request)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)

"""The whole admin request runs in the user's admin language, refusals included.

Wagtail switches to the user's admin language only while a view runs; when a view refuses
(``PermissionDenied``), Wagtail's own handler adds "Sorry, you do not have permission to access
this area." after that switch has ended, so the refusal came out in the server's language. This
middleware activates the admin language for the whole request under ``/admin/``.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from wagtail.users.models import UserProfile

ADMIN_PREFIX = "/admin/"


class AdminLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if request.path.startswith(ADMIN_PREFIX) and user is not None and user.is_authenticated:
            with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
                return self.get_response(request)
        return self.get_response(request)

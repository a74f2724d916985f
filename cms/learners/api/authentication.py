"""``Authorization: Bearer <token>`` for learners, who are not Django users."""

from typing import Any

from django.utils.translation import gettext, gettext_lazy
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from ..credentials import token_of
from ..models import Learner, LearnerToken

KEYWORD = "Bearer"


class LearnerTokenAuthentication(BaseAuthentication):
    """Sets ``request.user`` to the ``Learner`` and ``request.auth`` to their ``LearnerToken``."""

    def authenticate(self, request: Request) -> tuple[Learner, LearnerToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                gettext("Send the header as “Authorization: Bearer <token>”.")
            )
        try:
            token = token_of(parts[1].decode())
        except UnicodeDecodeError:
            token = None
        if token is None:
            raise exceptions.AuthenticationFailed(
                gettext("This token is not valid or was signed out; sign in again.")
            )
        return token.learner, token

    def authenticate_header(self, request: Request) -> str:
        return f'{KEYWORD} realm="learners"'


class IsLearner(BasePermission):
    message = gettext_lazy("Sign in as a learner: send “Authorization: Bearer <token>”.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return isinstance(request.auth, LearnerToken)


def signed_in_learner(request: Request) -> Learner:
    """The learner ``LearnerTokenAuthentication`` signed in, on the views ``IsLearner`` guards.

    The same object as ``request.user``, which the stubs type as a Django user.
    """
    token = request.auth
    assert isinstance(token, LearnerToken)
    return token.learner


class LearnerTokenScheme(OpenApiAuthenticationExtension):
    target_class = LearnerTokenAuthentication
    name = "learnerToken"

    def get_security_definition(self, auto_schema: Any) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "The token returned on registration or sign-in.",
        }

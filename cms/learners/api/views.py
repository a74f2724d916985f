"""Registering, signing in and out, the learner's profile, progress and data (download, erase).

Thin: the work is in ``cms.learners`` (credentials, progress, privacy).
"""

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext
from rest_framework import status, viewsets
from rest_framework.authentication import BaseAuthentication
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from cms.core.api.language import negotiate_locale
from cms.core.api.problems import NotFound, Problem
from cms.core.locales import LOCALE_PARAMETER
from cms.modules.models import CategoryPage, ModulePage, PathwayPage

from .. import credentials, privacy
from ..models import Learner
from ..progress import GroupProgress, progress_of, record_reading, titles_in
from ..questionnaires import source_module
from . import docs
from .authentication import signed_in_learner
from .base import LearnerAPIMixin
from .serializers import (
    LearnerInputSerializer,
    LearnerSerializer,
    ProgressSerializer,
    ReadingInputSerializer,
    ReadingSerializer,
    RecoveryCodeSerializer,
    RegistrationSerializer,
    SignedInSerializer,
    SignInSerializer,
)
from .throttles import RegistrationThrottle, SignInThrottle

OPEN_ACTIONS = {"create", "sign_in"}


def progress_body(learner: Learner, locale: str) -> dict:
    """The learner's progress with every title in ``locale``."""
    found = progress_of(learner)
    module_titles = titles_in(
        ModulePage,
        [c.module_id for c in found.completions] + [r.module_id for r in found.readings],
        locale,
    )
    group_titles = {
        **titles_in(CategoryPage, [g.page.pk for g in found.categories], locale),
        **titles_in(PathwayPage, [g.page.pk for g in found.pathways], locale),
    }

    def group(progress: GroupProgress) -> dict:
        return {
            "id": progress.page.pk,
            "title": group_titles.get(progress.page.pk, progress.page.title),
            "done": progress.done,
            "total": progress.total,
            "read": progress.read,
            "completed_at": progress.completed_at,
        }

    return {
        "locale": locale,
        "modules": [
            {
                "id": completion.module_id,
                "title": module_titles.get(completion.module_id, completion.module.title),
                "completed_at": completion.completed_at,
            }
            for completion in found.completions
        ],
        "read_modules": [
            {
                "id": reading.module_id,
                "title": module_titles.get(reading.module_id, reading.module.title),
                "read_at": reading.read_at,
            }
            for reading in found.readings
        ],
        "categories": [group(progress) for progress in found.categories],
        "pathways": [group(progress) for progress in found.pathways],
        "overall": {
            "done": found.overall.done,
            "read": found.overall.read,
            "total": found.overall.total,
            "completed_at": found.overall.completed_at,
        },
    }


@docs.learner_schema
class LearnerViewSet(LearnerAPIMixin, viewsets.ViewSet):
    throttles_by_action = {"create": [RegistrationThrottle], "sign_in": [SignInThrottle]}

    def get_permissions(self) -> Sequence[Any]:
        if self.action in OPEN_ACTIONS:
            return [AllowAny()]
        return super().get_permissions()

    def get_authenticators(self) -> list[BaseAuthentication]:
        # Registering and signing in read no token: an app holding a stale one (signed out,
        # erased) must still be able to start again instead of getting a 401.
        request = getattr(self, "request", None)
        # (No request while the OpenAPI document is generated: the action is set then.)
        action = self.action_map.get(request.method.lower()) if request else self.action
        if action in OPEN_ACTIONS:
            return []
        return super().get_authenticators()

    def create(self, request: Request) -> Response:
        incoming = LearnerInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        locale = data.get("locale") or negotiate_locale(request)
        with transaction.atomic():  # the learner exists only with a token and a recovery code
            learner = Learner.objects.create(
                display_name=data["display_name"], locale=locale, email=data.get("email", "")
            )
            body = {
                "learner": learner,
                "token": credentials.issue_token(learner),
                "recovery_code": credentials.issue_recovery_code(learner),
            }
        return Response(RegistrationSerializer(body).data, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["post"], url_path="sign-in")
    def sign_in(self, request: Request) -> Response:
        incoming = SignInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        learner = credentials.learner_with_code(incoming.validated_data["recovery_code"])
        if learner is None:
            raise Problem(
                gettext("This recovery code is not right. Check each group of four characters."),
                status_code=status.HTTP_401_UNAUTHORIZED,
                problem_type="wrong-recovery-code",
                title=gettext("Wrong recovery code"),
            )
        body = {"learner": learner, "token": credentials.issue_token(learner)}
        return Response(SignedInSerializer(body).data)

    @action(detail=False, methods=["get"], url_path="me")
    def me(self, request: Request) -> Response:
        return Response(LearnerSerializer(signed_in_learner(request)).data)

    @me.mapping.patch
    @docs.update_me
    def update_me(self, request: Request) -> Response:
        incoming = LearnerInputSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        learner = signed_in_learner(request)
        for name, value in incoming.validated_data.items():
            setattr(learner, name, value)
        learner.save()  # one row: its own transaction
        return Response(LearnerSerializer(learner).data)

    @me.mapping.delete
    @docs.erase_me
    def erase_me(self, request: Request) -> Response:
        privacy.erase(signed_in_learner(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=False, methods=["get"], url_path="me/data")
    def data(self, request: Request) -> Response:
        learner = signed_in_learner(request)
        return Response(
            privacy.personal_data(learner),
            headers={
                "Content-Disposition": f'attachment; filename="migrantech-data-{learner.pk}.json"'
            },
        )

    @action(detail=False, methods=["get"], url_path="me/progress")
    def progress(self, request: Request) -> Response:
        learner = signed_in_learner(request)
        locale = (
            negotiate_locale(request)
            if LOCALE_PARAMETER in request.query_params
            else learner.locale
        )
        return Response(ProgressSerializer(progress_body(learner, locale)).data)

    @action(detail=False, methods=["post"], url_path="me/reading")
    def reading(self, request: Request) -> Response:
        incoming = ReadingInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        module = source_module(incoming.validated_data["module"])
        if module is None:
            raise NotFound(gettext("No published e-module has this id."))
        reading, created = record_reading(
            signed_in_learner(request), module, incoming.validated_data.get("read_at")
        )
        return Response(
            ReadingSerializer({"module": module.pk, "read_at": reading.read_at}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @action(detail=False, methods=["post"], url_path="me/recovery-code")
    def recovery_code(self, request: Request) -> Response:
        with transaction.atomic():  # the old code goes only if the new one is stored
            code = credentials.issue_recovery_code(signed_in_learner(request))
        return Response(
            RecoveryCodeSerializer({"recovery_code": code}).data, status=status.HTTP_201_CREATED
        )

    @action(detail=False, methods=["post"], url_path="me/sign-out")
    def sign_out(self, request: Request) -> Response:
        request.auth.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=False, methods=["post"], url_path="me/sign-out-everywhere")
    def sign_out_everywhere(self, request: Request) -> Response:
        signed_in_learner(request).tokens.all().delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

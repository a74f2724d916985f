from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale

from cms.core.api.openapi import problem
from cms.core.api.problems import PROBLEM_CONTENT_TYPE, BadParameter
from cms.core.locales import LOCALE_PARAMETER, locale_codes, source_locale_code, target_locales
from cms.core.permissions import MODERATORS_GROUP
from cms.translation.report import module_statuses, summarise
from cms.translation.setup import REVIEWERS_PREFIX, TRANSLATORS_PREFIX

from .serializers import TranslationStatusSerializer


class IsTranslatorOrModerator(BasePermission):
    """Signed in to the admin as a translator, a reviewer or a moderator."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        if not user or not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        names = user.groups.values_list("name", flat=True)
        return any(
            name == MODERATORS_GROUP or name.startswith((TRANSLATORS_PREFIX, REVIEWERS_PREFIX))
            for name in names
        )


class TranslationStatusView(APIView):
    """How far each published module is translated into each locale, text and assets: for the
    translation team only (the admin's session), since it says what is being worked on."""

    permission_classes = [IsTranslatorOrModerator]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                LOCALE_PARAMETER,
                str,
                enum=[code for code in locale_codes() if code != source_locale_code()],
                description="Only this target locale (default: all).",
            )
        ],
        responses={
            200: TranslationStatusSerializer,
            (400, PROBLEM_CONTENT_TYPE): problem("`locale` is not a target locale."),
            (403, PROBLEM_CONTENT_TYPE): problem(
                "Not signed in to the admin as a translator, reviewer or moderator."
            ),
        },
    )
    def get(self, request: Request) -> Response:
        locales = target_locales()
        asked = request.query_params.get(LOCALE_PARAMETER)
        if asked is not None:
            valid = [code for code in locale_codes() if code != source_locale_code()]
            if asked not in valid:
                raise BadParameter(
                    LOCALE_PARAMETER,
                    gettext("“%(asked)s” is not a target locale; use one of %(valid)s.")
                    % {"asked": asked, "valid": ", ".join(valid)},
                    valid_locales=valid,
                )
            locales = [Locale.objects.get(language_code=asked)]
        statuses = module_statuses(locales, live_only=True)
        data = {"summary": summarise(statuses, locales), "modules": statuses}
        return Response(TranslationStatusSerializer(data).data)

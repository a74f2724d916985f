from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale

from cms.core.api.openapi import problem
from cms.core.api.problems import PROBLEM_CONTENT_TYPE, BadParameter
from cms.core.locales import LOCALE_PARAMETER, locale_codes, source_locale_code, target_locales
from cms.translation.report import module_statuses, summarise

from .serializers import TranslationStatusSerializer


class TranslationStatusView(APIView):
    """How far each module is translated into each locale, text and assets."""

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
        statuses = module_statuses(locales)
        data = {"summary": summarise(statuses, locales), "modules": statuses}
        return Response(TranslationStatusSerializer(data).data)

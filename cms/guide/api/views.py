"""Endpoints of the learning guide and the infographics."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view

from cms.core.api.openapi import list_and_detail_schema, locale_parameters, responses
from cms.core.api.registry import register_page_type
from cms.core.api.views import PageViewSet, SingletonPageViewSet
from cms.guide.models import InfographicPage, LearningGuidePage

from .serializers import (
    InfographicDetailSerializer,
    InfographicSummarySerializer,
    LearningGuideSerializer,
)


@list_and_detail_schema(
    list_summary="The infographics",
    detail_summary="One infographic with its items",
    list_response=InfographicSummarySerializer(many=True),
    detail_response=InfographicDetailSerializer,
)
class InfographicViewSet(PageViewSet):
    model = InfographicPage
    label = _("infographic")
    list_serializer_class = InfographicSummarySerializer
    detail_serializer_class = InfographicDetailSerializer


@extend_schema_view(
    list=extend_schema(
        summary="The online learning guide, chapter by chapter",
        parameters=locale_parameters(),
        responses=responses(LearningGuideSerializer, not_found=True),
    )
)
class LearningGuideViewSet(SingletonPageViewSet):
    model = LearningGuidePage
    label = _("learning guide")
    list_serializer_class = detail_serializer_class = LearningGuideSerializer


def register_page_types() -> None:
    """Called by the app's ``ready``: search, links and preview find these types."""
    register_page_type("infographic", InfographicPage, "infographic-detail", InfographicViewSet)
    register_page_type(
        "learning_guide",
        LearningGuidePage,
        "learning-guide-list",
        LearningGuideViewSet,
        singleton=True,
    )

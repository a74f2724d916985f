"""Landing pages (home, e-modules, e-library, certification tools): their title and introduction.

They hold little, but editors preview them like any page, and front ends may show their
introductions. Each app registers its landing page model under the type ``section``.
"""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.models import Page

from cms.core.locales import source_locale_code

from .fields import ConstantField
from .openapi import list_and_detail_schema
from .pages import localise
from .registry import page_types
from .serializers import PageItemSerializer
from .views import PageViewSet


class SectionSerializer(PageItemSerializer):
    type = ConstantField("section")
    introduction = serializers.CharField()


def section_models() -> list[type]:
    return [page_type.model for page_type in page_types() if page_type.name == "section"]


@list_and_detail_schema(
    list_summary="Landing pages and their introductions",
    detail_summary="One landing page",
    list_response=SectionSerializer(many=True),
    detail_response=SectionSerializer,
)
class SectionViewSet(PageViewSet):
    model = Page
    label = _("landing page")
    list_serializer_class = detail_serializer_class = SectionSerializer

    def sources(self) -> QuerySet:
        return (
            Page.objects.live()
            .type(*section_models())
            .filter(locale__language_code=source_locale_code())
            .order_by("path")
            .specific()
        )

    def served(self, sources: list[Any], context: dict[str, Any]) -> list[Any]:
        return localise(sources, context["locale"], Page.objects.specific())

"""Endpoints of the curriculum: the catalogue, categories, pathways and modules."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from cms.core.api.openapi import (
    SingleObjectSchema,
    id_filter,
    list_and_detail_schema,
    locale_parameters,
    responses,
)
from cms.core.api.registry import register_page_type
from cms.core.api.sections import SectionViewSet
from cms.core.api.views import ContentAPIMixin, PageViewSet
from cms.modules.models import CategoryPage, CurriculumPage, ModulePage, PathwayPage

from . import queries
from .serializers import (
    CatalogueSerializer,
    CategorySerializer,
    ModuleDetailSerializer,
    ModuleSummarySerializer,
    PathwaySerializer,
)

MODULE_FILTERS = [
    id_filter("category", "Id of a category."),
    id_filter("pathway", "Id of an intern pathway."),
    OpenApiParameter("partner", OpenApiTypes.STR, description="Slug of the authoring partner."),
    OpenApiParameter("competence", OpenApiTypes.STR, description="Slug of a competence."),
    OpenApiParameter(
        "language_level", OpenApiTypes.STR, enum=queries.LEVELS, description="CEFR level."
    ),
    OpenApiParameter(
        "level", OpenApiTypes.STR, enum=queries.LEVELS, description="Alias of `language_level`."
    ),
]


@list_and_detail_schema(
    list_summary="E-modules, with filters",
    detail_summary="One e-module with its whole body",
    list_response=ModuleSummarySerializer(many=True),
    detail_response=ModuleDetailSerializer,
    list_parameters=[*locale_parameters(), *MODULE_FILTERS],
)
class ModuleViewSet(PageViewSet):
    model = ModulePage
    label = _("e-module")
    list_serializer_class = ModuleSummarySerializer
    detail_serializer_class = ModuleDetailSerializer

    def prepare(self, queryset: QuerySet) -> QuerySet:
        return queries.prepare_modules(queryset)

    def filter_sources(self, queryset: QuerySet, context: dict[str, Any]) -> QuerySet:
        return queries.filter_modules(queryset, self.request.query_params)

    def attach(self, pages: list[Any], context: dict[str, Any]) -> None:
        if self.action == "list":
            queries.attach_module_summaries(pages, context)
        else:
            queries.attach_module_details(pages, context)


def _grouping_schema(serializer: type, what: str) -> Any:
    return list_and_detail_schema(
        list_summary=f"The {what}, each with its modules",
        detail_summary=f"One of the {what}, with its modules",
        list_response=serializer(many=True),
        detail_response=serializer,
    )


@_grouping_schema(CategorySerializer, "categories")
class CategoryViewSet(PageViewSet):
    model = CategoryPage
    label = _("category")
    list_serializer_class = detail_serializer_class = CategorySerializer

    def attach(self, pages: list[Any], context: dict[str, Any]) -> None:
        queries.attach_category_modules(pages, context)


@_grouping_schema(PathwaySerializer, "intern pathways")
class PathwayViewSet(PageViewSet):
    model = PathwayPage
    label = _("pathway")
    list_serializer_class = detail_serializer_class = PathwaySerializer

    def attach(self, pages: list[Any], context: dict[str, Any]) -> None:
        queries.attach_pathway_modules(pages, context)


class CatalogueViewSet(ContentAPIMixin, viewsets.ViewSet):
    """The whole curriculum in one response: what a front end's home screen needs."""

    schema = SingleObjectSchema()

    @extend_schema(
        summary="Categories and pathways with their module summaries",
        parameters=locale_parameters(),
        responses=responses(CatalogueSerializer),
    )
    def list(self, request: Request) -> Response:
        context = self.api_context()
        categories = CategoryViewSet.served_in(context)
        pathways = PathwayViewSet.served_in(context)
        catalogue = {"locale": context["locale"], "categories": categories, "pathways": pathways}
        return Response(self.serialize(CatalogueSerializer, catalogue, context))


register_page_type("section", CurriculumPage, "section-detail", SectionViewSet)
register_page_type("module", ModulePage, "module-detail", ModuleViewSet)
register_page_type("category", CategoryPage, "category-detail", CategoryViewSet)
register_page_type("pathway", PathwayPage, "pathway-detail", PathwayViewSet)

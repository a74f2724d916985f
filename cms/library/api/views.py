"""Endpoints of the e-library: good practices (with facets) and certification tools."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter

from cms.core.api.openapi import (
    SingleObjectSchema,
    choice_list_pattern,
    list_and_detail_schema,
    locale_parameters,
    page_parameters,
)
from cms.core.api.registry import register_page_type
from cms.core.api.sections import SectionViewSet
from cms.core.api.views import PageViewSet
from cms.library.models import (
    CertificationToolIndexPage,
    CertificationToolPage,
    GoodPracticePage,
    LibraryIndexPage,
)
from cms.project.models import Partner

from .queries import FACETS, faceted_good_practices
from .serializers import (
    CertificationToolDetailSerializer,
    CertificationToolSummarySerializer,
    GoodPracticeDetailSerializer,
    GoodPracticePageSerializer,
    GoodPracticeSummarySerializer,
)

FACET_PARAMETERS = [
    OpenApiParameter(
        name,
        choice_list_pattern([code for code, _label in facet.choices]),
        description=(
            f"{facet.description}: one or more of "
            f"{', '.join(code for code, _label in facet.choices)} (comma-separated or repeated)."
            if name == facet.parameter
            else f"Alias of `{facet.parameter}` (the values of both are combined)."
        ),
    )
    for facet in FACETS
    for name in facet.names
]


@list_and_detail_schema(
    list_summary="Good practices, filtered by facets, with facet counts",
    detail_summary="One good practice with every section of the manual",
    list_response=GoodPracticePageSerializer,
    detail_response=GoodPracticeDetailSerializer,
    list_parameters=[*locale_parameters(), *page_parameters(), *FACET_PARAMETERS],
    operation_id="library_good_practices_list",
)
class GoodPracticeViewSet(PageViewSet):
    model = GoodPracticePage
    label = _("good practice")
    schema = SingleObjectSchema()  # the list is documented whole, facets included
    list_serializer_class = GoodPracticeSummarySerializer
    detail_serializer_class = GoodPracticeDetailSerializer

    def filter_sources(self, queryset: QuerySet, context: dict[str, Any]) -> QuerySet:
        faceted = faceted_good_practices(queryset, self.request.query_params)
        context["facets"] = faceted.facets
        return faceted.queryset

    def list_extras(self, queryset: QuerySet, context: dict[str, Any]) -> dict[str, Any]:
        return {"facets": context["facets"]}

    def attach(self, pages: list[Any], context: dict[str, Any]) -> None:
        for page in pages:
            page.api_partner = context["snippets"].get(Partner, page.api_source.identified_by_id)


@list_and_detail_schema(
    list_summary="The certification tools the manual reviews",
    detail_summary="One certification tool",
    list_response=CertificationToolSummarySerializer(many=True),
    detail_response=CertificationToolDetailSerializer,
)
class CertificationToolViewSet(PageViewSet):
    model = CertificationToolPage
    label = _("certification tool")
    list_serializer_class = CertificationToolSummarySerializer
    detail_serializer_class = CertificationToolDetailSerializer


register_page_type("section", LibraryIndexPage, "section-detail", SectionViewSet)
register_page_type("section", CertificationToolIndexPage, "section-detail", SectionViewSet)
register_page_type("good_practice", GoodPracticePage, "good-practice-detail", GoodPracticeViewSet)
register_page_type(
    "certification_tool",
    CertificationToolPage,
    "certification-tool-detail",
    CertificationToolViewSet,
)

"""Endpoints of the project information, the partners and the competences."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view

from cms.core.api.openapi import list_and_detail_schema, locale_parameters, responses
from cms.core.api.registry import register_page_type
from cms.core.api.views import SingletonPageViewSet, SnippetViewSet
from cms.project.models import Competence, Partner, ProjectPage

from .serializers import CompetenceSerializer, PartnerSerializer, ProjectSerializer


def _snippet_schema(serializer: type, what: str) -> Any:
    return list_and_detail_schema(
        list_summary=f"All {what}",
        detail_summary=f"One of the {what}",
        list_response=serializer(many=True),
        detail_response=serializer,
        list_not_found=False,
    )


@_snippet_schema(PartnerSerializer, "partner organisations")
class PartnerViewSet(SnippetViewSet):
    model = Partner
    label = _("partner")
    serializer_class = PartnerSerializer


@_snippet_schema(CompetenceSerializer, "competences (transversal and digital)")
class CompetenceViewSet(SnippetViewSet):
    model = Competence
    label = _("competence")
    serializer_class = CompetenceSerializer


@extend_schema_view(
    list=extend_schema(
        summary="The project: what certificates' annex says, with the partners",
        parameters=locale_parameters(),
        responses=responses(ProjectSerializer, not_found=True),
    )
)
class ProjectViewSet(SingletonPageViewSet):
    model = ProjectPage
    label = _("project page")
    list_serializer_class = detail_serializer_class = ProjectSerializer

    def attach(self, pages: list[Any], context: dict[str, Any]) -> None:
        partners = PartnerViewSet(action="list").items(context)
        for partner in partners:
            context["refs"].collect_image(partner.logo_id)
        for page in pages:
            page.api_partners = partners


def register_page_types() -> None:
    """Called by the app's ``ready``: search, links and preview find these types."""
    register_page_type("project", ProjectPage, "project-list", ProjectViewSet, singleton=True)

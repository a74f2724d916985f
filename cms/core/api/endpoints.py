"""Endpoints of the API as a whole: locales, site-wide search and headless preview."""

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from cms.core.locales import content_locales, source_locale_code
from cms.core.models import HomePage

from . import preview
from .caching import private_response
from .openapi import TEXT_SCHEMA, locale_parameters, problem, responses
from .pagination import StrictPagination, strict_paginator
from .problems import PROBLEM_CONTENT_TYPE
from .registry import register_page_type
from .search import MAX_QUERY_LENGTH, clean_query, search
from .sections import SectionViewSet
from .serializers import TranslationSerializer
from .views import ContentAPIMixin


def register_page_types() -> None:
    """Called by core's ``ready``: search, links and preview find these types."""
    register_page_type("section", HomePage, "section-detail", SectionViewSet)


class LocaleSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text="The language's name in that language.")
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])
    is_source = serializers.BooleanField(help_text="Content is written in this locale first.")


class LocaleViewSet(ContentAPIMixin, viewsets.ViewSet):
    @extend_schema(summary="The content locales", responses=responses(LocaleSerializer(many=True)))
    def list(self, request: Request) -> Response:
        data = [
            {**locale.__dict__, "is_source": locale.code == source_locale_code()}
            for locale in content_locales()
        ]
        return Response(LocaleSerializer(data, many=True).data)


class SearchResultSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="module, good_practice, partner…")
    id = serializers.IntegerField()
    slug = serializers.CharField()
    locale = serializers.CharField()
    title = serializers.CharField()
    translations = TranslationSerializer(many=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    fallback = serializers.BooleanField()
    url = serializers.URLField(help_text="The item's canonical address in the front end.")
    api_url = serializers.URLField(help_text="The item's address in this API.")


class SearchViewSet(ContentAPIMixin, viewsets.GenericViewSet):
    pagination_class = StrictPagination

    @extend_schema(
        summary="Search everything published",
        parameters=[
            OpenApiParameter(
                "q",
                {**TEXT_SCHEMA, "maxLength": MAX_QUERY_LENGTH},
                required=True,
                description="Words to find.",
            ),
            *locale_parameters(),
        ],
        responses=responses(SearchResultSerializer(many=True), not_found=True),
    )
    def list(self, request: Request) -> Response:
        context = self.api_context()
        query = clean_query(request.query_params.get("q"))
        hits = search(query, context["locale"], context["snippets"])
        page = strict_paginator(self).paginate_queryset(hits, request, view=self)
        for hit in page:
            hit["api_url"] = request.build_absolute_uri(hit["api_url"])
        return self.get_paginated_response(SearchResultSerializer(page, many=True).data)


class PreviewViewSet(viewsets.ViewSet):
    """Not cached, not public: the token is the only key to a draft."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        summary="A draft, in the shape of its published item (headless preview)",
        parameters=[
            OpenApiParameter("content_type", TEXT_SCHEMA, required=True),
            OpenApiParameter("token", TEXT_SCHEMA, required=True),
        ],
        responses={
            200: OpenApiResponse(
                inline_serializer("Draft", {}),
                description="The item as its type's detail endpoint will show it once published; "
                "`id` is null for a page never saved.",
            ),
            (400, PROBLEM_CONTENT_TYPE): problem("content_type or token is missing."),
            (404, PROBLEM_CONTENT_TYPE): problem("Unknown, expired or forged token."),
        },
    )
    def list(self, request: Request) -> Response:
        page = preview.draft_for(
            request.query_params.get("content_type"), request.query_params.get("token")
        )
        return private_response(Response(preview.serialise_draft(page, request)))

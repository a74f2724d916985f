"""What every operation's OpenAPI description shares: the locale parameters and the errors."""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers

from cms.core.locales import locale_codes

from .pagination import MAX_PAGE_SIZE
from .problems import PROBLEM_CONTENT_TYPE


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.URLField(help_text="Names the kind of problem.")
    title = serializers.CharField(help_text="The kind of problem, in words.")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="What went wrong this time, in words.")
    instance = serializers.CharField(required=False, help_text="The address that was asked for.")
    # A declared field, which DRF's serializer metaclass takes out of the class: it does not
    # replace Serializer.errors, as the stubs read it.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.CharField(), required=False, help_text="Message per wrong parameter."
    )
    valid_locales = serializers.ListField(child=serializers.CharField(), required=False)
    valid_values = serializers.ListField(
        child=serializers.JSONField(), required=False, help_text="Values the parameter accepts."
    )
    pages = serializers.IntegerField(required=False, help_text="How many pages the list has.")


class SingleObjectSchema(AutoSchema):
    """For a ``list`` action that answers one object (the catalogue, the learning guide)."""

    def _is_list_view(self, serializer: Any = None) -> bool:
        return False


def locale_parameters() -> list[OpenApiParameter]:
    return [
        OpenApiParameter(
            "locale",
            OpenApiTypes.STR,
            OpenApiParameter.QUERY,
            enum=locale_codes(),
            description="Locale of the content; wins over Accept-Language. Unknown: 400.",
        ),
        OpenApiParameter(
            "Accept-Language",
            OpenApiTypes.STR,
            OpenApiParameter.HEADER,
            description="Used when ?locale= is absent; English if nothing matches.",
        ),
    ]


MAX_ID = 2**63 - 1
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
TEXT_SCHEMA = {"type": "string", "minLength": 1, "pattern": r"\S"}


def page_parameters() -> list[OpenApiParameter]:
    """For lists documented as one object (with members beside ``results``)."""
    return [
        OpenApiParameter("page", ID_SCHEMA, description="Page number, from 1."),
        OpenApiParameter(
            "page_size",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            description=f"Items per page (at most {MAX_PAGE_SIZE}).",
        ),
    ]


def id_parameter(description: str = "The item's stable id.") -> OpenApiParameter:
    return OpenApiParameter("id", ID_SCHEMA, OpenApiParameter.PATH, description=description)


def id_filter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, ID_SCHEMA, description=description)


def choice_list_pattern(codes: list[str]) -> dict:
    """One or more of ``codes``, comma-separated."""
    one = "(" + "|".join(codes) + ")"
    return {"type": "string", "pattern": f"^{one}(,{one})*$"}


def problem(description: str) -> OpenApiResponse:
    return OpenApiResponse(ProblemSerializer, description=description)


def responses(success: Any, *, not_found: bool = False) -> dict:
    result = {
        200: success,
        304: OpenApiResponse(description="Not modified since the ETag or date the client sent."),
        (400, PROBLEM_CONTENT_TYPE): problem("A parameter has a value the API cannot use."),
    }
    if not_found:
        result[(404, PROBLEM_CONTENT_TYPE)] = problem(
            "No published item of that id, no such page of the list, or a filter naming "
            "something that does not exist."
        )
    return result


def list_and_detail_schema(
    *,
    list_summary: str,
    detail_summary: str,
    list_response: Any,
    detail_response: Any,
    list_parameters: list | None = None,
    list_not_found: bool = True,
    **list_extra: Any,
) -> Any:
    """The OpenAPI description of a list + detail viewset, as every resource has one."""
    return extend_schema_view(
        list=extend_schema(
            summary=list_summary,
            parameters=list_parameters if list_parameters is not None else locale_parameters(),
            responses=responses(list_response, not_found=list_not_found),
            **list_extra,
        ),
        retrieve=extend_schema(
            summary=detail_summary,
            parameters=[id_parameter(), *locale_parameters()],
            responses=responses(detail_response, not_found=True),
        ),
    )

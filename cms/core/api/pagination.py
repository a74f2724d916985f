"""Page-numbered lists with a hard maximum page size and errors a person can read."""

import math
from collections.abc import Sequence
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext, ngettext
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from .problems import BadParameter, Problem

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _positive_int(request: Request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) < 2**63:
        raise BadParameter(
            name, gettext("give a whole number of 1 or more, not “%(value)s”.") % {"value": raw}
        )
    value = int(raw)
    if maximum is not None and value > maximum:
        message = ngettext(
            "at most %(maximum)s item per page (asked for %(asked)s).",
            "at most %(maximum)s items per page (asked for %(asked)s).",
            maximum,
        )
        raise BadParameter(name, message % {"maximum": maximum, "asked": value})
    return value


class StrictPagination(PageNumberPagination):
    """``?page=`` and ``?page_size=`` (at most ``MAX_PAGE_SIZE``); an empty page is a 404."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(
        self, queryset: QuerySet[Any] | Sequence[Any], request: Request, view: Any = None
    ) -> list[Any]:
        self.request = request
        size = _positive_int(request, "page_size", self.page_size, self.max_page_size)
        number = _positive_int(request, "page", 1)
        paginator = Paginator(queryset, size)
        pages = max(1, math.ceil(paginator.count / size))
        if number > pages:
            raise Problem(
                ngettext(
                    "Page %(number)s does not exist: this list has %(pages)s page of %(size)s "
                    "items.",
                    "Page %(number)s does not exist: this list has %(pages)s pages of %(size)s "
                    "items.",
                    pages,
                )
                % {"number": number, "pages": pages, "size": size},
                status_code=404,
                problem_type="page-out-of-range",
                title=gettext("Page out of range"),
                pages=pages,
            )
        self.page = paginator.page(number)
        return list(self.page)

    def get_paginated_response(self, data: list[Any], **extra: Any) -> Response:
        assert self.page is not None, "paginate_queryset comes first"
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                **extra,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "minimum": 0},
                "next": {"type": ["string", "null"], "format": "uri"},
                "previous": {"type": ["string", "null"], "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number, from 1.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Items per page (default {DEFAULT_PAGE_SIZE}, "
                f"at most {MAX_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]


def strict_paginator(view: GenericAPIView[Any]) -> StrictPagination:
    """The paginator of a list view whose ``pagination_class`` is ``StrictPagination``."""
    paginator = view.paginator
    assert isinstance(paginator, StrictPagination)
    return paginator

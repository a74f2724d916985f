"""Base views of the content API: locale, cache, bulk-loaded references, page-backed viewsets.

Apps subclass ``PageViewSet`` with their model, serializers and query hooks (which live in the
app's ``api/queries.py``); the views themselves hold no business logic.
"""

from typing import Any, ClassVar

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.models import Page

from cms.core.locales import source_locale_code

from .caching import CachedResponseMixin
from .fields import collect_references
from .language import negotiate_locale
from .openapi import SingleObjectSchema
from .pages import LocalisedSnippets, localise
from .pagination import StrictPagination, strict_paginator
from .problems import BadParameter, NotFound
from .references import References


def parse_id(value: str, name: str = "id") -> int:
    if not value.isdigit() or not 1 <= int(value) < 2**63:
        raise BadParameter(
            name, gettext("an id is a positive whole number, not “%(value)s”.") % {"value": value}
        )
    return int(value)


class ContentAPIMixin(CachedResponseMixin):
    """Public, cacheable, JSON-only views of published content."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    def api_context(self, locale: str | None = None) -> dict[str, Any]:
        locale = locale or negotiate_locale(self.request)
        self.asked_locale = locale
        return {
            "request": self.request,
            "locale": locale,
            "refs": References(self.request),
            "snippets": LocalisedSnippets(locale),
        }

    def serialize(
        self,
        serializer_class: type[serializers.Serializer],
        instance: Any,
        context: dict[str, Any],
        *,
        many: bool = False,
    ) -> Any:
        self.note_languages(instance if many else [instance])
        serializer = serializer_class(instance, many=many, context=context)
        collect_references(serializer, instance if many else [instance], context["refs"])
        context["refs"].load()
        return serializer.data

    def note_languages(self, items: Any) -> None:
        """Remember the languages of the items served, for ``Content-Language``."""
        languages = getattr(self, "served_languages", [])
        for item in items:
            localization = getattr(item, "localization", None)
            code = localization.lang if localization else None
            if code and code not in languages:
                languages.append(code)
        self.served_languages = languages

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        # The language of the content served, not of the client's wish: a good practice served
        # in English as a fallback for Arabic is English. A list in several is all of them.
        languages = getattr(self, "served_languages", None) or (
            [self.asked_locale] if getattr(self, "asked_locale", None) else []
        )
        if response.status_code < 300 and languages:
            response["Content-Language"] = ", ".join(languages)
        return super().finalize_response(request, response, *args, **kwargs)


class PageListViewSet(ContentAPIMixin, viewsets.GenericViewSet):
    """The list of one page type; ``PageViewSet`` adds the detail by stable source id."""

    model: ClassVar[type[Page]]
    label: ClassVar[str | Promise] = gettext_lazy("item")
    """What one item is called in error messages (translated)."""
    list_serializer_class: ClassVar[type[serializers.Serializer]]
    detail_serializer_class: ClassVar[type[serializers.Serializer]]
    pagination_class: type[StrictPagination] | None = StrictPagination
    lookup_field = "id"
    lookup_value_regex = "[^/]+"

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "retrieve":
            return self.detail_serializer_class
        return self.list_serializer_class

    def prepare(self, queryset: QuerySet) -> QuerySet:
        """Add the select/prefetch the serializers need (hook)."""
        return queryset

    def filter_sources(self, queryset: QuerySet, context: dict[str, Any]) -> QuerySet:
        """Apply the list's filters from the query string (hook)."""
        return queryset

    def attach(self, pages: list[Any], context: dict[str, Any]) -> None:
        """Load related items (categories, pathways…) for all pages at once (hook)."""

    def list_extras(self, queryset: QuerySet, context: dict[str, Any]) -> dict[str, Any]:
        """Members added to the list response beside ``results`` (hook)."""
        return {}

    def sources(self) -> QuerySet:
        return self.prepare(
            self.model.objects.live()
            .filter(locale__language_code=source_locale_code())
            .order_by("path")
        )

    @classmethod
    def served_in(cls, context: dict[str, Any], action: str = "list") -> list[Any]:
        """Every published item, served and attached, for responses that embed them all."""
        view = cls(action=action)
        return view.served(list(view.sources()), context)

    def served(self, sources: list[Any], context: dict[str, Any]) -> list[Any]:
        pages = localise(sources, context["locale"], self.model.objects.all())
        self.attach(pages, context)
        return pages

    def list(self, request: Request) -> Response:
        context = self.api_context()
        queryset = self.filter_sources(self.sources(), context)
        paginator = strict_paginator(self)
        page = paginator.paginate_queryset(queryset, request, view=self)
        data = self.serialize(
            self.list_serializer_class, self.served(page, context), context, many=True
        )
        return paginator.get_paginated_response(data, **self.list_extras(queryset, context))


class PageViewSet(PageListViewSet):
    """List and detail of one page type; items are addressed by their stable source id."""

    def retrieve(self, request: Request, id: str) -> Response:
        context = self.api_context()
        source = self.sources().filter(pk=parse_id(id)).first()
        if source is None:
            raise NotFound(
                gettext("No published %(kind)s has the id %(id)s.") % {"kind": self.label, "id": id}
            )
        (page,) = self.served([source], context)
        return Response(self.serialize(self.detail_serializer_class, page, context))


class SingletonPageViewSet(PageListViewSet):
    """A page of which there is one (the learning guide, the project): served at the list URL."""

    pagination_class = None
    schema = SingleObjectSchema()

    def list(self, request: Request) -> Response:
        context = self.api_context()
        source = self.sources().first()
        if source is None:
            raise NotFound(gettext("The %(kind)s is not published yet.") % {"kind": self.label})
        (page,) = self.served([source], context)
        return Response(self.serialize(self.detail_serializer_class, page, context))


class SnippetViewSet(ContentAPIMixin, viewsets.GenericViewSet):
    """All of a (small) translatable snippet model, unpaginated, and one by its stable id."""

    model: ClassVar[type[Model]]
    label: ClassVar[str | Promise] = gettext_lazy("item")
    serializer_class: type[serializers.Serializer]
    lookup_field = "id"
    lookup_value_regex = "[^/]+"

    def items(self, context: dict[str, Any]) -> list[Any]:
        ordering = self.model._meta.ordering or ["pk"]
        order = {
            pk: i
            for i, pk in enumerate(
                self.model._default_manager.order_by(*ordering).values_list("pk", flat=True)
            )
        }
        items = context["snippets"].of(self.model).values()
        return sorted(items, key=lambda item: order.get(item.localization.id, 0))

    def list(self, request: Request) -> Response:
        context = self.api_context()
        return Response(
            self.serialize(self.serializer_class, self.items(context), context, many=True)
        )

    def retrieve(self, request: Request, id: str) -> Response:
        context = self.api_context()
        item = context["snippets"].get(self.model, parse_id(id))
        if item is None:
            raise NotFound(
                gettext("No %(kind)s has the id %(id)s.") % {"kind": self.label, "id": id}
            )
        return Response(self.serialize(self.serializer_class, item, context))

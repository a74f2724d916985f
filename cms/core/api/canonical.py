"""The canonical address of an item in the front end, from ``FRONTEND_ITEM_URL``.

The template takes ``{type}`` (``module``, ``good_practice``, ``partner``…), ``{id}`` (the
stable id), ``{slug}`` and ``{locale}`` (the locale served), e.g.
``https://learn.migrantech.org/{locale}/{type}/{id}/{slug}``.
"""

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers

from .registry import page_type_for_model


def item_url(kind: str, item_id: int, slug: str, locale: str) -> str:
    return settings.FRONTEND_ITEM_URL.format(type=kind, id=item_id, slug=slug, locale=locale)


def kind_of(instance: Any) -> str:
    page_type = page_type_for_model(type(instance))
    return page_type.name if page_type else instance._meta.model_name


class CanonicalURLField(serializers.Field):
    """``url``: where a person reads this item in the front end."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(read_only=True, source="*")
        kwargs.setdefault(
            "help_text", "The item's canonical address in the front end (FRONTEND_ITEM_URL)."
        )
        super().__init__(**kwargs)

    def to_representation(self, instance: Any) -> str:
        locale = getattr(instance, "api_locale", None) or instance.locale.language_code
        return item_url(kind_of(instance), instance.api_id, instance.slug, locale)


class CanonicalURLFieldExtension(OpenApiSerializerFieldExtension):
    target_class = CanonicalURLField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict:
        return {"type": "string", "format": "uri", "description": self.target.help_text}

"""Serializer fields for content: StreamFields, rich text, lists of sentences, constants.

The fields read images, documents and links from the response's ``References`` (the serializer
context's ``refs``), which the view has loaded in bulk beforehand (see ``collect_references``).
"""

from collections.abc import Iterable
from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers
from wagtail import blocks

from .references import References
from .richtext import html_for_api
from .streams import SHARED_DEFINITIONS, stream_item_schema, to_api


def _raw_stream(value: Any) -> list[dict]:
    return list(value.raw_data) if value is not None else []


class StreamBlocksField(serializers.Field):
    """A StreamField as ``[{type, id, locale, value}]``, each value in its block's shape.

    ``locale`` is the language the block's text is in (see ``cms.core.translated_parts``): the
    item's own, or the source's where the block is not (wholly) translated yet.
    """

    def __init__(self, block: blocks.StreamBlock, **kwargs: Any) -> None:
        self.block = block
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance: Any) -> Any:
        return (super().get_attribute(instance), instance)

    def to_representation(self, value: tuple[Any, Any]) -> list[dict]:
        stream, instance = value
        items = to_api(self.block, _raw_stream(stream), self.context["refs"])
        parts = getattr(instance, "api_parts", None)
        localization = getattr(instance, "localization", None)
        served = localization.lang if localization else self.context.get("locale", "")
        fallback = localization.fallback if localization else False
        for item in items:
            locale = parts.block_locale(item["id"]) if parts else served
            item["locale"] = served if fallback else locale
        return items

    def collect(self, value: Any, refs: References) -> None:
        refs.collect_stream(self.block, _raw_stream(value))


class RichTextHTMLField(serializers.Field):
    """Rich text as sanitised HTML with internal links pointing into the API."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        return html_for_api(str(value or ""), self.context["refs"])

    def collect(self, value: Any, refs: References) -> None:
        refs.collect_html(str(value or ""))


class TextListField(serializers.ListField):
    """A ``text_list_field`` StreamField (objectives, outcomes…) as a list of sentences."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(child=serializers.CharField(), **kwargs)

    def to_representation(self, value: Any) -> list[str]:
        return [str(item["value"]) for item in _raw_stream(value) if item.get("value")]


class FieldLocalesField(serializers.Field):
    """``{field name: locale}`` for the item's fields whose text is not in the item's ``locale``.

    Names are those of the response (the sibling serializer fields), so a field renamed in the
    API is reported under its API name.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, instance: Any) -> dict[str, str]:
        parts = getattr(instance, "api_parts", None)
        if parts is None:
            return {}
        other = parts.untranslated_fields()
        assert isinstance(self.parent, serializers.Serializer)
        return {
            name: other[field.source]
            for name, field in self.parent.fields.items()
            if field.source in other and other[field.source] != instance.localization.lang
        }


class ImageObjectField(serializers.Field):
    """A chosen image (its id) as an Image object with renditions; ``alt_source`` names the alt."""

    def __init__(self, alt_source: str = "", **kwargs: Any) -> None:
        self.alt_source = alt_source
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance: Any) -> Any:
        alt = getattr(instance, self.alt_source, "") if self.alt_source else ""
        return (super().get_attribute(instance), alt)

    def to_representation(self, value: tuple[Any, str]) -> dict | None:
        image_id, alt = value
        return self.context["refs"].image(image_id, alt=alt)

    def collect(self, value: Any, refs: References) -> None:
        refs.collect_image(value)


class ConstantField(serializers.Field):
    """Always the same string: the ``type`` of an item, so clients can tell items apart."""

    def __init__(self, constant: str, **kwargs: Any) -> None:
        self.constant = constant
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        return self.constant


def collect_references(
    serializer: serializers.BaseSerializer, instances: Iterable[Any], refs: References
) -> None:
    """Gather every image, document and link the serializer's content fields will need.

    ``serializer`` serializes one of the instances, or all of them (``many=True``).
    """
    item = serializer.child if isinstance(serializer, serializers.ListSerializer) else serializer
    assert isinstance(item, serializers.Serializer)
    content_fields = [
        (field, field.source)
        for field in item.fields.values()
        if isinstance(field, StreamBlocksField | RichTextHTMLField | ImageObjectField)
        and field.source
    ]
    for instance in instances:
        for field, source in content_fields:
            field.collect(getattr(instance, source), refs)


def schema_ref(auto_schema: Any, name: str, schema: dict) -> dict:
    """Register ``schema`` as an OpenAPI component (once) and return a reference to it."""
    component = ResolvedComponent(
        name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema
    )
    auto_schema.registry.register_on_missing(component)
    return component.ref


class StreamBlocksFieldExtension(OpenApiSerializerFieldExtension):
    target_class = StreamBlocksField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict:
        def ref(name: str) -> dict:
            return schema_ref(auto_schema, name, SHARED_DEFINITIONS[name])

        mapping, refs = {}, []
        for name, child in self.target.block.child_blocks.items():
            item_ref = schema_ref(
                auto_schema,
                type(child).__name__,
                stream_item_schema(name, child, ref, with_locale=True),
            )
            mapping[name] = item_ref["$ref"]
            refs.append(item_ref)
        return {
            "type": "array",
            "items": {"oneOf": refs, "discriminator": {"propertyName": "type", "mapping": mapping}},
        }


class ImageObjectFieldExtension(OpenApiSerializerFieldExtension):
    target_class = ImageObjectField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict:
        image = schema_ref(auto_schema, "Image", SHARED_DEFINITIONS["Image"])
        return {"anyOf": [image, {"type": "null"}]}


class FieldLocalesFieldExtension(OpenApiSerializerFieldExtension):
    target_class = FieldLocalesField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict:
        return {"type": "object", "additionalProperties": {"type": "string"}}


class ConstantFieldExtension(OpenApiSerializerFieldExtension):
    target_class = ConstantField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict:
        return {"type": "string", "const": self.target.constant}


class RichTextHTMLFieldExtension(OpenApiSerializerFieldExtension):
    target_class = RichTextHTMLField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict:
        return {"type": "string", "contentMediaType": "text/html"}

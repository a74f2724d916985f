"""StreamField content as JSON, and the JSON Schema of every block type, from one definition.

A stream is a list of ``{type, id, value}``. Each value is built from the raw stored data (never
Wagtail's Python values, which would query the database block by block) by walking the block
definition: structs become objects, lists arrays, rich text sanitised HTML, chosen images and
documents the objects loaded by ``References``. Blocks whose public shape differs from the stored
one (an image with its alt text, the graded questionnaire without its answers) declare a
``BlockShape``; the same shape also writes their JSON Schema, so code and contract cannot differ.
"""

from collections.abc import Callable
from typing import Any, Protocol

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .references import References, list_item_values
from .richtext import html_for_api

Ref = Callable[[str], dict]
"""Turns a shared definition's name ("Image", "Document") into a JSON Schema reference."""


class BlockShape(Protocol):
    def to_api(self, block: blocks.Block, raw: Any, refs: References) -> Any: ...

    def schema(self, block: blocks.Block, ref: Ref) -> dict: ...


_SHAPES: dict[type, BlockShape] = {}


def register_shape(*block_classes: type) -> Callable[[type], type]:
    def decorator(shape_class: type) -> type:
        for block_class in block_classes:
            _SHAPES[block_class] = shape_class()
        return shape_class

    return decorator


def _shape_of(block: blocks.Block) -> BlockShape | None:
    return _SHAPES.get(type(block))


def child_raw(block: blocks.StructBlock, raw: dict | None, name: str) -> Any:
    raw = raw or {}
    if name in raw:
        return raw[name]
    child = block.child_blocks[name]
    return child.get_prep_value(child.get_default())


def to_api(block: blocks.Block, raw: Any, refs: References) -> Any:
    """The public JSON value of ``raw``, stored data of ``block``."""
    shape = _shape_of(block)
    if shape is not None:
        return shape.to_api(block, raw, refs)
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": item["type"],
                "id": item.get("id") or "",
                "value": to_api(child, item.get("value"), refs),
            }
            for item in raw or []
            if (child := block.child_blocks.get(item.get("type"))) is not None
        ]
    if isinstance(block, blocks.ListBlock):
        return [to_api(block.child_block, value, refs) for value in list_item_values(raw)]
    if isinstance(block, blocks.StructBlock):
        return {
            name: to_api(child, child_raw(block, raw, name), refs)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return html_for_api(raw, refs)
    if isinstance(block, ImageChooserBlock):
        return refs.image(raw)
    if isinstance(block, DocumentChooserBlock):
        return refs.document(raw)
    if isinstance(block, blocks.BooleanBlock):
        return bool(raw)
    if isinstance(block, blocks.IntegerBlock):
        return raw if isinstance(raw, int) else None
    return raw if isinstance(raw, str) else ""


def _help(block: blocks.Block) -> str:
    return getattr(block.meta, "help_text", "") or ""


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def schema_of(block: blocks.Block, ref: Ref) -> dict:
    """The JSON Schema (draft 2020-12) of ``to_api(block, …)``."""
    shape = _shape_of(block)
    if shape is not None:
        return shape.schema(block, ref)
    help_text = {"description": str(_help(block))} if _help(block) else {}
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block, ref)
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": schema_of(block.child_block, ref), **help_text}
    if isinstance(block, blocks.StructBlock):
        return object_schema(
            {name: schema_of(child, ref) for name, child in block.child_blocks.items()}
        )
    if isinstance(block, blocks.RichTextBlock):
        return {"type": "string", "contentMediaType": "text/html", **help_text}
    if isinstance(block, ImageChooserBlock | DocumentChooserBlock):
        target = ref("Image" if isinstance(block, ImageChooserBlock) else "Document")
        # A chosen file may be deleted later, so even a required one can come out empty.
        return {**_nullable(target), **help_text}
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean", **help_text}
    if isinstance(block, blocks.IntegerBlock):
        kind = "integer" if block.required else ["integer", "null"]
        return {"type": kind, **help_text}
    if isinstance(block, blocks.ChoiceBlock):
        codes = [str(code) for code, _label in block.field.choices if code != ""]
        return {"type": "string", "enum": codes if block.required else ["", *codes], **help_text}
    if isinstance(block, blocks.URLBlock):
        return {"type": "string", **({"format": "uri"} if block.required else {}), **help_text}
    return {"type": "string", **help_text}


def object_schema(properties: dict[str, dict]) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


BLOCK_LOCALE_SCHEMA = {
    "type": "string",
    "description": (
        "The locale this block's text is in: the item's, or the source's where the block is not "
        "(wholly) translated yet. Set `lang` and `dir` from it."
    ),
}


def stream_item_schema(
    name: str, block: blocks.Block, ref: Ref, *, with_locale: bool = False
) -> dict:
    """One item of a stream; top-level blocks of an item (``with_locale``) carry their language."""
    locale = {"locale": BLOCK_LOCALE_SCHEMA} if with_locale else {}
    schema = object_schema(
        {
            "type": {"const": name},
            "id": {"type": "string"},
            **locale,
            "value": schema_of(block, ref),
        }
    )
    schema["title"] = str(block.label or name)
    if _help(block):
        schema["description"] = str(_help(block))
    return schema


def stream_schema(block: blocks.StreamBlock, ref: Ref) -> dict:
    return {
        "type": "array",
        "items": {
            "oneOf": [
                stream_item_schema(name, child, ref) for name, child in block.child_blocks.items()
            ]
        },
    }


IMAGE_SCHEMA = object_schema(
    {
        "id": {"type": "integer"},
        "alt": {"type": "string", "description": "Text alternative; empty only if decorative."},
        "width": {"type": "integer", "description": "Width of the original, in pixels."},
        "height": {"type": "integer", "description": "Height of the original, in pixels."},
        "renditions": {
            "type": "array",
            "description": "WebP, 320, 640 and 1024 px wide (never wider than the original).",
            "items": object_schema(
                {
                    "url": {"type": "string", "format": "uri"},
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                }
            ),
        },
        "srcset": {"type": "string", "description": "The renditions as an HTML srcset."},
    }
)

DOCUMENT_SCHEMA = object_schema(
    {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "size": {"type": ["integer", "null"], "description": "Size in bytes."},
        "type": {"type": "string", "description": "Media type, e.g. text/vtt."},
        "extension": {"type": "string"},
    }
)

SHARED_DEFINITIONS = {"Image": IMAGE_SCHEMA, "Document": DOCUMENT_SCHEMA}

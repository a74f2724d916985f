"""Blocks whose public shape differs from the stored one, apart from the graded questionnaire.

An image and its alt text are stored side by side (``ImageChooserBlock`` plus our own text
field, see ``cms.core.blocks.media``); front ends get them as one image object carrying ``alt``.
"""

from typing import Any

from wagtail import blocks

from cms.core.blocks.content import CardBlock, VocabularyTermBlock
from cms.core.blocks.media import ImageFigureBlock

from .blocks import Ref, child_raw, object_schema, register_shape, schema_of, to_api
from .references import References


class ImageWithAlt:
    """A struct whose ``image_field`` absorbs the alt text stored in ``alt_field``."""

    image_field = "image"
    alt_field = "image_alt_text"

    def to_api(self, block: blocks.StructBlock, raw: Any, refs: References) -> dict:
        value = {}
        for name, child in block.child_blocks.items():
            if name == self.alt_field:
                continue
            stored = child_raw(block, raw, name)
            if name == self.image_field:
                alt = child_raw(block, raw, self.alt_field) or ""
                value[name] = refs.image(stored, alt=alt)
            else:
                value[name] = to_api(child, stored, refs)
        return value

    def schema(self, block: blocks.StructBlock, ref: Ref) -> dict:
        properties = {
            name: schema_of(child, ref)
            for name, child in block.child_blocks.items()
            if name != self.alt_field
        }
        properties[self.image_field] = {"anyOf": [ref("Image"), {"type": "null"}]}
        return object_schema(properties)


@register_shape(VocabularyTermBlock, CardBlock)
class OptionalPictureShape(ImageWithAlt):
    pass


@register_shape(ImageFigureBlock)
class FigureShape(ImageWithAlt):
    alt_field = "alt_text"

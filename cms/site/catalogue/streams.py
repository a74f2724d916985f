"""Turning YAML block lists into StreamField data, checked by the blocks' own validation.

The data files name media by file name and leave out block ids; this module resolves the
files to images and documents, gives every block a stable id (derived from where it stands, so a
re-load keeps translations aligned), and runs the same ``clean`` that editors' input goes through.
"""

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .source import PathItem

BLOCK_ID_NAMESPACE = uuid.UUID("6f7c1a52-52a4-4d3b-9a55-7c0e5c3d1e01")

MediaResolver = Callable[[str, str], int]
"""Called with ("image" | "document", file name); returns the primary key."""


class StreamDataError(Exception):
    def __init__(self, path: Sequence[PathItem], message: str) -> None:
        self.path = list(path)
        self.message = message
        super().__init__(message)


def to_stream_data(
    block: blocks.StreamBlock,
    items: list[dict[str, Any]],
    *,
    id_seed: str,
    resolve_media: MediaResolver,
) -> list[dict[str, Any]]:
    """Convert and validate; raises ``StreamDataError`` with the path into ``items``."""
    raw = _convert(block, items, [], id_seed, resolve_media)
    value = block.to_python(raw)
    try:
        block.clean(value)
    except ValidationError as error:
        path, message = _first_error(error, [])
        raise StreamDataError(path, message) from None
    return block.get_prep_value(value)


def block_id(seed: str, path: Sequence[PathItem]) -> str:
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{seed}/{'/'.join(map(str, path))}"))


def _convert(
    block: blocks.Block,
    value: Any,
    path: list[PathItem],
    seed: str,
    resolve_media: MediaResolver,
) -> Any:
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(value, list):
            raise StreamDataError(path, "expected a list of blocks")
        converted = []
        for index, item in enumerate(value):
            item_path = [*path, index]
            block_type = item.get("type") if isinstance(item, dict) else None
            if block_type not in block.child_blocks:
                choices = ", ".join(block.child_blocks)
                raise StreamDataError(
                    [*item_path, "type"], f"unknown block type {block_type!r}; use one of {choices}"
                )
            child_value = _convert(
                block.child_blocks[block_type],
                item.get("value"),
                [*item_path, "value"],
                seed,
                resolve_media,
            )
            converted.append(
                {"type": block_type, "value": child_value, "id": block_id(seed, item_path)}
            )
        return converted
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            raise StreamDataError(path, "expected a mapping of fields")
        unknown = set(value) - set(block.child_blocks)
        if unknown:
            raise StreamDataError(
                [*path, sorted(unknown)[0]],
                f"unknown field; this block has {', '.join(block.child_blocks)}",
            )
        return {
            name: _convert(block.child_blocks[name], child, [*path, name], seed, resolve_media)
            for name, child in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        if not isinstance(value, list):
            raise StreamDataError(path, "expected a list")
        return [
            {
                "type": "item",
                "value": _convert(block.child_block, child, [*path, i], seed, resolve_media),
                "id": block_id(seed, [*path, i]),
            }
            for i, child in enumerate(value)
        ]
    if isinstance(block, blocks.ChoiceBlock) and isinstance(value, bool):
        return "true" if value else "false"  # YAML reads a bare true/false as a boolean
    if isinstance(block, ImageChooserBlock | DocumentChooserBlock) and value is not None:
        kind = "image" if isinstance(block, ImageChooserBlock) else "document"
        try:
            return resolve_media(kind, str(value))
        except FileNotFoundError as error:
            raise StreamDataError(path, str(error)) from None
    return value


def _first_error(error: ValidationError, path: list[PathItem]) -> tuple[list[PathItem], str]:
    """Walk a block validation error down to its first message, tracking the YAML path."""
    block_errors = getattr(error, "block_errors", None)
    if isinstance(error, blocks.StreamBlockValidationError) and block_errors:
        index, child = next(iter(sorted(block_errors.items())))
        return _first_error(child, [*path, index, "value"])
    if isinstance(error, blocks.ListBlockValidationError) and block_errors:
        index, child = next(iter(sorted(block_errors.items())))
        return _first_error(child, [*path, index])
    if isinstance(error, blocks.StructBlockValidationError) and block_errors:
        name, child = next(iter(block_errors.items()))
        return _first_error(child, [*path, name])
    non_block = getattr(error, "non_block_errors", None)
    messages = [str(m) for m in (non_block.as_data() if non_block else [])] or error.messages
    return path, " ".join(messages)

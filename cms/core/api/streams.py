"""The entry point for StreamField serialisation: the generic walker and every block shape."""

from . import questions, shapes
from .blocks import SHARED_DEFINITIONS, schema_of, stream_item_schema, stream_schema, to_api

__all__ = [
    "SHARED_DEFINITIONS",
    "questions",
    "schema_of",
    "shapes",
    "stream_item_schema",
    "stream_schema",
    "to_api",
]

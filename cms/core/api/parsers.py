"""Request bodies the API reads: JSON of bounded size and depth.

Python's JSON decoder recurses once per nesting level, so a body of a few thousand ``[`` ends in
a ``RecursionError`` (a server error) and a large body is held in memory whole. Every JSON body
is therefore read up to ``MAX_BODY_BYTES`` and checked for depth before it is decoded; anything
beyond is a 400 problem that says what is wrong.
"""

import json
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_BODY_BYTES = 256 * 1024
"""No request of this API needs more: the largest, a submission, is a few kilobytes."""
MAX_DEPTH = 20
"""Deeper than any body the API takes (a matching answer is three levels)."""


def too_deep(text: str, limit: int) -> bool:
    """Whether ``text`` nests arrays or objects more than ``limit`` deep (strings skipped)."""
    depth, in_string, escaped = 0, False, False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            if depth > limit:
                return True
        elif character in "]}":
            depth -= 1
    return False


class BoundedJSONParser(JSONParser):
    def parse(
        self, stream: IO[bytes], media_type: str | None = None, parser_context: Any = None
    ) -> Any:
        limit = getattr(settings, "API_MAX_BODY_BYTES", MAX_BODY_BYTES)
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise ParseError(
                gettext("The request body is too large: at most %(kilobytes)d KB.")
                % {"kilobytes": limit // 1024}
            )
        try:
            text = raw.decode((parser_context or {}).get("encoding") or settings.DEFAULT_CHARSET)
        except UnicodeDecodeError:
            raise ParseError(gettext("The request body is not valid UTF-8 text.")) from None
        if too_deep(text, MAX_DEPTH):
            raise ParseError(
                gettext("The JSON is nested too deeply: at most %(levels)d levels.")
                % {"levels": MAX_DEPTH}
            )
        try:
            return json.loads(text) if text.strip() else None
        except (ValueError, RecursionError) as error:
            raise ParseError(
                gettext("The request body is not valid JSON: %(error)s") % {"error": error}
            ) from None

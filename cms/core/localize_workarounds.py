"""Optional text blocks that wagtail-localize can translate when they are left empty.

Upstream bug: wagtail-localize's StreamField segment extractor turns every CharBlock, TextBlock and
URLBlock value into a segment and crashes on ``None`` ("`string` must be either a `StringValue` or a
`str`. Got `NoneType`"), which is what an optional block holds when it was left empty or added to a
StructBlock after content existed (wagtail-localize #918, #690, #875).

These blocks never store ``None`` (an empty value is ``""``) and offer no segment when empty, so an
empty optional field neither crashes the translation nor asks a translator to translate nothing.

Delete this module, and use the plain Wagtail blocks again, once a released wagtail-localize carries
the fix proposed in wagtail-localize #917 and the project's pin includes that release.
"""

from typing import Any

from wagtail import blocks
from wagtail_localize.segments import StringSegmentValue


class _EmptyIsBlankMixin:
    """Mixed into a Wagtail field block, whose methods ``super()`` reaches (hence the ignores:
    the mixin alone has no such superclass method)."""

    def get_default(self) -> str:
        return ""

    def to_python(self, value: Any) -> Any:
        return super().to_python(value if value is not None else "")  # type: ignore[misc]

    def get_prep_value(self, value: Any) -> Any:
        return super().get_prep_value(value if value is not None else "")  # type: ignore[misc]


class _OptionalStringSegmentsMixin(_EmptyIsBlankMixin):
    def get_translatable_segments(self, value: str | None) -> list[StringSegmentValue]:
        return [StringSegmentValue("", value)] if value else []

    def restore_translated_segments(self, value: str, segments: list[Any]) -> str:
        return segments[0].render_text() if segments else value


class OptionalCharBlock(_OptionalStringSegmentsMixin, blocks.CharBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)


class OptionalTextBlock(_OptionalStringSegmentsMixin, blocks.TextBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)


class OptionalURLBlock(_EmptyIsBlankMixin, blocks.URLBlock):
    """A URL is kept in step with the source page, never offered for translation."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def get_translatable_segments(self, value: str | None) -> list[Any]:
        return []

    def restore_translated_segments(self, value: str, segments: list[Any]) -> str:
        return value

"""Validation plumbing shared by the block library."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext
from wagtail import blocks

NON_FIELD = "__all__"

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
"""No headings above h3 and no embeds: short, plainly structured text reads best on a phone."""


class ValidatedStructBlock(blocks.StructBlock):
    """A StructBlock whose cross-field rules are declared by ``errors_for``.

    Subclasses return ``{child_name: message}`` (or ``{NON_FIELD: message}``) for every rule the
    cleaned value breaks; editors then see each message next to the field it concerns.
    """

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        return {}

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        cleaned = super().clean(value)
        errors = self.errors_for(cleaned)
        if errors:
            non_field = errors.pop(NON_FIELD, None)
            raise blocks.StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in errors.items()},
                non_block_errors=[ValidationError(non_field)] if non_field else None,
            )
        return cleaned


def language_choices() -> list[tuple[str, str]]:
    """Languages an asset (subtitle track, external resource) can be in: the content locales,
    named in the editor's language."""
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


@deconstructible
class FileExtensionValidator:
    """Checks that a chosen document's file name ends in one of ``extensions``."""

    def __init__(self, *extensions: str) -> None:
        self.extensions = extensions

    def __call__(self, document: Any) -> None:
        name = (getattr(document, "file", None) and document.file.name) or ""
        if not name.lower().endswith(tuple(f".{ext}" for ext in self.extensions)):
            allowed = " / ".join(f".{ext}" for ext in self.extensions)
            shown = name.rsplit("/", 1)[-1] or "?"
            raise ValidationError(
                gettext("Choose a %(allowed)s file (this one is “%(name)s”).")
                % {"allowed": allowed, "name": shown}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileExtensionValidator) and other.extensions == self.extensions

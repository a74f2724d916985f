"""Field helpers used by several apps."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import StreamField

if TYPE_CHECKING:
    # Lazy translations are typed as str-like promises, which the stubs of Django and DRF accept.
    from django_stubs_ext import StrOrPromise
else:
    StrOrPromise = str | Promise

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Give the colour as # and six hexadecimal digits, e.g. #1d4e89.")
)

CEFR_LEVELS = [(level, level) for level in ("A1", "A2", "B1", "B2", "C1", "C2")]


def colour_field(**kwargs: Any) -> models.CharField:
    return models.CharField(
        max_length=7,
        validators=[colour_validator],
        help_text=_("A dark colour: white text must stay readable on it."),
        **kwargs,
    )


def text_list_field(
    item_label: StrOrPromise,
    help_text: StrOrPromise = "",
    max_length: int = 300,
    verbose_name: StrOrPromise | None = None,
) -> StreamField:
    """An ordered list of short sentences (objectives, outcomes), translated item by item."""
    return StreamField(
        [("item", blocks.CharBlock(max_length=max_length, label=item_label))],
        blank=True,
        help_text=help_text,
        verbose_name=verbose_name,
    )


class ChoiceListField(models.JSONField):
    """A list of values from a fixed vocabulary (e.g. facets), stored as a JSON array."""

    def __init__(
        self, *args: Any, item_choices: Sequence[tuple[str, StrOrPromise]] = (), **kwargs: Any
    ):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, Sequence[Any], dict[str, Any]]:
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value: Any, model_instance: Any) -> None:
        super().validate(value, model_instance)
        allowed = {code for code, _label in self.item_choices}
        if not isinstance(value, list) or any(item not in allowed for item in value):
            unknown = [item for item in value or [] if item not in allowed]
            raise ValidationError(
                gettext("Unknown value(s) %(unknown)s; choose from %(allowed)s.")
                % {
                    "unknown": ", ".join(map(str, unknown)) or repr(value),
                    "allowed": ", ".join(sorted(allowed)),
                }
            )

    def formfield(self, **kwargs: Any) -> forms.Field:
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

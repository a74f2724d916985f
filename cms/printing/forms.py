"""The "Printable packs" form: what to print, in which language, with which options."""

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cms.core.admin_languages import content_language

from .documents import PAPER_SIZES, PrintableDocument, PrintOptions, document_kinds


def _target_field(
    document: type[PrintableDocument], titles: dict[Any, str]
) -> forms.ModelChoiceField:
    """The field choosing ``document``'s pages, named in the counsellor's language."""
    field: PageChoiceField | PageMultipleChoiceField
    if document.max_targets > 1:
        field = PageMultipleChoiceField(
            queryset=document.choosable_targets(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=str(document.target_label),
        )
    else:
        field = PageChoiceField(
            queryset=document.choosable_targets(),
            required=False,
            label=str(document.target_label),
        )
    field.titles = titles
    return field


def _titles_in(language: str) -> dict[Any, str]:
    """Titles of the live pages translated into ``language``, by translation key."""
    from wagtail.models import Page

    pages = Page.objects.live().filter(locale__language_code=language)
    return dict(pages.values_list("translation_key", "title"))


class TranslatedTitles:
    """Choosers that name each page in the counsellor's language where it is translated."""

    titles: dict[Any, str] = {}

    def label_from_instance(self, obj: Any) -> str:
        return self.titles.get(obj.translation_key, obj.title)


class PageChoiceField(TranslatedTitles, forms.ModelChoiceField):
    pass


class PageMultipleChoiceField(TranslatedTitles, forms.ModelMultipleChoiceField):
    pass


class PrintPackForm(forms.Form):
    """Its kinds, and the fields choosing their pages, come from the printable documents."""

    kind = forms.ChoiceField(label=_("What to print"), widget=forms.RadioSelect)
    locale = forms.ChoiceField(label=_("Language"), choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    paper = forms.ChoiceField(label=_("Paper"), choices=[(size, size) for size in PAPER_SIZES])
    answer_key = forms.BooleanField(
        label=_("Add the answer key (for you, not for learners)"), required=False
    )
    good_practices = forms.BooleanField(
        label=_("Add the e-library sheets of related good practices"), required=False
    )

    def __init__(self, *args: Any, may_print_answer_key: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        documents = document_kinds()
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(document.kind, document.offer) for document in documents]
        titles = _titles_in(content_language())
        self.target_fields: dict[str, str] = {}
        for document in documents:
            name = document.target_field
            if name is None:
                continue
            self.target_fields[document.kind] = name
            if name not in self.fields:
                self.fields[name] = _target_field(document, titles)
        self.order_fields(["kind", *self.target_fields.values()])
        if not may_print_answer_key:
            del self.fields["answer_key"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        field = self.target_fields.get(cleaned.get("kind", ""))
        chosen = cleaned.get(field) if field else None
        if field and not chosen:
            self.add_error(field, _("Choose what to print."))
        if isinstance(chosen, QuerySet | list):
            cleaned["targets"] = [page.pk for page in chosen]
        else:
            cleaned["targets"] = [chosen.pk] if chosen else []
        return cleaned

    def options(self) -> PrintOptions:
        data = self.cleaned_data
        return PrintOptions(
            paper=data["paper"],
            answer_key=bool(data.get("answer_key")),
            good_practices=bool(data.get("good_practices")),
        )

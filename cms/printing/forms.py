"""The "Printable packs" form: what to print, in which language, with which options."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.core.admin_languages import content_language
from cms.guide.models import InfographicPage
from cms.modules.models import CategoryPage, ModulePage, PathwayPage

from .documents import PAPER_SIZES, PrintOptions, source_locale

KINDS = [
    ("module", _("One e-module (a handout)")),
    ("category", _("A category")),
    ("pathway", _("An intern pathway")),
    ("selection", _("E-modules I choose")),
    ("library", _("The e-library catalogue")),
    ("poster", _("An infographic, as a poster")),
    ("guide", _("The learning guide")),
]
TARGET_FIELD = {
    "module": "module",
    "category": "category",
    "pathway": "pathway",
    "selection": "modules",
    "poster": "infographic",
}
"""Which field names the pages of each kind; the e-library and the guide need none."""


def _live(model: type) -> Any:
    return model.objects.live().filter(locale=source_locale()).order_by("path")


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
    kind = forms.ChoiceField(label=_("What to print"), choices=KINDS, widget=forms.RadioSelect)
    module = PageChoiceField(
        queryset=ModulePage.objects.none(), required=False, label=_("E-module")
    )
    category = PageChoiceField(
        queryset=CategoryPage.objects.none(), required=False, label=_("Category")
    )
    pathway = PageChoiceField(
        queryset=PathwayPage.objects.none(), required=False, label=_("Intern pathway")
    )
    modules = PageMultipleChoiceField(
        queryset=ModulePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("E-modules"),
    )
    infographic = PageChoiceField(
        queryset=InfographicPage.objects.none(), required=False, label=_("Infographic")
    )
    locale = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    paper = forms.ChoiceField(label=_("Paper"), choices=[(size, size) for size in PAPER_SIZES])
    answer_key = forms.BooleanField(
        label=_("Add the answer key (for you, not for learners)"), required=False
    )
    good_practices = forms.BooleanField(
        label=_("Add the e-library sheets of related good practices"), required=False
    )

    def __init__(self, *args: Any, may_print_answer_key: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        titles = _titles_in(content_language())
        for name, model in [
            ("module", ModulePage),
            ("category", CategoryPage),
            ("pathway", PathwayPage),
            ("modules", ModulePage),
            ("infographic", InfographicPage),
        ]:
            self.fields[name].queryset = _live(model)
            self.fields[name].titles = titles
        if not may_print_answer_key:
            del self.fields["answer_key"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        field = TARGET_FIELD.get(cleaned.get("kind", ""))
        chosen = cleaned.get(field) if field else None
        if field and not chosen:
            self.add_error(field, _("Choose what to print."))
        if field == "modules":
            cleaned["targets"] = [page.pk for page in chosen or []]
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

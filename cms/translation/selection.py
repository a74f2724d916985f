"""Which pages a bulk translation job covers: a category, a pathway or the whole catalogue."""

from django.conf import settings
from wagtail.models import Page

from cms.modules.models import CategoryPage, ModulePage, PathwayPage


class UnknownSelection(ValueError):
    pass


def source_pages(selection: str) -> list[Page]:
    """``all``, ``category:<slug>`` or ``pathway:<slug>`` → English pages, specific."""
    english = {"locale__language_code": settings.LANGUAGE_CODE}
    kind, _, slug = selection.partition(":")
    if kind == "all":
        home = Page.objects.get(depth=2, **english)
        return list(home.get_descendants(inclusive=True).filter(**english).specific())
    if kind == "category":
        category = CategoryPage.objects.filter(slug=slug, **english).first()
        if category is None:
            raise UnknownSelection(f"no category “{slug}”")
        return [category, *ModulePage.objects.child_of(category).specific()]
    if kind == "pathway":
        pathway = PathwayPage.objects.filter(slug=slug, **english).first()
        if pathway is None:
            raise UnknownSelection(f"no pathway “{slug}”")
        modules = [
            link.module.specific for link in pathway.pathway_modules.select_related("module")
        ]
        return [pathway, *modules]
    raise UnknownSelection(f"choose all, category:<slug> or pathway:<slug>, not “{selection}”")

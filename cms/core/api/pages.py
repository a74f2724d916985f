"""Page-backed and snippet-backed items of the API in the asked locale.

Which version is served (translation or source, with ``fallback``) is decided by
``cms.core.locales``; the API serializes the object served, which carries that decision as
``localization`` (a ``Localized``: stable id, locale, fallback, translations) for the item
serializers to read, and ``api_parts`` (which fields and blocks are really in the asked
locale, see ``cms.core.translated_parts``).
"""

from collections.abc import Sequence
from typing import Any

from django.db.models import Model, QuerySet
from wagtail.models import Page

from cms.core.locales import Localized, localize, localize_draft, localize_snippets
from cms.core.translated_parts import translated_parts


def _served(result: Localized) -> Any:
    result.item.localization = result
    return result.item


def localise(sources: Sequence[Page], locale: str, translated_queryset: QuerySet) -> list[Any]:
    """``sources`` (source-locale pages) as served in ``locale``, each with its ``localization``.

    ``translated_queryset`` is the prepared queryset (select/prefetch) that loads translations,
    so translated items carry the same related data as the sources.
    """
    served = [_served(result) for result in localize(sources, locale, translated_queryset)]
    for page, parts in zip(served, translated_parts(served, locale), strict=True):
        page.api_parts = parts  # which fields and blocks are really in ``locale``
    return served


def localise_draft(page: Page) -> Any:
    """A draft (headless preview) as the API would serve it once published: in its own locale."""
    served = _served(localize_draft(page))
    (served.api_parts,) = translated_parts([served], served.localization.lang, drafts=True)
    return served


class LocalisedSnippets:
    """Translatable snippets (partners, competences) in one locale, loaded once per response.

    Keyed by the primary key of the source-locale instance, which is also their API id.
    """

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._loaded: dict[type, dict[int, Any]] = {}

    def of(self, model: type[Model]) -> dict[int, Any]:
        if model not in self._loaded:
            self._loaded[model] = {
                pk: _served(result) for pk, result in localize_snippets(model, self.locale).items()
            }
        return self._loaded[model]

    def get(self, model: type[Model], source_pk: int | None) -> Any:
        return self.of(model).get(source_pk) if source_pk is not None else None

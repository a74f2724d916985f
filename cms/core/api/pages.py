"""Page-backed items in the asked locale: stable ids, translations, and fallback to the source.

Every item is identified by the primary key of its source-locale (English) page, the same in
every locale. Asked for another locale, the API serves the translation if one is *really* there,
live and not an alias; otherwise the source page with ``fallback: true`` (wagtail-localize aliases
show source text under a translated address, mozilla/bedrock #15063, so they count as missing).

``localise`` works on a whole list at once with a fixed number of queries and sets on each page
it returns: ``api_id``, ``api_locale``, ``api_fallback``, ``api_translations``, ``api_source``
and ``api_parts`` (which fields and blocks are really in the asked locale, see
``cms.core.translated_parts``).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Model, QuerySet
from wagtail.models import Page, TranslatableMixin

from cms.core.translated_parts import translated_parts

from .locales import locale_codes, source_locale_code


def real_translations(keys: Iterable[Any]) -> dict[Any, list[tuple[str, str]]]:
    """For each translation key, the (locale, slug) of every live page that is not an alias."""
    order = {code: position for position, code in enumerate(locale_codes())}
    found: dict[Any, list[tuple[str, str]]] = defaultdict(list)
    rows = Page.objects.filter(
        translation_key__in=list(keys), live=True, alias_of__isnull=True
    ).values_list("translation_key", "locale__language_code", "slug")
    for key, code, slug in rows:
        found[key].append((code, slug))
    for entries in found.values():
        entries.sort(key=lambda entry: order.get(entry[0], len(order)))
    return found


def _annotate(
    page: Any, source: Any, locale: str, fallback: bool, existing: list[tuple[str, str]]
) -> Any:
    page.api_id = source.pk
    page.api_source = source
    page.api_locale = locale
    page.api_fallback = fallback
    page.api_translations = [
        {"locale": code, "slug": slug} for code, slug in existing if code != locale
    ]
    return page


def localise(sources: Sequence[Page], locale: str, translated_queryset: QuerySet) -> list[Any]:
    """``sources`` (source-locale pages) as served in ``locale``.

    ``translated_queryset`` is the prepared queryset (select/prefetch) that loads translations,
    so translated items carry the same related data as the sources.
    """
    source_code = source_locale_code()
    keys = [source.translation_key for source in sources]
    translated: dict[Any, Any] = {}
    if locale != source_code and keys:
        translated = {
            page.translation_key: page
            for page in translated_queryset.filter(
                translation_key__in=keys,
                locale__language_code=locale,
                live=True,
                alias_of__isnull=True,
            )
        }
    existing = real_translations(keys) if keys else {}
    served = []
    for source in sources:
        page = translated.get(source.translation_key)
        if page is None:
            served.append(
                _annotate(
                    source,
                    source,
                    source_code,
                    locale != source_code,
                    existing[source.translation_key],
                )
            )
        else:
            served.append(_annotate(page, source, locale, False, existing[source.translation_key]))
    for page, parts in zip(served, translated_parts(served, locale), strict=True):
        page.api_parts = parts
    return served


def localise_draft(page: Page) -> Page:
    """A draft (headless preview) as the API would serve it once published: in its own locale."""
    code = page.locale.language_code
    source = page
    if code != source_locale_code() and page.translation_key:
        source = (
            type(page)
            .objects.filter(
                translation_key=page.translation_key, locale__language_code=source_locale_code()
            )
            .first()
            or page
        )
    existing = real_translations([page.translation_key]) if page.translation_key else {}
    page = _annotate(page, source, code, False, existing.get(page.translation_key, []))
    (page.api_parts,) = translated_parts([page], code, drafts=True)
    return page


class LocalisedSnippets:
    """Translatable snippets (partners, competences) in one locale, loaded once per response.

    Keyed by the primary key of the source-locale instance, which is also their API id; an
    instance not translated into the locale is the source one, with ``api_fallback`` set.
    """

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._loaded: dict[type, dict[int, Any]] = {}

    def of(self, model: type[Model]) -> dict[int, Any]:
        if model not in self._loaded:
            self._loaded[model] = self._load(model)
        return self._loaded[model]

    def get(self, model: type[Model], source_pk: int | None) -> Any:
        return self.of(model).get(source_pk) if source_pk is not None else None

    def _load(self, model: type[Model]) -> dict[int, Any]:
        assert issubclass(model, TranslatableMixin)
        source_code = source_locale_code()
        rows = list(
            model.objects.filter(
                locale__language_code__in={self.locale, source_code}
            ).select_related("locale")
        )
        by_key: dict[Any, dict[str, Any]] = defaultdict(dict)
        for row in rows:
            by_key[row.translation_key][row.locale.language_code] = row
        result = {}
        for versions in by_key.values():
            source = versions.get(source_code)
            if source is None:
                continue
            instance = versions.get(self.locale, source)
            instance.api_id = source.pk
            instance.api_locale = instance.locale.language_code
            instance.api_fallback = instance is source and self.locale != source_code
            result[source.pk] = instance
        return result

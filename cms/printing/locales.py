"""Which version of a page to print: its published translation, or else its source.

Translations may not exist yet for every page and locale. The document is then printed in the
locale asked for (interface labels, direction) while the untranslated parts are printed from the
source and marked with their own language and direction, so screen readers and hyphenation
treat them correctly. Aliases (wagtail-localize's untranslated copies) count as untranslated.
A published translation may itself still hold source text in some fields or blocks (partners
publish half-translated modules): which ones, ``cms.core.translated_parts`` says, the same
answer the content API gives; ``Localized.lang_of`` passes it on to the templates.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

from cms.core.api.locales import direction_of
from cms.core.translated_parts import TranslatedParts, translated_parts

__all__ = ["Localized", "direction_of", "localize_many"]

_BLOCK_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class Localized:
    page: Page
    """What is printed: the published translation, or the source page."""
    source: Page
    fallback: bool
    lang: str
    parts: TranslatedParts | None = None
    """Which parts of a translation still show the source text; None: all in ``lang``."""

    @property
    def direction(self) -> str:
        return direction_of(self.lang)

    def lang_of(self, part: str) -> str:
        """The language ``part`` is printed in: a field's name (``"summary"``), a path into it
        or a StreamField block's id."""
        if self.parts is None:
            return self.lang
        if _BLOCK_ID.match(part):
            return self.parts.block_locale(part)
        return self.parts.locale_of(part)

    def dir_of(self, part: str) -> str:
        return direction_of(self.lang_of(part))


def localize_many(sources: list[Page], locale: str) -> list[Localized]:
    """``sources`` (specific source-locale pages) in ``locale``, in order, in one query per type."""
    by_model: dict[type[Page], list[Page]] = defaultdict(list)
    for source in sources:
        by_model[type(source)].append(source)
    translated: dict[tuple[type[Page], object], Page] = {}
    for model, pages in by_model.items():
        if locale == settings.LANGUAGE_CODE:
            continue
        found = model.objects.live().filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=locale,
            alias_of__isnull=True,
        )
        translated.update({(model, page.translation_key): page for page in found})
    found = list(dict.fromkeys(translated.values()))
    parts = dict(zip(map(id, found), translated_parts(found, locale), strict=True))
    result = []
    for source in sources:
        page = translated.get((type(source), source.translation_key))
        if locale == settings.LANGUAGE_CODE:
            result.append(Localized(source, source, fallback=False, lang=locale))
        elif page is None:
            result.append(Localized(source, source, fallback=True, lang=settings.LANGUAGE_CODE))
        else:
            result.append(
                Localized(page, source, fallback=False, lang=locale, parts=parts[id(page)])
            )
    return result

"""Which parts of a page, served for a locale, are in that locale and which are still in the source.

The one answer to "is this block / this field translated?" for everything that shows a page in a
language (the content API marks each part's ``locale``; printing sets ``lang`` and ``dir``).

The signal is wagtail-localize's own record, which every way of translating goes through (the
translators' editor, PO files, machine translation, the catalogue loader): the page's
``TranslationSource`` lists its translatable text as ``StringSegment`` rows, one per string and
context path (``title``, ``summary``, ``body.<block id>.…``); a ``StringTranslation`` in the
locale, without error and already there when the translated page was last published, means the
served page shows that string translated. Anything else still shows the source text: a segment
nobody translated, a translation saved after the last publication (not live yet), or the whole
page when the source is served as a fallback. Synchronised fields (colours, durations, chosen
images, codes) are not text, and the slug and search-engine fields are not shown on the page,
so none of them is counted.

A translated page with no ``TranslationSource`` was written by hand in its locale, so it counts as
wholly translated.
"""

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

# Page fields that address or describe the page for search engines: not text a reader sees there.
_NOT_SHOWN = {"slug", "seo_title", "search_description"}
_BLOCK_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class PartState(StrEnum):
    TRANSLATED = "translated"
    """Every string of the part is in the asked language (or the part has no text)."""
    SOURCE = "source"
    """Every string of the part is still in the source language."""
    PARTIAL = "partial"
    """Some strings are translated, some are not."""


@dataclass(frozen=True)
class _Count:
    total: int = 0
    translated: int = 0

    def add(self, translated: bool) -> "_Count":
        return _Count(self.total + 1, self.translated + int(translated))

    @property
    def state(self) -> PartState:
        if self.translated == self.total:
            return PartState.TRANSLATED
        return PartState.SOURCE if self.translated == 0 else PartState.PARTIAL


@dataclass(frozen=True)
class TranslatedParts:
    """The languages of one page's parts as served for ``asked``.

    Parts are named by their context path: a field (``"summary"``), a StreamField block
    (``"body.<block id>"``) or anything deeper; ``block()`` finds a block by its id alone.
    """

    asked: str
    source: str
    _counts: dict[str, _Count] = field(default_factory=dict)
    _block_paths: dict[str, str] = field(default_factory=dict)
    _everything: _Count = field(default_factory=_Count)

    @property
    def completeness(self) -> int:
        """Percent (0–100) of the page's translatable strings served in the asked language."""
        if self._everything.total == 0:
            return 100
        return round(100 * self._everything.translated / self._everything.total)

    def state(self, path: str) -> PartState:
        if not self._counts:  # no segment record: the page is in one language
            return self._everything.state
        count = self._counts.get(path)
        # No text there: nothing to translate, nothing in another language.
        return count.state if count else PartState.TRANSLATED

    def has_text(self, path: str) -> bool:
        """Whether the part holds any translatable text at all."""
        return path in self._counts

    def locale_of(self, path: str) -> str:
        """The language a reader sees in that part: the asked one only if wholly translated.

        A part partly translated still shows source-language text, so it is marked with the
        source locale; ``state()`` tells the two cases apart.
        """
        return self.asked if self.state(path) is PartState.TRANSLATED else self.source

    def block(self, block_id: str) -> PartState:
        """The state of a StreamField block (at any depth) given its id."""
        path = self._block_paths.get(block_id)
        return self.state(path) if path else self.state("")

    def block_locale(self, block_id: str) -> str:
        return self.asked if self.block(block_id) is PartState.TRANSLATED else self.source

    def untranslated_fields(self) -> dict[str, str]:
        """Top-level fields not wholly in the asked language → the source locale.

        Empty for a page without a segment record (``whole``): ask ``state()`` there.
        """
        return {
            path: self.source
            for path, count in sorted(self._counts.items())
            if "." not in path and count.state is not PartState.TRANSLATED
        }

    @classmethod
    def build(cls, asked: str, source: str, segments: list[tuple[str, bool]]) -> "TranslatedParts":
        counts: dict[str, _Count] = defaultdict(_Count)
        block_paths: dict[str, str] = {}
        everything = _Count()
        for path, translated in segments:
            everything = everything.add(translated)
            parts = path.split(".")
            for depth in range(1, len(parts) + 1):
                prefix = ".".join(parts[:depth])
                counts[prefix] = counts[prefix].add(translated)
                if _BLOCK_ID.match(parts[depth - 1]):
                    block_paths[parts[depth - 1]] = prefix
        return cls(asked, source, dict(counts), block_paths, everything)

    @classmethod
    def whole(cls, asked: str, source: str, translated: bool) -> "TranslatedParts":
        """A page with no segment record: all in one language."""
        everything = _Count(1, int(translated))
        return cls(asked, source, {}, {}, everything)


def translated_parts(
    served: Sequence[Page], asked: str, *, drafts: bool = False
) -> list[TranslatedParts]:
    """For each served page (the source, or its translation into ``asked``), its parts' languages.

    ``drafts``: the pages are their latest drafts (preview), which hold every translation saved
    so far, published or not. Four queries for any number of pages.
    """
    source_code = settings.LANGUAGE_CODE
    if not served:
        return []
    if asked == source_code:
        return [TranslatedParts.whole(asked, source_code, True) for _page in served]
    locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
    keys = [page.translation_key for page in served]
    sources = dict(
        TranslationSource.objects.filter(object_id__in=keys).values_list("object_id", "pk")
    )
    segments: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for source_id, string_id, context_id, path in StringSegment.objects.filter(
        source_id__in=sources.values()
    ).values_list("source_id", "string_id", "context_id", "context__path"):
        if path.split(".")[0] in _NOT_SHOWN:
            continue
        segments[source_id].append((string_id, context_id, path))
    asked_locale = next((pk for pk, code in locale_codes.items() if code == asked), None)
    done: dict[tuple[int, int], datetime] = {
        (string_id, context_id): created
        for string_id, context_id, created in StringTranslation.objects.filter(
            context__object_id__in=keys, locale_id=asked_locale, has_error=False
        ).values_list("translation_of_id", "context_id", "created_at")
    }
    result = []
    for page in served:
        in_asked = locale_codes.get(page.locale_id) == asked
        source_id = sources.get(page.translation_key)
        if source_id is None:
            result.append(TranslatedParts.whole(asked, source_code, in_asked))
            continue
        published = None if drafts else page.last_published_at
        result.append(
            TranslatedParts.build(
                asked,
                source_code,
                [
                    (path, in_asked and _live(done.get((string_id, context_id)), published))
                    for string_id, context_id, path in segments[source_id]
                ],
            )
        )
    return result


def _live(created: datetime | None, published: datetime | None) -> bool:
    """A translation shows on the page only if it existed when the page was last published.

    ``published`` is None for drafts, which show every translation saved.
    """
    return created is not None and (published is None or created <= published)


def parts_of(page: Any, asked: str) -> TranslatedParts:
    """One page's parts (see ``translated_parts``)."""
    return translated_parts([page], asked)[0]

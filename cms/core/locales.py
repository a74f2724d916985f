"""The content locales, in one place: which they are, the source, each one's direction, which one
a client asks for, and which version of a page or snippet is served in a locale.

Everything that speaks of a content locale (the API, printing, certificates, learners, the
translation report) asks this module, so a client's ``ar-MA`` or ``prs`` means the same
everywhere and a missing translation falls back to the source the same way everywhere.

Negotiation: an explicit ``?locale=`` wins; it may be a region tag (``pt-BR``) or an alias
(``prs``) of a content locale, anything else is an error (``UnknownLocale``). Without it,
``Accept-Language`` is a wish: its best acceptable match (q-values honoured, ``q=0`` meaning
"not this one"), else the source locale.

Fallback: a page is served in the asked locale if a live translation that is not an alias
(wagtail-localize's untranslated copy, mozilla/bedrock #15063) exists; otherwise its source,
flagged ``fallback``. A translation served may itself still hold source text in some fields or
blocks (partners publish half-translated modules): ``localize(…, parts=True)`` attaches which
ones (``cms.core.translated_parts``, the answer the content API gives too), and
``Localized.lang_of`` tells printing the language of each part.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language_info, gettext
from wagtail.models import Locale, Page, TranslatableMixin

from cms.core.translated_parts import TranslatedParts, translated_parts

LOCALE_PARAMETER = "locale"
"""The query parameter naming a content locale, everywhere in the API."""

ALIASES = {
    # Dari (Afghanistan) and Iranian Persian are served by our one Dari/Persian locale.
    "prs": "fa",
    "pes": "fa",
    # Spoken Arabic varieties whose speakers read Modern Standard Arabic, as CLDR's language
    # matching pairs them.
    "arb": "ar",
    "ars": "ar",
    "ary": "ar",
    "arz": "ar",
    "apc": "ar",
    "apd": "ar",
    "arq": "ar",
    "aeb": "ar",
    "shu": "ar",
    # ISO 639-2 codes some clients send.
    "fas": "fa",
    "per": "fa",
    "ara": "ar",
    "ukr": "uk",
    "tur": "tr",
    "fra": "fr",
    "fre": "fr",
    "nld": "nl",
    "dut": "nl",
    "por": "pt",
    "eng": "en",
}
"""Language tags that are not content locale codes but mean one of them."""

_BLOCK_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

MAX_HEADER_LENGTH = 500
"""Longer ``Accept-Language`` headers are cut: no browser sends more, and parsing is linear."""


@dataclass(frozen=True)
class ContentLocale:
    code: str
    name: str
    direction: str


@dataclass(frozen=True)
class Translation:
    """A locale an item really exists in, and its slug there."""

    locale: str
    slug: str


class UnknownLocale(ValueError):
    """A locale asked for explicitly that is not a content locale."""

    def __init__(self, asked: str) -> None:
        self.asked = asked
        self.valid = locale_codes()
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return gettext("“%(asked)s” is not a locale of this catalogue; use one of %(valid)s.") % {
            "asked": self.asked,
            "valid": ", ".join(self.valid),
        }


# What the locales are.


def source_locale_code() -> str:
    return settings.LANGUAGE_CODE


def locale_codes() -> list[str]:
    """Every content locale code, the source first, in the order of settings."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def direction_of(code: str) -> str:
    return "rtl" if code in settings.LANGUAGES_BIDI else "ltr"


def content_locales() -> list[ContentLocale]:
    return [
        # Each under its own name (settings.LANGUAGES), not the admin reader's name for it.
        ContentLocale(code=code, name=name, direction=direction_of(code))
        for code, name in settings.LANGUAGES
        if code in locale_codes()
    ]


def source_locale() -> Locale:
    return Locale.objects.get(language_code=source_locale_code())


def target_locales() -> list[Locale]:
    """The Wagtail locales content is translated into, in the order of settings."""
    codes = locale_codes()
    locales = Locale.objects.filter(language_code__in=codes).exclude(
        language_code=source_locale_code()
    )
    return sorted(locales, key=lambda locale: codes.index(locale.language_code))


def ensure_content_locales(**kwargs: object) -> None:
    """One Wagtail Locale per content language in settings, so adding a language is config only."""
    for code in locale_codes():
        Locale.objects.get_or_create(language_code=code)


def language_name(locale: Locale) -> str:
    """The language's name in English, for admins (group and workflow names)."""
    code = locale.language_code
    if code == "fa":
        return "Dari / Persian"
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


# Which one a client asks for.


def content_locale(tag: str) -> str | None:
    """The content locale a language tag means (``ar-MA`` → ``ar``, ``prs`` → ``fa``), if any."""
    tag = tag.strip().lower().replace("_", "-")
    codes = locale_codes()
    language = tag.split("-")[0]
    for candidate in (tag, language):
        code = ALIASES.get(candidate, candidate)
        if code in codes:
            return code
    return None


def require_content_locale(asked: str) -> str:
    """The content locale ``asked`` names; raises ``UnknownLocale`` if it names none."""
    code = content_locale(asked)
    if code is None:
        raise UnknownLocale(asked)
    return code


def _weighted_tags(header: str) -> list[tuple[str, float]]:
    """``Accept-Language`` as (tag, q) pairs; entries with a malformed q-value are skipped."""
    entries = []
    for part in header[:MAX_HEADER_LENGTH].split(","):
        tag, *parameters = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if tag and 0.0 <= quality <= 1.0:
            entries.append((tag, quality))
    return entries


def from_accept_language(header: str) -> str | None:
    """The content locale ``Accept-Language`` prefers, or None if it accepts none of them."""
    entries = _weighted_tags(header)
    refused = {content_locale(tag) for tag, quality in entries if quality == 0.0}
    wanted = sorted((entry for entry in entries if entry[1] > 0.0), key=lambda e: -e[1])
    for tag, _quality in wanted:
        if tag == "*":
            return next((code for code in locale_codes() if code not in refused), None)
        code = content_locale(tag)
        if code is not None and code not in refused:
            return code
    return None


def negotiate(asked: str | None, accept_language: str = "") -> str:
    """The content locale of a request: ``?locale=`` (``asked``), else the header, else the source.

    Raises ``UnknownLocale`` when ``asked`` is given but names no content locale.
    """
    if asked is not None:
        return require_content_locale(asked)
    return (accept_language and from_accept_language(accept_language)) or source_locale_code()


# Which version is served.

T = TypeVar("T", bound=TranslatableMixin)


@dataclass(frozen=True)
class Localized(Generic[T]):
    """A page or snippet as served in a locale: its translation, or else its source."""

    item: T
    """What is served: the live translation, or the source."""
    source: T
    lang: str
    """The locale of what is served (the source locale on fallback)."""
    fallback: bool
    """True when the asked locale has no real translation and the source is served."""
    translations: list[Translation] = field(default_factory=list)
    """The other locales the item really exists in (pages only)."""
    parts: TranslatedParts | None = None
    """Which parts of a translation still show the source text; None: all in ``lang``."""

    @property
    def id(self) -> int:
        """The item's stable id: its source's primary key, the same in every locale."""
        return self.source.pk

    @property
    def page(self) -> T:
        """``item``, under the name print templates use for a page."""
        return self.item

    @property
    def direction(self) -> str:
        return direction_of(self.lang)

    def lang_of(self, part: str) -> str:
        """The language ``part`` is shown in: a field's name (``"summary"``), a path into it
        or a StreamField block's id."""
        if self.parts is None:
            return self.lang
        if _BLOCK_ID.match(part):
            return self.parts.block_locale(part)
        return self.parts.locale_of(part)

    def dir_of(self, part: str) -> str:
        return direction_of(self.lang_of(part))


def real_translations(keys: Iterable[Any]) -> dict[Any, list[Translation]]:
    """For each translation key, every live page of it that is not an alias, in locale order."""
    order = {code: position for position, code in enumerate(locale_codes())}
    found: dict[Any, list[Translation]] = defaultdict(list)
    rows = Page.objects.filter(
        translation_key__in=list(keys), live=True, alias_of__isnull=True
    ).values_list("translation_key", "locale__language_code", "slug")
    for key, code, slug in rows:
        found[key].append(Translation(code, slug))
    for entries in found.values():
        entries.sort(key=lambda entry: order.get(entry.locale, len(order)))
    return found


def localize(
    sources: Sequence[T],
    locale: str,
    translated: QuerySet | None = None,
    *,
    parts: bool = False,
) -> list[Localized[T]]:
    """``sources`` (source-locale pages) as served in ``locale``, in order, in a few queries.

    ``translated`` is the queryset that loads translations (with the select/prefetch the caller
    needs); by default each source's own model. ``parts``: attach each served translation's
    ``TranslatedParts`` (four more queries).
    """
    source_code = source_locale_code()
    keys = [source.translation_key for source in sources]
    found: dict[Any, Any] = {}
    if locale != source_code and keys:
        querysets = (
            [translated]
            if translated is not None
            else [model._default_manager.all() for model in {type(source) for source in sources}]
        )
        for queryset in querysets:
            for page in queryset.filter(
                translation_key__in=keys,
                locale__language_code=locale,
                live=True,
                alias_of__isnull=True,
            ):
                found[page.translation_key] = page
    existing = real_translations(keys) if keys else {}
    pages = list(dict.fromkeys(found.values()))
    parts_of = (
        dict(zip(map(id, pages), translated_parts(pages, locale), strict=True)) if parts else {}
    )
    served = []
    for source in sources:
        page = found.get(source.translation_key)
        lang = source_code if page is None else locale
        served.append(
            Localized(
                item=source if page is None else page,
                source=source,
                lang=lang,
                fallback=page is None and locale != source_code,
                translations=[
                    entry
                    for entry in existing.get(source.translation_key, [])
                    if entry.locale != lang
                ],
                parts=None if page is None else parts_of.get(id(page)),
            )
        )
    return served


def localize_draft(page: Page) -> Localized[Page]:
    """A draft (headless preview) as it will be served once published: in its own locale."""
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
    translations = [e for e in existing.get(page.translation_key, []) if e.locale != code]
    return Localized(page, source, code, fallback=False, translations=translations)


def localize_snippets(model: type[T], locale: str) -> dict[int, Localized[T]]:
    """Every instance of a translatable snippet in ``locale``, keyed by its source's pk."""
    source_code = source_locale_code()
    by_key: dict[Any, dict[str, Any]] = defaultdict(dict)
    rows = model._default_manager.filter(
        locale__language_code__in={locale, source_code}
    ).select_related("locale")
    for row in rows:
        by_key[row.translation_key][row.locale.language_code] = row
    result: dict[int, Localized[T]] = {}
    for versions in by_key.values():
        source = versions.get(source_code)
        if source is None:
            continue
        item = versions.get(locale, source)
        result[source.pk] = Localized(
            item=item,
            source=source,
            lang=item.locale.language_code,
            fallback=item is source and locale != source_code,
        )
    return result

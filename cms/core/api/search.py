"""Site-wide search through Wagtail's search backend (the database backend here, PostgreSQL's
full text search in production), over every published page type of the API and the snippets.

A query is run on the asked locale and on the source locale; every hit is then served like any
other item: in the asked locale where a real translation exists, else from the source with
``fallback: true``. A hit on both the source and its translation counts once.
"""

import re
from typing import Any

from django.db.models import Model
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from cms.core.locales import localize, source_locale_code

from .canonical import item_url
from .problems import BadParameter
from .registry import page_type_for_model, page_types

MAX_QUERY_LENGTH = 200
MAX_WORDS = 20
WORD = re.compile(r"[^\W_]+")
MAX_HITS = 200
SNIPPET_TYPES: list[tuple[type[Model], str, str]] = []
"""(model, API type, detail URL name) of each searchable snippet, registered at start-up."""


def register_snippet_type(model: type[Model], type_name: str, url_name: str) -> None:
    SNIPPET_TYPES.append((model, type_name, url_name))


def clean_query(raw: str | None) -> str:
    """The words of the query (possibly none): punctuation and symbols find nothing here, and
    full-text engines would read quotes, operators or control characters as syntax."""
    if raw is None or not raw.strip():
        raise BadParameter("q", gettext("give the words to search for."))
    if len(raw) > MAX_QUERY_LENGTH:
        raise BadParameter(
            "q",
            ngettext(
                "at most %(count)s character.", "at most %(count)s characters.", MAX_QUERY_LENGTH
            )
            % {"count": MAX_QUERY_LENGTH},
        )
    return " ".join(WORD.findall(raw)[:MAX_WORDS])


def _locale_ids(locale: str) -> list[int]:
    codes = {locale, source_locale_code()}
    return list(Locale.objects.filter(language_code__in=codes).values_list("pk", flat=True))


def _page_hits(query: str, locale: str) -> list[dict[str, Any]]:
    models = [page_type.model for page_type in page_types()]
    pages = Page.objects.live().type(*models).filter(locale_id__in=_locale_ids(locale))
    hits = list(pages.search(query, operator="or")[:MAX_HITS])
    keys = list(dict.fromkeys(hit.translation_key for hit in hits))
    if not keys:
        return []
    sources = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys,
            alias_of__isnull=True,
            locale__language_code=source_locale_code(),
        )
    }
    found = [sources[key] for key in keys if key in sources]
    results = []
    for served in localize(found, locale, Page.objects.all()):
        page_type = page_type_for_model(content_type_id=served.source.content_type_id)
        if page_type is None:
            continue
        results.append(
            {
                "type": page_type.name,
                "id": served.id,
                "slug": served.item.slug,
                "locale": served.lang,
                "title": served.item.title,
                "translations": served.translations,
                "last_published_at": served.item.last_published_at,
                "fallback": served.fallback,
                "url": item_url(page_type.name, served.id, served.item.slug, served.lang),
                "api_url": reverse(page_type.url_name, kwargs=page_type.url_kwargs(served.id)),
            }
        )
    return results


def _snippet_hits(query: str, locale: str, snippets: Any) -> list[dict[str, Any]]:
    backend = get_search_backend()
    results = []
    for model, type_name, url_name in SNIPPET_TYPES:
        served = snippets.of(model)
        hit_keys = {hit.translation_key for hit in backend.search(query, model, operator="or")}
        for item in served.values():
            if item.translation_key not in hit_keys:
                continue
            try:
                api_url = reverse(url_name, kwargs={"id": item.localization.id})
            except NoReverseMatch:
                continue
            results.append(
                {
                    "type": type_name,
                    "id": item.localization.id,
                    "slug": item.slug,
                    "locale": item.localization.lang,
                    "title": item.name,
                    "translations": [],
                    "last_published_at": None,
                    "fallback": item.localization.fallback,
                    "url": item_url(
                        type_name, item.localization.id, item.slug, item.localization.lang
                    ),
                    "api_url": api_url,
                }
            )
    return results


def search(query: str, locale: str, snippets: Any) -> list[dict[str, Any]]:
    if not query:
        return []
    return _page_hits(query, locale) + _snippet_hits(query, locale, snippets)

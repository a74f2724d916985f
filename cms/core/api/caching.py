"""Low-bandwidth delivery of published content: a shared response cache, ETags and 304s.

Serialised responses are kept in the cache (Redis in production) under the host, path, query and
negotiated locale. Rather than finding and deleting the entries a change affects, every publish,
unpublish, move, delete or translation bumps one *generation* value (see ``invalidation``): an
entry built under an older generation is never served again. The entry and the generation are
read with one round trip. The generation's time is the ``Last-Modified`` of every response: the
content cannot have changed since.
"""

import hashlib
import time
import uuid
from dataclasses import dataclass
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import http_date, parse_http_date_safe
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.core.locales import LOCALE_PARAMETER, negotiate

GENERATION_KEY = "api:generation"
ENTRY_PREFIX = "api:response:"
ENTRY_TIMEOUT = 24 * 60 * 60
JSON_CONTENT_TYPE = "application/json"


def max_age() -> int:
    return getattr(settings, "API_CACHE_MAX_AGE", 60)


@dataclass(frozen=True)
class Generation:
    token: str
    changed_at: float


def _new_generation() -> str:
    return f"{uuid.uuid4().hex}:{time.time():.3f}"


def _parse_generation(value: str | None) -> Generation | None:
    if not value or ":" not in value:
        return None
    token, changed_at = value.split(":", 1)
    return Generation(token, float(changed_at))


def bump_generation() -> None:
    """Make every cached response stale (called when published content changes)."""
    cache.set(GENERATION_KEY, _new_generation(), timeout=None)


def _current_generation(stored: str | None) -> Generation:
    generation = _parse_generation(stored)
    if generation is None:
        value = _new_generation()
        cache.add(GENERATION_KEY, value, timeout=None)
        generation = _parse_generation(cache.get(GENERATION_KEY) or value)
    assert generation is not None
    return generation


def entry_key(request: HttpRequest) -> str:
    """Host, path, sorted query and, without ``?locale=``, the locale Accept-Language picks."""
    query = sorted((key, value) for key in request.GET for value in request.GET.getlist(key))
    locale = ""
    if LOCALE_PARAMETER not in request.GET:
        locale = negotiate(None, request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    identity = repr((request.get_host(), request.path, query, locale))
    return ENTRY_PREFIX + hashlib.blake2b(identity.encode(), digest_size=20).hexdigest()


def _etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _matches(request: HttpRequest, etag: str, last_modified: float) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag in tags or "*" in tags
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and int(last_modified) <= since


def _decorate(
    response: HttpResponse, etag: str, last_modified: float, language: str | None
) -> HttpResponse:
    if language:
        response["Content-Language"] = language
    if response.status_code == 304:
        del response["Content-Type"]  # no body, so no body type (RFC 9110 §15.4.5)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={max_age()}, stale-while-revalidate=300"
    response["Vary"] = "Accept-Language, Accept-Encoding"
    return response


def _from_entry(request: HttpRequest, entry: dict, generation: Generation) -> HttpResponse:
    if _matches(request, entry["etag"], generation.changed_at):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(entry["body"], content_type=JSON_CONTENT_TYPE)
    return _decorate(response, entry["etag"], generation.changed_at, entry.get("language"))


class CachedResponseMixin(APIView):
    """For DRF views of published content: serve GETs from the shared cache when possible."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        key = entry_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = _current_generation(found.get(GENERATION_KEY))
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation.token:
            return _from_entry(request, entry, generation)
        # DRF's dispatch answers with the Response that finalize_response made.
        response = cast(Response, super().dispatch(request, *args, **kwargs))
        if response.status_code != 200:
            return response
        response.render()
        entry = {
            "generation": generation.token,
            "etag": _etag(response.content),
            "body": response.content,
            "language": response.get("Content-Language"),
        }
        cache.set(key, entry, timeout=ENTRY_TIMEOUT)
        if _matches(request, entry["etag"], generation.changed_at):
            return _decorate(
                HttpResponse(status=304), entry["etag"], generation.changed_at, entry["language"]
            )
        return _decorate(response, entry["etag"], generation.changed_at, entry["language"])


def private_response(response: Any) -> Any:
    """Drafts (headless preview) are never stored by browsers or shared caches."""
    response["Cache-Control"] = "private, no-store"
    return response

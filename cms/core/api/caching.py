"""Low-bandwidth delivery of published content: a shared response cache, ETags and 304s.

Serialised responses are kept in the cache (Redis in production) under the host, path, query and
negotiated locale. Rather than finding and deleting the entries a change affects, every publish,
unpublish, move, delete or translation bumps one *generation* value (see ``invalidation``): an
entry built under an older generation is never served again. The generation is read before a
response is built and stored with it, so a response built from old data while another process
publishes carries the old generation and is never served either. The generation's time is the
``Last-Modified`` of every response: the content cannot have changed since.

Where the time goes on a cached request (profiled, see docs/benchmarks.md) decides the shape:

- ``CachedAPIMiddleware`` answers cached GETs early in the middleware stack, after the CORS,
  security and CSP headers but before sessions, CSRF, authentication, messages, URL resolution
  and DRF, none of which a stored public response needs;
- each process keeps the entries it served in a bounded local copy (``LocalEntries``), and knows
  the current generation from Redis's announcements (``generation.watch``), so a cached request
  needs no round trip to Redis at all; a local entry is served only if its generation is the
  current one;
- the gzipped body is made once, when the entry is stored, not by ``GZipMiddleware`` at every
  request. No random padding against BREACH is added: a stored response holds no secret and
  reflects nothing from the request.

``CachedResponseMixin`` stores what the views build (and answers itself for requests the
middleware leaves, such as those carrying credentials).
"""

import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.gzip import re_accepts_gzip
from django.utils.http import http_date, parse_http_date_safe
from django.utils.text import compress_string
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.core.locales import LOCALE_PARAMETER, negotiate

from .generation import GENERATION_KEY, Generation, generation_from, watch

# Entries are pickled ``Entry`` objects: change the version with their shape or module, so that
# entries of another format are never read ("v2": the first with a gzipped body).
ENTRY_PREFIX = "api:response:v2:"
ENTRY_TIMEOUT = 24 * 60 * 60
JSON_CONTENT_TYPE = "application/json"
CACHED_PATH_PREFIX = "/api/v1/"
# GZipMiddleware leaves shorter bodies alone; so do stored entries, for the same headers.
GZIP_MIN_LENGTH = 200
_GENERATION_ATTRIBUTE = "_api_cache_generation"
# What the view says about a response, as opposed to what ``_decorate`` and the middleware add.
STORED_HEADERS = ("Content-Language", "Allow")


def max_age() -> int:
    return getattr(settings, "API_CACHE_MAX_AGE", 60)


@dataclass(frozen=True)
class Entry:
    """A stored response: its body, plain and gzipped (None when gzip would not shrink it)."""

    generation: str
    etag: str
    body: bytes
    gzipped: bytes | None
    headers: tuple[tuple[str, str], ...]
    """Those of ``STORED_HEADERS`` the view gave it."""

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


class LocalEntries:
    """This process's copy of the entries it served, least recently used dropped first.

    Bounded by the bytes of the bodies it holds (``API_LOCAL_CACHE_BYTES``). Shared by the
    threads of a worker, hence the lock. It only saves transfers: whether an entry may be served
    is still decided by the generation read from the shared cache at every request.
    """

    def __init__(self) -> None:
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        limit = settings.API_LOCAL_CACHE_BYTES
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= old.size
            if entry.size > limit:
                return
            self._entries[key] = entry
            self._size += entry.size
            while self._size > limit:
                _key, dropped = self._entries.popitem(last=False)
                self._size -= dropped.size

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0

    @property
    def size(self) -> int:
        return self._size


local_entries = LocalEntries()


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


def _decorate(response: HttpResponse, etag: str, last_modified: float) -> HttpResponse:
    if response.status_code == 304:
        del response["Content-Type"]  # no body, so no body type (RFC 9110 §15.4.5)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={max_age()}, stale-while-revalidate=300"
    response["Vary"] = "Accept-Language, Accept-Encoding"
    return response


def _from_entry(request: HttpRequest, entry: Entry, generation: Generation) -> HttpResponse:
    """The stored response, with the headers the whole middleware stack would have given it."""
    etag = entry.etag
    gzipped = entry.gzipped is not None and re_accepts_gzip.search(
        request.META.get("HTTP_ACCEPT_ENCODING", "")
    )
    if gzipped:
        etag = "W/" + etag  # as GZipMiddleware marks a compressed representation (RFC 9110 §8.8.1)
    if _matches(request, entry.etag, generation.changed_at):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(entry.gzipped if gzipped else entry.body)
        response["Content-Type"] = JSON_CONTENT_TYPE
        if gzipped:
            response["Content-Encoding"] = "gzip"
    # Set by CommonMiddleware and XFrameOptionsMiddleware on every other response; this one never
    # gets there.
    response["Content-Length"] = str(len(response.content))
    response["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY").upper()
    for name, value in entry.headers:
        response[name] = value
    return _decorate(response, etag, generation.changed_at)


def cached_response(request: HttpRequest) -> HttpResponse | None:
    """The stored response for this GET or HEAD if one of the current generation exists.

    At most one round trip to the shared cache: none when this process knows the generation
    (``generation.watch``) and holds the entry, else the entry, the generation, or both together.
    The generation used is kept on the request, for ``_store`` to label what the view builds next.
    """
    key = entry_key(request)
    entry = local_entries.get(key)
    known, epoch = watch.known()
    if known is not None:
        generation = known
        if entry is None or entry.generation != generation.token:
            entry = _shared_entry(key, generation)
    elif entry is not None:
        read_at = time.monotonic()
        generation = generation_from(cache.get(GENERATION_KEY), epoch, read_at)
        if entry.generation != generation.token:
            # Another process may already have built it for the new generation.
            entry = _shared_entry(key, generation)
    else:
        read_at = time.monotonic()
        found = cache.get_many([GENERATION_KEY, key])
        generation = generation_from(found.get(GENERATION_KEY), epoch, read_at)
        entry = found.get(key)
        if entry is not None and entry.generation == generation.token:
            local_entries.put(key, entry)
    setattr(request, _GENERATION_ATTRIBUTE, generation)
    if entry is None or entry.generation != generation.token:
        return None
    return _from_entry(request, entry, generation)


def _shared_entry(key: str, generation: Generation) -> Entry | None:
    entry = cache.get(key)
    if entry is not None and entry.generation == generation.token:
        local_entries.put(key, entry)
    return entry


def _store(request: HttpRequest, response: Response) -> Entry:
    generation: Generation = getattr(request, _GENERATION_ATTRIBUTE)
    body = response.content
    gzipped = compress_string(body) if len(body) >= GZIP_MIN_LENGTH else None
    entry = Entry(
        generation=generation.token,
        etag=_etag(body),
        body=body,
        gzipped=gzipped if gzipped is not None and len(gzipped) < len(body) else None,
        headers=tuple((name, response[name]) for name in STORED_HEADERS if name in response),
    )
    key = entry_key(request)
    cache.set(key, entry, timeout=ENTRY_TIMEOUT)
    local_entries.put(key, entry)
    return entry


class CachedAPIMiddleware:
    """Answer GETs of published content from the cache before the rest of the stack runs.

    Requests with credentials go on to their views: content views ignore credentials, and the
    learners' views, which need them, store nothing, so looking them up would only cost a trip.
    """

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if (
            request.method in ("GET", "HEAD")
            and request.path.startswith(CACHED_PATH_PREFIX)
            and "HTTP_AUTHORIZATION" not in request.META
        ):
            response = cached_response(request)
            if response is not None:
                return response
        return self.get_response(request)


class CachedResponseMixin(APIView):
    """For DRF views of published content: serve GETs from the shared cache, store the rest."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        if getattr(request, _GENERATION_ATTRIBUTE, None) is None:
            cached = cached_response(request)
            if cached is not None:
                return cached
        # DRF's dispatch answers with the Response that finalize_response made.
        response = cast(Response, super().dispatch(request, *args, **kwargs))
        if response.status_code != 200:
            return response
        response.render()
        entry = _store(request, response)
        generation: Generation = getattr(request, _GENERATION_ATTRIBUTE)
        if _matches(request, entry.etag, generation.changed_at):
            return _from_entry(request, entry, generation)
        return _decorate(response, entry.etag, generation.changed_at)


def private_response(response: Any) -> Any:
    """Drafts (headless preview) are never stored by browsers or shared caches."""
    response["Cache-Control"] = "private, no-store"
    return response

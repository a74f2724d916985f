"""A CDN in front of the API: which addresses a publication changes, and purging them.

The API's own cache is made stale as a whole by a new generation (``invalidation``); a CDN keeps
responses by address, so it is told which addresses changed. ``changed_urls`` answers that for a
page or a snippet shown by the API:

- the item's own detail address (by its stable source id, so one address for all its
  translations), and those of the pages that show it: its parent, if the API serves it (a
  category lists its modules), and the live pages that refer to it (Wagtail's reference index: a
  pathway that lists a module, the modules naming a partner or showing an image);
- every list of published content (each page type's and snippet type's list, and the lists the
  site assembly adds, like the catalogue): a title or a summary appears in several;

each without ``?locale=`` (what ``Accept-Language`` chooses; the CDN keys those variants itself)
and with ``?locale=`` for every content locale. Lists filtered or paged by a query, and search
results, are not enumerable: they expire with the API's ``max-age``.

The addresses are sent on commit through ``wagtail.contrib.frontend_cache`` to the backends of
``WAGTAILFRONTENDCACHE`` (configured from the environment in settings; none: nothing is sent). A
CDN that cannot be reached is logged as a warning: publishing never fails because of it.
"""

import logging
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save, pre_delete
from django.urls import NoReverseMatch, reverse
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.core.locales import LOCALE_PARAMETER, locale_codes, source_locale_code

from .registry import page_type_for_model, page_types
from .search import SNIPPET_TYPES

logger = logging.getLogger(__name__)

_extra_lists: list[str] = []
"""URL names of lists that embed other types' items (the catalogue), named by the site assembly."""


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def api_origin() -> str:
    """The scheme and host the CDN serves the API at (``FRONTEND_CACHE_API_ORIGIN``)."""
    origin = getattr(settings, "FRONTEND_CACHE_API_ORIGIN", "") or settings.WAGTAILADMIN_BASE_URL
    return origin.rstrip("/")


def in_every_locale(path: str) -> list[str]:
    """``path`` as negotiated by ``Accept-Language``, and with ``?locale=`` for every locale."""
    separator = "&" if "?" in path else "?"
    return [path] + [f"{path}{separator}{LOCALE_PARAMETER}={code}" for code in locale_codes()]


def _path(url_name: str, **kwargs: Any) -> str | None:
    try:
        return reverse(url_name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def list_paths() -> list[str]:
    """Every list of published content: page types', snippet types' and the extra ones."""
    names = [
        page_type.url_name
        if page_type.singleton
        else page_type.url_name.replace("-detail", "-list")
        for page_type in page_types()
    ]
    names += [url_name.replace("-detail", "-list") for _model, _type, url_name in SNIPPET_TYPES]
    names += _extra_lists
    paths = (_path(name) for name in dict.fromkeys(names))
    return [path for path in paths if path]


def source_of(item: Model) -> Model:
    """The source-locale version of a translatable page or snippet (its id in the API)."""
    if not isinstance(item, TranslatableMixin) or not item.translation_key:
        return item
    if item.locale.language_code == source_locale_code():
        return item
    source = (
        type(item)
        ._default_manager.filter(
            translation_key=item.translation_key, locale__language_code=source_locale_code()
        )
        .first()
    )
    return source or item


def detail_path(item: Model) -> str | None:
    """The API address of a page or snippet, by its source id; None if the API does not show it."""
    source = source_of(item)
    if isinstance(source, Page):
        page_type = page_type_for_model(type(source))
        if page_type is None:
            return None
        return _path(page_type.url_name, **page_type.url_kwargs(source.pk))
    for model, _type, url_name in SNIPPET_TYPES:
        if isinstance(source, model):
            return _path(url_name, id=source.pk)
    return None


def _showing_pages(item: Model) -> list[Page]:
    """Pages whose API responses show ``item``: its parent (for a page: a category lists its
    modules) and the live pages that refer to it."""
    pages: list[Page] = []
    parent = item.get_parent() if isinstance(item, Page) else None
    if parent is not None and parent.depth > 1:
        pages.append(parent.specific)
    referred = [item] + ([source] if (source := source_of(item)) is not item else [])
    page_type = ContentType.objects.get_for_model(Page)
    referring = set()
    for target in referred:
        referring |= set(
            ReferenceIndex.get_references_to(target)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
        )
    if referring:
        referring_pages = Page.objects.live().filter(pk__in=[int(pk) for pk in referring])
        pages += list(referring_pages.specific())
    return pages


def changed_urls(item: Model, *also: Model) -> list[str]:
    """The absolute API addresses whose responses change when ``item`` is published, unpublished,
    moved, deleted or (for a snippet) saved; ``also``: other pages whose details change with it
    (the parent a page was moved from)."""
    paths = list_paths()
    for shown in [item, *_showing_pages(item), *also]:
        path = detail_path(shown)
        if path:
            paths.append(path)
    origin = api_origin()
    return [origin + url for path in dict.fromkeys(paths) for url in in_every_locale(path)]


def purge(urls: Iterable[str]) -> None:
    """Send ``urls`` to the configured CDN backends; a failure is logged, never raised."""
    urls = list(urls)
    try:
        purge_urls_from_cache(urls)
    except Exception:
        logger.warning("Could not purge %d addresses from the CDN", len(urls), exc_info=True)


_local = threading.local()


def _pending() -> dict[str, None]:
    if not hasattr(_local, "pending"):
        _local.pending = {}
    return _local.pending


def _send_pending() -> None:
    urls, _local.pending = _pending(), {}
    if urls:
        purge(urls)


def _purge_after_commit(urls: list[str]) -> None:
    """Purge ``urls`` once the transaction commits, each once: the first callback to run sends
    what every change of the transaction added (a deletion also unpublishes, a translation
    publishes its parents); the others find nothing left. Addresses of a transaction rolled back
    go with the next one sent: purging an address that did not change costs a cache miss."""
    _pending().update(dict.fromkeys(urls))
    transaction.on_commit(_send_pending)


def purge_on_commit(item: Model, *also: Model) -> None:
    """Work out now (the item is still in the database) what changes; purge once committed."""
    if not enabled():
        return
    try:
        urls = changed_urls(item, *also)
    except Exception:
        logger.warning("Could not work out the API addresses %r changes", item, exc_info=True)
        return
    _purge_after_commit(urls)


def page_changed(instance: Page, **kwargs: Any) -> None:
    purge_on_commit(instance)


def page_moved(instance: Page, parent_page_before: Page, **kwargs: Any) -> None:
    # A draft moved changes nothing the API shows; a live page leaves its old parent's list.
    if instance.live:
        purge_on_commit(instance, parent_page_before.specific)


def page_deleted(sender: type, instance: Model, **kwargs: Any) -> None:
    # Deleting a page deletes its Page row and its specific row: act once, on the specific one.
    if isinstance(instance, Page) and instance.live and type(instance) is instance.specific_class:
        purge_on_commit(instance)


def snippet_changed(instance: Model, **kwargs: Any) -> None:
    purge_on_commit(instance)


def media_changed(instance: Model, **kwargs: Any) -> None:
    """An image or a document changes the API only where a page shows it: a new upload, nowhere."""
    if enabled() and _showing_pages(instance):
        purge_on_commit(instance)


def connect(*shown_models: type[Model], extra_lists: Iterable[str] = ()) -> None:
    """Purge on page publish, unpublish, move and delete, on saves and deletes of
    ``shown_models`` (the snippets the API shows), and of images and documents pages show;
    ``extra_lists``: URL names of the lists that embed items of several types."""
    _extra_lists[:] = list(extra_lists)
    page_published.connect(page_changed, dispatch_uid="cdn-published")
    page_unpublished.connect(page_changed, dispatch_uid="cdn-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="cdn-moved")
    pre_delete.connect(page_deleted, dispatch_uid="cdn-page-deleted")
    for model in shown_models:
        for action, signal in (("saved", post_save), ("deleted", pre_delete)):
            uid = f"cdn-{model.__name__}-{action}"
            signal.connect(snippet_changed, sender=model, dispatch_uid=uid)
    for model in (get_image_model(), get_document_model()):
        for action, signal in (("saved", post_save), ("deleted", pre_delete)):
            uid = f"cdn-{model.__name__}-{action}"
            signal.connect(media_changed, sender=model, dispatch_uid=uid)


class PurgeReceiverBackend(HTTPBackend):
    """Wagtail's HTTP backend (a ``PURGE`` request per address to ``LOCATION``, e.g. Varnish or
    nginx), with a ``TIMEOUT`` (seconds), a few requests at once (``WORKERS``), and a receiver
    that cannot be reached costing one timeout and one warning rather than one per address."""

    def __init__(self, params: dict[str, Any]) -> None:
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 5))
        self.workers = int(params.pop("WORKERS", 8))
        self.unreachable: Exception | None = None
        super().__init__(params)

    def _send(self, url: str) -> str | None:
        """PURGE one address: None once done, else why it is not."""
        if self.unreachable is not None:
            return "skipped"
        parsed = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit((self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, "")),
            headers={
                "Host": parsed.netloc,
                "User-Agent": f"Wagtail-frontendcache/{wagtail_version}",
            },
        )
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - LOCATION is ours
                response.read()
        except HTTPError as error:
            # 404: the address was not cached (nginx's cache purge says so); nothing to do.
            if error.code != 404:
                return f"{error.code} {error.reason}"
        except (URLError, OSError) as error:
            self.unreachable = error
            return "unreachable"
        return None

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls: Iterable[str]) -> None:
        """The first address alone, then the others a few at a time; once the receiver proves
        unreachable the rest are skipped. One warning for each kind of failure."""
        urls = list(urls)
        self.unreachable = None
        if not urls:
            return
        failures = [self._send(urls[0])]
        if self.unreachable is None and len(urls) > 1:
            with ThreadPoolExecutor(max_workers=min(self.workers, len(urls) - 1)) as pool:
                failures += list(pool.map(self._send, urls[1:]))
        failures += ["skipped"] * (len(urls) - len(failures))
        if self.unreachable is not None:
            missed = sum(1 for failure in failures if failure in ("unreachable", "skipped"))
            logger.warning(
                "The CDN purge receiver %s is unreachable (%s): %d of %d addresses not purged, "
                "they expire with max-age",
                self.cache_netloc,
                self.unreachable,
                missed,
                len(urls),
            )
        refused = [
            (url, failure)
            for url, failure in zip(urls, failures, strict=True)
            if failure not in (None, "unreachable", "skipped")
        ]
        if refused:
            logger.warning(
                "The CDN refused to purge %d of %d addresses, e.g. %s: %s",
                len(refused),
                len(urls),
                *refused[0],
            )

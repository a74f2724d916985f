"""The only way WeasyPrint reads anything while printing: our own static and media files.

Pages carry text from many editors (rich text, image choices, links). A PDF rendered on our
servers must never become a way to read other files on the machine or to reach other hosts, so
this fetcher opens no network connection at all. It maps URLs of our own site under
``STATIC_URL`` and ``MEDIA_URL`` to the files themselves, accepts ``file://`` paths only inside
the static and media folders, and small ``data:`` URLs. Everything else — another host, a file
elsewhere (``/etc``, ``/dev``, ``/proc``), a symbolic link leading out, a device or a pipe, a
big ``data:`` URL — is refused. When the media live in a bucket (``cms.core.object_storage``),
their URLs at the bucket's or the CDN's address are read by name through the media storage's
own client, never requested as given. Since no URL is requested over HTTP, there is no redirect
to follow (WeasyPrint < 68 let redirects bypass custom fetchers, CVE-2025-68616; we require 68).
"""

import logging
import mimetypes
import os
import stat
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import DataHandler, Request

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

MAX_DATA_URL_CHARS = 256 * 1024
MAX_FILE_BYTES = 25 * 1024 * 1024


class RefusedURL(ValueError):
    """A URL the print pipeline will not open; WeasyPrint leaves the resource out."""


def own_origin() -> str:
    """Our site's scheme and host: relative URLs in printed HTML resolve against it."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return f"{parts.scheme}://{parts.netloc}"


@lru_cache(maxsize=1)
def _static_roots() -> tuple[Path, ...]:
    roots = {Path(settings.STATIC_ROOT)}
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            roots.add(Path(storage.location))
    return tuple(sorted(root.resolve() for root in roots))


def allowed_roots() -> tuple[Path, ...]:
    return (Path(settings.MEDIA_ROOT).resolve(), *_static_roots())


def _stored_media_prefix() -> str | None:
    """Where the media storage's files are read, if it is not a folder of this machine."""
    try:
        default_storage.path("")
    except NotImplementedError:
        probe = "probe"
        address = default_storage.url(probe).split("?", 1)[0]
        return address.removesuffix(probe) if address.endswith(probe) else None
    return None


def stored_media_name(url: str) -> str | None:
    """The name in the media storage of a URL at the bucket's (or CDN's) address, if it is one."""
    prefix = _stored_media_prefix()
    if prefix is None or not url.startswith(prefix) or "?" in url or "#" in url:
        return None
    name = unquote(url.removeprefix(prefix))
    if not name or any(part in {"", ".", ".."} for part in name.split("/")):
        return None
    return name


def _inside(path: Path, roots: tuple[Path, ...]) -> bool:
    return any(path == root or root in path.parents for root in roots)


class OwnFilesFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves our static and media files and refuses the rest."""

    def __init__(self) -> None:
        super().__init__(allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        try:
            return self._open(url)
        except RefusedURL as refusal:
            self.refused.append(url)
            logger.warning("Print: refused to fetch %.200s (%s)", url, refusal)
            raise

    def _open(self, url: str) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return self._data(url)
        if scheme == "file":
            return self._file(Path(unquote(urlsplit(url).path)), url)
        if scheme in {"http", "https"} and url.startswith(own_origin() + "/"):
            return self._own_path(unquote(urlsplit(url).path), url)
        name = stored_media_name(url)
        if name is not None:
            return self._stored(name, url)
        raise RefusedURL("not one of our static or media files")

    def _stored(self, name: str, url: str) -> URLFetcherResponse:
        try:
            with default_storage.open(name, "rb") as stored:
                content = stored.read(MAX_FILE_BYTES + 1)
        except Exception as error:  # the storage's client says "missing" its own way
            raise RefusedURL("no such media file") from error
        if len(content) > MAX_FILE_BYTES:
            raise RefusedURL("file too large")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, content, {"Content-Type": content_type})

    def _data(self, url: str) -> URLFetcherResponse:
        if len(url) > MAX_DATA_URL_CHARS:
            raise RefusedURL("data: URL too large")
        response = DataHandler().data_open(Request(url))  # noqa: S310 - data: URLs only
        return URLFetcherResponse(url, response.read(), dict(response.headers))

    def _own_path(self, path: str, url: str) -> URLFetcherResponse:
        if path.startswith(settings.MEDIA_URL):
            relative = path.removeprefix(settings.MEDIA_URL)
            return self._file(Path(settings.MEDIA_ROOT) / relative, url)
        if path.startswith(settings.STATIC_URL):
            relative = path.removeprefix(settings.STATIC_URL)
            collected = Path(settings.STATIC_ROOT) / relative
            found = collected if collected.is_file() else finders.find(relative)
            if not found:
                raise RefusedURL("no such static file")
            return self._file(Path(found), url)
        raise RefusedURL("only static and media files of our site")

    def _file(self, path: Path, url: str) -> URLFetcherResponse:
        real = Path(os.path.realpath(path))
        if not _inside(real, allowed_roots()):
            raise RefusedURL("file outside the static and media folders")
        try:
            info = real.stat()
        except OSError as error:
            raise RefusedURL("file not found") from error
        if not stat.S_ISREG(info.st_mode):
            raise RefusedURL("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise RefusedURL("file too large")
        content_type = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, real.read_bytes(), {"Content-Type": content_type})

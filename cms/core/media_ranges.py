"""Files for media players: byte ranges, honest headers and long caching on ``/documents/`` and
``/media/``. It sits before ``GZipMiddleware``, which must not compress them.

Upstream workaround; delete it when Django's ``FileResponse`` answers ``Range`` requests itself
(Django ticket #22479) and Wagtail's document view stops sending ``Content-Encoding: None``
for files whose type has no encoding (``wagtail/utils/sendfile.py`` writes the guessed encoding
even when it is ``None``). Until then an audio or video player cannot seek (Chromium reports a
podcast's duration as "Infinity") and a client may try to decode a file named "None".

Only a single range is answered (``bytes=0-99``, ``bytes=100-``, ``bytes=-100``), which is what
players ask for; several ranges get the whole file, as RFC 9110 allows. Image renditions, whose
file names change whenever the image or the rendition does, are cached for a year.
"""

import os
import re
from collections.abc import Callable, Iterator
from typing import IO

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import parse_http_date_safe

FILE_PREFIXES = ("/documents/", settings.MEDIA_URL)
RENDITIONS = f"{settings.MEDIA_URL}images/"
RENDITION_CACHE = "public, max-age=31536000"
_SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_CHUNK = 64 * 1024
_NOT_KEPT = {"content-length", "content-encoding"}


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """``(first, last)`` byte of a single satisfiable range; None if not one; raises if unmet."""
    match = _SINGLE_RANGE.match(header.strip())
    if match is None or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            raise ValueError("empty suffix range")
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise ValueError("range outside the file")
    return start, end


def _if_range_holds(request: HttpRequest, response: HttpResponseBase) -> bool:
    condition = request.headers.get("If-Range")
    if not condition:
        return True
    if condition.startswith(('"', "W/")):
        return condition == response.get("ETag")
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    asked = parse_http_date_safe(condition)
    return modified is not None and asked is not None and modified <= asked


def _read(file: IO[bytes], start: int, length: int) -> Iterator[bytes]:
    try:
        file.seek(start)
        while length > 0:
            chunk = file.read(min(_CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        file.close()


def _size(file: IO[bytes]) -> int | None:
    try:
        return os.fstat(file.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        return None


def _partial(request: HttpRequest, response: FileResponse) -> HttpResponseBase:
    file = getattr(response, "file_to_stream", None)
    size = _size(file) if file is not None else None
    if file is None or size is None or not file.seekable():
        return response
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    if not header or request.method != "GET" or not _if_range_holds(request, response):
        return response
    try:
        span = byte_range(header, size)
    except ValueError:
        response.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    if span is None:
        return response
    start, end = span
    partial = StreamingHttpResponse(_read(file, start, end - start + 1), status=206)
    for name, value in response.items():
        if name.lower() not in _NOT_KEPT:
            partial[name] = value
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(end - start + 1)
    partial["Accept-Ranges"] = "bytes"
    return partial


class MediaFilesMiddleware:
    """Ranges, no bogus ``Content-Encoding`` and rendition caching for served files."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path.startswith(FILE_PREFIXES):
            return self.get_response(request)
        # Audio, video and PDF are compressed already, and a range must count the file's own
        # bytes: keep GZipMiddleware (further in) away from served files.
        request.META.pop("HTTP_ACCEPT_ENCODING", None)
        response = self.get_response(request)
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        if response.status_code == 200 and isinstance(response, FileResponse):
            response = _partial(request, response)
        if request.path.startswith(RENDITIONS) and response.status_code in (200, 206, 304):
            response["Cache-Control"] = RENDITION_CACHE
        return response

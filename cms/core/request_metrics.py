"""Prometheus metrics of the web requests: how many, of which kind, how they ended, how long.

- ``migrantech_http_requests_total{method,kind,status}``: requests answered;
- ``migrantech_http_request_duration_seconds{kind}``: a histogram of the time from the request
  reaching Django to the response leaving it (a streamed file's body is sent after that).

``kind`` is the part of the site (``ROUTE_KINDS``), not the address, and ``method`` one of the
usual few: every label takes a handful of values, so the number of series stays small.

Each gunicorn worker process counts its own requests. In production ``PROMETHEUS_MULTIPROC_DIR``
names a folder (emptied when gunicorn starts, see ``gunicorn.conf.py``) where prometheus_client's
multiprocess mode keeps every process's values in a memory-mapped file; ``collector`` then adds
up the files of all processes, so whichever worker answers ``/metrics`` answers for all of them.
Without it (a developer's machine, the tests) the values are this process's.
"""

import os
import re
import time
from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from prometheus_client import Counter, Histogram
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from .health import LIVE_PATH, READY_PATH

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
ROUTE_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"^/api/v1/(learners|attempts|modules/[^/]+/attempts)(/|$)", "learners-api"),
        (r"^/api/v1/print-jobs(/|$)", "print-api"),
        (r"^/api/", "content-api"),
        (r"^/admin(/|$)", "admin"),
        (r"^/(static|media|documents)/", "files"),
        (r"^/app(/|$)", "learners-app"),
        (rf"^({re.escape(LIVE_PATH)}|{re.escape(READY_PATH)})$", "health"),
        (r"^/metrics$", "metrics"),
    )
)
"""The first pattern matching the path names its kind; anything else is ``pages``."""

# Cached API answers take about a millisecond, a built page tens, a printed pack is not waited on.
DURATION_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

# Outside prometheus_client's default registry: ``collectors`` says what /metrics reports.
requests_total = Counter(
    "migrantech_http_requests",
    "Web requests answered, by method, kind of address and status.",
    ["method", "kind", "status"],
    registry=None,
)
request_duration = Histogram(
    "migrantech_http_request_duration_seconds",
    "Time to answer a web request, by kind of address.",
    ["kind"],
    buckets=DURATION_BUCKETS,
    registry=None,
)


def route_kind(path: str) -> str:
    for pattern, kind in ROUTE_KINDS:
        if pattern.match(path):
            return kind
    return "pages"


def collectors() -> list[Collector]:
    """What ``/metrics`` reports of the requests: every process's in multiprocess mode."""
    # prometheus_client's own rule for writing the values to files: the variable exists.
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        return [MultiProcessCollector(None)]
    return [requests_total, request_duration]


class RequestMetricsMiddleware:
    """Counts and times every request; first in the stack, so every answer is seen."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        kind = route_kind(request.path)
        method = request.method if request.method in METHODS else "other"
        requests_total.labels(method, kind, str(response.status_code)).inc()
        request_duration.labels(kind).observe(time.perf_counter() - started)
        return response

"""Health checks for load balancers and operators: ``/health/live`` and ``/health/ready``.

- ``/health/live``: the process answers. No I/O at all, so a slow database never gets a healthy
  process restarted.
- ``/health/ready``: this process can serve: the database answers, Redis answers (when the site
  uses it), both storages answer (the media one and the private one, folders or buckets). It
  also reports the age of the last worker heartbeat: a Celery beat task that any worker runs every
  ``WORKER_HEARTBEAT_SECONDS`` and that writes the time in the shared cache, so a heartbeat proves
  that beat, the broker and at least one worker all work. Workers down do not make the web
  processes unready (they still serve every page and certificate already printed) unless
  ``HEALTH_READY_REQUIRES_WORKER`` is set; the ``worker`` check says ``ok: false`` either way.

Both answer JSON, 200 when ready and 503 when not, never cached. They are answered by a
middleware placed first, before the host check, the HTTPS redirect and sessions: a load
balancer probes a process by its own address, over plain HTTP. They reveal no detail of a
failure beyond the kind of error.
"""

import json
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connection
from django.http import HttpRequest, HttpResponse

LIVE_PATH = "/health/live"
READY_PATH = "/health/ready"
HEARTBEAT_KEY = "health:worker-heartbeat"
PROBE_NAME = "health/probe"
"""A name looked up (never written) in each storage: the answer, not the file, matters."""


def record_heartbeat(worker: str) -> None:
    """A worker is alive: write when and who in the shared cache."""
    cache.set(HEARTBEAT_KEY, {"at": time.time(), "worker": worker}, timeout=None)


def _database() -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _redis() -> dict[str, Any]:
    if not settings.REDIS_URL:
        return {"ok": True, "used": False}
    client = cache.client.get_client(write=True)  # type: ignore[attr-defined]
    client.ping()
    return {"ok": True, "used": True}


def _storage() -> dict[str, Any]:
    for alias in ("default", "private"):
        storages[alias].exists(PROBE_NAME)
    return {"ok": True, "object_storage": settings.OBJECT_STORAGE}


def _worker() -> dict[str, Any]:
    if not settings.REDIS_URL:
        # No broker: print jobs run in the web process itself, there is no worker to wait for.
        return {"ok": True, "used": False}
    beat = cache.get(HEARTBEAT_KEY)
    if not beat:
        return {"ok": False, "used": True, "age_seconds": None}
    age = max(time.time() - float(beat["at"]), 0.0)
    return {
        "ok": age <= settings.WORKER_HEARTBEAT_MAX_AGE_SECONDS,
        "used": True,
        "age_seconds": round(age, 1),
        "worker": beat.get("worker", ""),
    }


CHECKS: dict[str, Callable[[], dict[str, Any]]] = {
    "database": _database,
    "redis": _redis,
    "storage": _storage,
    "worker": _worker,
}


def _run(check: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    started = time.monotonic()
    try:
        result = check()
    except Exception as error:  # any failure is an answer here, never a 500
        result = {"ok": False, "error": type(error).__name__}
    return {**result, "seconds": round(time.monotonic() - started, 3)}


def readiness() -> tuple[bool, dict[str, Any]]:
    checks = {name: _run(check) for name, check in CHECKS.items()}
    decisive = [
        name for name in checks if name != "worker" or settings.HEALTH_READY_REQUIRES_WORKER
    ]
    ready = all(checks[name]["ok"] for name in decisive)
    return ready, {"status": "ready" if ready else "unready", "checks": checks}


def _answer(body: dict[str, Any], status: int) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


class HealthMiddleware:
    """Answers the two health paths before anything else looks at the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/")
        if path == LIVE_PATH:
            return _answer({"status": "live"}, 200)
        if path == READY_PATH:
            ready, body = readiness()
            return _answer(body, 200 if ready else 503)
        return self.get_response(request)

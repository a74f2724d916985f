"""/health/live and /health/ready: JSON for load balancers, 200 or 503, never cached."""

import time

import pytest
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import OperationalError
from django.test import Client

from cms.core import health
from tasks.health import worker_heartbeat

pytestmark = pytest.mark.django_db

NEVER_CACHED = "no-store"


@pytest.fixture(autouse=True)
def no_heartbeat():
    cache.delete(health.HEARTBEAT_KEY)
    yield
    cache.delete(health.HEARTBEAT_KEY)


def get(path: str, **extra):
    return Client().get(path, **extra)


def test_live_answers_with_no_database_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        answer = get("/health/live")
    assert answer.status_code == 200
    assert answer.json() == {"status": "live"}
    assert answer["Content-Type"] == "application/json"
    assert answer["Cache-Control"] == NEVER_CACHED


def test_health_answers_whatever_host_a_probe_names():
    """A load balancer probes a process at its own address, not the site's name."""
    assert get("/health/live", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert get("/health/ready/", HTTP_HOST="10.0.0.7:8000").status_code in (200, 503)


def test_ready_checks_the_database_redis_storage_and_reports_the_worker(settings):
    worker_heartbeat()
    answer = get("/health/ready")
    assert answer.status_code == 200, answer.json()
    assert answer["Cache-Control"] == NEVER_CACHED
    body = answer.json()
    assert body["status"] == "ready"
    checks = body["checks"]
    assert set(checks) == {"database", "redis", "storage", "worker"}
    assert checks["database"]["ok"] and checks["storage"]["ok"] and checks["redis"]["ok"]
    assert checks["redis"]["used"] == bool(settings.REDIS_URL)
    assert checks["storage"]["object_storage"] is False
    if settings.REDIS_URL:
        assert checks["worker"]["ok"] and 0 <= checks["worker"]["age_seconds"] < 5
        assert checks["worker"]["worker"]


def test_ready_is_503_when_the_database_fails(monkeypatch):
    def broken():
        raise OperationalError("connection refused by db.internal:5432")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    answer = get("/health/ready")
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "unready"
    # The kind of failure, never its detail (addresses, names).
    assert body["checks"]["database"] == {
        "ok": False,
        "error": "OperationalError",
        "seconds": body["checks"]["database"]["seconds"],
    }
    assert "db.internal" not in answer.content.decode()


def test_ready_is_503_when_a_storage_fails(monkeypatch):
    def unreachable(name):
        raise ConnectionError("bucket unreachable")

    monkeypatch.setattr(storages["private"], "exists", unreachable)
    answer = get("/health/ready")
    assert answer.status_code == 503
    assert answer.json()["checks"]["storage"]["error"] == "ConnectionError"


def test_a_stale_worker_heartbeat_is_reported_and_decides_only_when_required(settings, monkeypatch):
    settings.REDIS_URL = settings.REDIS_URL or "redis://unused"  # a site with workers
    settings.WORKER_HEARTBEAT_MAX_AGE_SECONDS = 120
    health.record_heartbeat("print-1")
    cache.set(health.HEARTBEAT_KEY, {"at": time.time() - 300, "worker": "print-1"}, None)
    monkeypatch.setitem(health.CHECKS, "redis", lambda: {"ok": True, "used": True})
    answer = get("/health/ready")
    assert answer.status_code == 200
    worker = answer.json()["checks"]["worker"]
    assert worker["ok"] is False and 299 < worker["age_seconds"] < 310
    assert worker["worker"] == "print-1"

    settings.HEALTH_READY_REQUIRES_WORKER = True
    assert get("/health/ready").status_code == 503
    cache.delete(health.HEARTBEAT_KEY)
    missing = get("/health/ready")
    assert missing.status_code == 503
    assert missing.json()["checks"]["worker"] == {
        "ok": False,
        "used": True,
        "age_seconds": None,
        "seconds": missing.json()["checks"]["worker"]["seconds"],
    }
    worker_heartbeat()
    assert get("/health/ready").status_code == 200


def test_without_redis_there_is_no_worker_to_wait_for(settings):
    settings.REDIS_URL = ""
    settings.HEALTH_READY_REQUIRES_WORKER = True
    answer = get("/health/ready")
    assert answer.status_code == 200
    assert answer.json()["checks"]["worker"]["used"] is False

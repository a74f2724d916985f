"""Test set-up: the database is provisioned and the whole demo catalogue loaded once per run.

Under CI (``CI=true``) the real PostgreSQL and Redis are required: a missing service fails the
run instead of letting tests skip or fall back to SQLite and an in-memory cache.
"""

import os

import pytest
from django.conf import settings


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("CI", "").lower() not in {"1", "true", "yes"}:
        return
    problems = []
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        problems.append("DATABASE_URL must point at PostgreSQL under CI")
    if not settings.REDIS_URL:
        problems.append("REDIS_URL must be set under CI")
    else:
        import redis

        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3).ping()
        except redis.RedisError as error:
            problems.append(f"Redis at {settings.REDIS_URL} is not reachable: {error}")
    if problems:
        pytest.exit("Services missing under CI: " + "; ".join(problems), returncode=3)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cms.site.catalogue.loader import load_catalogue
    from cms.site.provisioning import provision

    with django_db_blocker.unblock():
        provision()
        load_catalogue()

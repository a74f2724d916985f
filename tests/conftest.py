"""Test set-up: each run gets a copy of a ready-made test database (see ``database_templates``).

Tests that need the whole demo catalogue are marked ``catalogue`` (``pytestmark =
pytest.mark.catalogue`` in their module); when any selected test is, the run's database is a copy
of the loaded catalogue, otherwise of a database that is only migrated. Either copy takes seconds
once its template exists, so a file of unmarked tests runs without loading anything.

Under CI (``CI=true``) the real PostgreSQL and Redis are required: a missing service fails the
run instead of letting tests skip or fall back to SQLite and an in-memory cache.
"""

import os

import pytest
from django.conf import settings

from .database_templates import drop_test_database, prepare_test_database


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


def _needs_catalogue(session: pytest.Session) -> bool:
    return any(item.get_closest_marker("catalogue") for item in session.items)


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """Replaces pytest-django's: the test database is a copy of a template, not migrated here."""
    from django.db import connection

    kind = "catalogue" if _needs_catalogue(request.session) else "migrated"
    test_name = connection.creation._get_test_db_name()
    if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(test_name):
        test_name = str(settings.BASE_DIR / ".test-databases" / f"run-{os.getpid()}.sqlite3")
    with django_db_blocker.unblock():
        connection.close()
        prepare_test_database(dict(connection.settings_dict), test_name, kind, settings.MEDIA_ROOT)
        # What Django's create_test_db does once the database exists: point everything at it.
        settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = test_name
        connection.close()
    yield
    with django_db_blocker.unblock():
        connection.close()
        drop_test_database(dict(connection.settings_dict), test_name)

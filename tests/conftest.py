"""Test set-up: each run gets a copy of a ready-made test database (see ``database_templates``).

Tests that need the whole demo catalogue are marked ``catalogue`` (``pytestmark =
pytest.mark.catalogue`` in their module); when any selected test is, the run's database is a copy
of the loaded catalogue, otherwise of a database that is only migrated. Either copy takes seconds
once its template exists, so a file of unmarked tests runs without loading anything.

Under CI (``CI=true``) the real PostgreSQL and Redis are required: a missing service fails the
run instead of letting tests skip or fall back to SQLite and an in-memory cache.
"""

import os
from collections.abc import Iterator

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


_copy: dict = {}
"""What the run's test database was copied from, for ``test_database_copied_again``."""


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
    _copy.update(settings=dict(connection.settings_dict), test_name=test_name, kind=kind)
    with django_db_blocker.unblock():
        connection.close()
        prepare_test_database(**_copy, media_root=settings.MEDIA_ROOT)
        # What Django's create_test_db does once the database exists: point everything at it.
        settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = test_name
        connection.close()
    yield
    with django_db_blocker.unblock():
        connection.close()
        drop_test_database(dict(connection.settings_dict), test_name)


@pytest.fixture(scope="module")
def test_database_copied_again(django_db_setup, django_db_blocker) -> Iterator[None]:
    """For a module of transactional tests (``django_db(transaction=True)``): Django empties every
    table after each of them, the rows of the migrations and of provisioning too (the root page
    and collection, the locales, the groups), which the files run after it in the same process
    need. Once the module is done, the test database is copied again from its template."""
    yield
    from django.db import connection

    with django_db_blocker.unblock():
        connection.close()
        prepare_test_database(**_copy, media_root=settings.MEDIA_ROOT)
        connection.close()


# The files that take longest, longest first: they start servers, browsers, print workers or
# object storage, or render PDFs, and take tens of seconds for a few tests. ``bin/test`` runs
# each pass in two processes, a file never split between them (``--dist loadfile``); these go
# first so that the short files fill in at the end and both processes finish together, instead
# of one process starting a long file when the other has nothing left. A file not listed keeps
# its place after them, files of many tests first (what pytest-xdist would do). Run with
# ``--no-loadscope-reorder`` so that pytest-xdist keeps this order.
LONGEST_FILES = (
    "test_print_rtl.py",
    "test_print_workers.py",
    "test_print_jobs.py",
    "test_print_pdfua.py",
    "test_api_schemathesis.py",
    "test_backup.py",
    "test_roles_e2e.py",
    "test_learners_app.py",
    "test_api_same_structure.py",
    "test_api_content.py",
    "test_translation_e2e.py",
    "test_print_documents.py",
    "test_provisioning.py",
    "test_backup_sqlite.py",
    "test_api_queries.py",
    "test_cdn_purge.py",
    "test_storage_object.py",
    "test_translated_parts.py",
    "test_print_api.py",
    "test_certs_documents.py",
    "test_learners_app_journey.py",
    "test_api_e2e_preview.py",
)


def pytest_collection_modifyitems(session: pytest.Session, items: list[pytest.Item]) -> None:
    files: dict[str, list[pytest.Item]] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], []).append(item)

    def rank(path: str) -> tuple[int, int]:
        name = path.rsplit("/", 1)[-1]
        if name in LONGEST_FILES:
            return (LONGEST_FILES.index(name), 0)
        return (len(LONGEST_FILES), -len(files[path]))

    items[:] = [item for path in sorted(files, key=rank) for item in files[path]]

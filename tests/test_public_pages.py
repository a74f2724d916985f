"""The CMS's own public pages: the landing page at ``/`` and the error pages, in the visitor's
language, and the embedded database that lets a save and an autosave queue up instead of failing.
"""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from cms.core.api.problems import page_not_found, server_error


def landing(client, language: str) -> str:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_the_landing_page_says_what_migrantech_is_and_where_to_go_in_french(client):
    page = landing(client, "fr-FR,fr;q=0.9")
    assert '<html lang="fr" dir="ltr">' in page
    assert "compétences numériques" in page
    for address in ('href="/admin/"', 'href="/api/v1/docs/"', 'action="/certificates/"'):
        assert address in page
    assert 'href="/reader/"' in page or 'href="/app/"' in page
    assert "Partners' admin" not in page


def test_the_landing_page_in_arabic_is_right_to_left(client):
    page = landing(client, "ar")
    assert '<html lang="ar" dir="rtl">' in page
    assert "المهارات الرقمية" in page
    assert 'hreflang="fr"' in page


def test_the_certificate_form_leads_to_the_certificates_public_page(client):
    response = client.get(reverse("certificate-lookup"), {"id": " MT-ABC123 "})
    assert response.status_code == 302
    assert response["Location"] == reverse("certificate-verification", args=["MT-ABC123"])
    pasted = {"id": "cms.migrantech.org/certificates/MT-ABC123/"}
    assert client.get(reverse("certificate-lookup"), pasted)["Location"] == response["Location"]
    assert client.get(reverse("certificate-lookup"), {"id": " "})["Location"] == "/#verify"


@pytest.mark.parametrize(
    ("language", "words", "direction"),
    [
        ("fr", "Page introuvable", "ltr"),
        ("fa", "صفحه پیدا نشد", "rtl"),
        ("en", "Page not found", "ltr"),
    ],
)
def test_an_unknown_address_gets_a_friendly_page_in_the_visitors_language(
    language, words, direction
):
    request = RequestFactory().get("/no/such/page/")
    with translation.override(language):
        response = page_not_found(request, Exception("not here"))
    page = response.content.decode()
    assert response.status_code == 404
    assert words in page
    assert f'dir="{direction}"' in page
    assert 'href="/"' in page


def test_an_unknown_api_address_still_answers_problem_details():
    response = page_not_found(RequestFactory().get("/api/v1/nothing/"), Exception())
    assert response["Content-Type"] == "application/problem+json"


def test_a_server_error_gets_a_friendly_page_in_the_visitors_language():
    with translation.override("uk"):
        response = server_error(RequestFactory().get("/admin/pages/1/edit/"))
    assert response.status_code == 500
    assert "Щось пішло не так" in response.content.decode()


@contextmanager
def _embedded_database(path: Path) -> Iterator[str]:
    """A connection, in this thread, to a SQLite file with the project's database options."""
    configured = settings.DATABASES["default"]
    if configured["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the embedded database settings apply to SQLite only")
    alias = f"embedded-{threading.get_ident()}"
    connections[alias] = DatabaseWrapper({**configured, "NAME": str(path)}, alias=alias)
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]


@pytest.fixture
def own_database_files(django_db_blocker) -> Iterator[None]:
    """Connections to SQLite files of the test's own, not to the test database."""
    with django_db_blocker.unblock():
        yield


@pytest.mark.usefixtures("own_database_files")
def test_a_save_waits_for_an_autosave_instead_of_failing(tmp_path):
    """Wagtail's save reads the page, then writes. With SQLite's default (deferred)
    transactions a save that starts while an autosave writes fails with "database is locked"
    (its snapshot is stale once the autosave commits); with immediate transactions and a busy
    timeout it waits for the autosave and succeeds."""
    database = tmp_path / "embedded.sqlite3"
    with _embedded_database(database) as alias, connections[alias].cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, content TEXT)")
    autosave_writes = threading.Event()

    def autosave() -> None:
        with _embedded_database(database) as alias, transaction.atomic(using=alias):
            connections[alias].cursor().execute("INSERT INTO revision (content) VALUES ('auto')")
            autosave_writes.set()
            time.sleep(1)

    thread = threading.Thread(target=autosave)
    thread.start()
    autosave_writes.wait()
    try:
        with _embedded_database(database) as alias:
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM revision")
                cursor.execute("INSERT INTO revision (content) VALUES ('save')")
            with connections[alias].cursor() as cursor:
                saved = cursor.execute("SELECT content FROM revision ORDER BY id").fetchall()
    finally:
        thread.join()
    assert saved == [("auto",), ("save",)]


def test_the_landing_page_names_the_language_it_is_in(client):
    response = client.get("/", {"lang": "ar"}, HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert response["Content-Language"] == "ar"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="tr")["Content-Language"] == "tr"


def test_the_projects_icon_is_served_as_the_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert '<link rel="icon" href="/favicon.ico">' in landing(client, "en")

"""Low bandwidth: gzip, ETag and Last-Modified with 304s, Cache-Control, and a shared response
cache that every publish, unpublish, move, delete and translation makes stale at once."""

import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_helpers import fresh_json, get, get_json, translate

from .factories import CategoryPageFactory, ModulePageFactory, every_block

pytestmark = pytest.mark.django_db


def module():
    """A live module with every block type, translated into no other locale."""
    return ModulePageFactory(title="Teamwork", body=every_block())


def test_published_content_is_cacheable_and_revalidates_with_304(client):
    path = f"/api/v1/modules/{module().pk}/"
    fresh_json(client, path)
    first = get(client, path)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    assert "Accept-Language" in first["Vary"]
    etag, last_modified = first["ETag"], first["Last-Modified"]
    by_etag = get(client, path, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 304 and by_etag.content == b""
    weak = get(client, path, HTTP_IF_NONE_MATCH=f"W/{etag}")
    assert weak.status_code == 304
    by_date = get(client, path, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert by_date.status_code == 304
    assert get(client, path, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_cached_response_needs_no_database_query(client):
    path = "/api/v1/catalogue/"
    fresh_json(client, path)
    with CaptureQueriesContext(connection) as captured:
        get_json(client, path)
    assert captured.captured_queries == []


def test_responses_are_gzipped_for_clients_that_accept_it(client):
    path = f"/api/v1/modules/{module().pk}/"
    fresh_json(client, path)
    response = get(client, path, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).startswith(b'{"type":"module"')
    assert len(response.content) <= 30 * 1024
    etag = response["ETag"]
    assert (
        get(client, path, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT_ENCODING="gzip").status_code == 304
    )


def test_the_cache_keeps_locales_apart(client):
    page = module()
    english = fresh_json(client, f"modules/{page.pk}/")
    other = get_json(client, f"modules/{page.pk}/", HTTP_ACCEPT_LANGUAGE="ar")
    assert english["fallback"] is False
    assert other["fallback"] is True


def test_a_publish_is_visible_on_the_next_request(client, django_capture_on_commit_callbacks):
    page = module()
    path = f"modules/{page.pk}/"
    fresh_json(client, path)
    assert get_json(client, path)["title"] == "Teamwork"
    page.title = "Teamwork, revised"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert get_json(client, path)["title"] == "Teamwork, revised"
    assert "Teamwork, revised" in get(client, "catalogue/").content.decode()


def test_an_unpublish_is_visible_on_the_next_request(client, django_capture_on_commit_callbacks):
    page, _other = module(), ModulePageFactory()
    fresh_json(client, f"modules/{page.pk}/")
    assert get_json(client, "modules/?page_size=100")["count"] == 2
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert get(client, f"modules/{page.pk}/").status_code == 404
    assert get_json(client, "modules/?page_size=100")["count"] == 1


def test_a_move_is_visible_on_the_next_request(client, django_capture_on_commit_callbacks):
    page = module()
    target = CategoryPageFactory(parent=page.get_parent().get_parent())
    assert get_json(client, f"modules/{page.pk}/")["category"]["id"] != target.pk
    with django_capture_on_commit_callbacks(execute=True):
        page.move(target, pos="last-child")
    assert get_json(client, f"modules/{page.pk}/")["category"]["id"] == target.pk


def test_a_delete_is_visible_on_the_next_request(client, django_capture_on_commit_callbacks):
    page = ModulePageFactory()
    assert get(client, f"modules/{page.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert get(client, f"modules/{page.pk}/").status_code == 404


def test_a_translation_publish_is_visible_on_the_next_request(
    client, django_capture_on_commit_callbacks
):
    page = module()
    code = "pt"
    assert get_json(client, f"modules/{page.pk}/?locale={code}")["fallback"] is True
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, code, prefix="[new]")
    body = get_json(client, f"modules/{page.pk}/?locale={code}")
    assert body["fallback"] is False and body["title"].startswith("[new]")


def test_a_snippet_change_is_visible_on_the_next_request(client):
    page = module()
    partner = page.partner
    fresh_json(client, f"modules/{page.pk}/")
    partner.name = "A renamed partner"
    partner.save()
    assert get_json(client, f"modules/{page.pk}/")["partner"]["name"] == "A renamed partner"


def test_previews_and_errors_are_not_stored(client):
    response = get(client, "preview/?content_type=modules.modulepage&token=nothing")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")

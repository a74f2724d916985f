"""Low bandwidth: gzip, ETag and Last-Modified with 304s, Cache-Control, and a shared response
cache that every publish, unpublish, move, delete and translation makes stale at once."""

import gzip
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django_redis import get_redis_connection
from django_redis.exceptions import ConnectionInterrupted

from cms.core.api.caching import entry_key, local_entries
from cms.core.api.generation import GENERATION_KEY, bump_generation, watch
from cms.modules.models import ModulePage
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


@pytest.mark.parametrize("encoding", ["", "gzip, deflate, br"])
def test_a_stored_answer_has_the_headers_and_body_of_a_built_one(client, encoding):
    """The stored answer skips most of the middleware stack: it must not show."""
    path = f"/api/v1/modules/{module().pk}/"
    headers = {"HTTP_ACCEPT_ENCODING": encoding, "HTTP_ORIGIN": "https://app.example.org"}
    bump_generation()
    built = get(client, path, **headers)
    stored = get(client, path, **headers)
    assert built.status_code == stored.status_code == 200
    # GZipMiddleware pads what it compresses with random bytes, so only the length may differ.
    assert int(stored["Content-Length"]) == len(stored.content)
    assert without_length(stored) == without_length(built)
    assert stored.content == built.content or (
        gzip.decompress(stored.content) == gzip.decompress(built.content)
    )
    bump_generation()
    built = get(client, path, HTTP_IF_NONE_MATCH=built["ETag"], **headers)
    stored = get(client, path, HTTP_IF_NONE_MATCH=built["ETag"], **headers)
    assert built.status_code == stored.status_code == 304
    assert dict(stored.headers) == dict(built.headers)
    bump_generation()
    built, stored = client.head(path, **headers), client.head(path, **headers)
    assert built.status_code == stored.status_code == 200
    assert without_length(stored) == without_length(built)
    assert stored.content == built.content == b""


def without_length(response) -> dict[str, str]:
    return {name: value for name, value in response.headers.items() if name != "Content-Length"}


def test_a_generation_changed_without_announcement_is_read_again_in_time(client, settings):
    """A lost announcement costs at most API_GENERATION_RECHECK_SECONDS (none here)."""
    settings.API_GENERATION_RECHECK_SECONDS = 0
    page = module()
    path = f"modules/{page.pk}/"
    fresh_json(client, path)
    assert get_json(client, path)["title"] == "Teamwork"
    ModulePage.objects.filter(pk=page.pk).update(title="Teamwork, quietly")
    # What another process's bump does, minus the announcement.
    cache.set(GENERATION_KEY, "another-process:1", timeout=None)
    assert get_json(client, path)["title"] == "Teamwork, quietly"


def test_each_process_keeps_a_bounded_copy_of_the_answers_it_served(client, settings):
    settings.API_LOCAL_CACHE_BYTES = 40 * 1024
    local_entries.clear()
    pages = [module() for _ in range(12)]
    bump_generation()
    for page in pages:
        get_json(client, f"modules/{page.pk}/")
    assert 0 < local_entries.size <= 40 * 1024
    # The most recent answers are the ones kept; older ones come back from Redis.
    assert local_entries.get(entry_key_of(f"/api/v1/modules/{pages[-1].pk}/")) is not None
    assert local_entries.get(entry_key_of(f"/api/v1/modules/{pages[0].pk}/")) is None
    assert get_json(client, f"modules/{pages[0].pk}/")["id"] == pages[0].pk


def entry_key_of(path: str) -> str:
    return entry_key(RequestFactory().get(path))


def test_announcements_lost_while_the_subscription_was_down_are_not_missed(client, settings):
    """redis-py reconnects on its own; the process must not trust what it knew before."""
    settings.API_GENERATION_RECHECK_SECONDS = 3600
    page = module()
    path = f"modules/{page.pk}/"
    fresh_json(client, path)
    assert get_json(client, path)["title"] == "Teamwork"
    redis = get_redis_connection("default")
    host, port = watch._pubsub.connection._sock.getsockname()[:2]
    assert redis.client_kill_filter(addr=f"{host}:{port}") == 1
    ModulePage.objects.filter(pk=page.pk).update(title="Teamwork, meanwhile")
    # Another process's bump while this one's subscription is down: its announcement is lost.
    cache.set(GENERATION_KEY, "another-process:2", timeout=None)
    assert get_json(client, path)["title"] == "Teamwork, meanwhile"


def test_without_the_cache_a_request_gets_a_problem_not_a_page():
    """Redis unreachable: the early answer's failure is still reported in problem details."""
    client = Client(raise_request_exception=False)
    path = f"modules/{module().pk}/"
    failure = ConnectionInterrupted(connection=None)
    with (
        mock.patch.object(cache, "get_many", side_effect=failure),
        mock.patch.object(cache, "get", side_effect=failure),
    ):
        response = get(client, path)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 500

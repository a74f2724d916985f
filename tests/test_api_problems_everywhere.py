"""Every error under /api/v1/ is RFC 9457 problem details, in one language, whoever answered it."""

import json

import pytest
from django.test import Client

from cms.learners.api.throttles import clear_throttles

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
ARABIC = {"HTTP_ACCEPT_LANGUAGE": "ar"}


def assert_problem(response, status: int, language: str = "en") -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM, response.content[:200]
    body = json.loads(response.content)
    assert body["status"] == status
    assert body["type"].startswith("https://migrantech.org/problems/")
    assert body["title"] and body["detail"]
    assert response["Content-Language"] == language
    if language == "ar":  # title and detail both in Arabic script, not one of each
        for text in (body["title"], body["detail"]):
            assert any("\u0600" <= character <= "\u06ff" for character in text), text
    return body


@pytest.mark.parametrize("debug", [False, True])
def test_an_unknown_address_is_a_404_problem_even_with_debug_pages(settings, debug):
    settings.DEBUG = debug
    assert_problem(Client().get("/api/v1/no-such-thing/"), 404)
    assert_problem(Client().get("/api/v1/no-such-thing/", **ARABIC), 404, "ar")


def test_the_trailing_slash_redirect_still_happens():
    response = Client().get("/api/v1/modules")
    assert response.status_code == 301
    assert response["Location"].endswith("/api/v1/modules/")


def test_a_method_not_allowed_is_a_405_problem_with_allow():
    response = Client().delete("/api/v1/modules/")
    assert_problem(response, 405)
    assert "GET" in response["Allow"]


def test_a_body_too_large_is_a_413_problem_before_it_is_read(settings):
    too_large = b"{" + b" " * settings.DATA_UPLOAD_MAX_MEMORY_SIZE + b"}"
    response = Client().post("/api/v1/learners/", too_large, content_type="application/json")
    assert_problem(response, 413)


def test_an_unsupported_media_type_is_a_415_problem():
    response = Client().post("/api/v1/learners/", "display_name=Amina", content_type="text/plain")
    assert_problem(response, 415)


def test_too_many_requests_is_a_429_problem_with_retry_after(settings):
    settings.LEARNER_THROTTLE_RATES = {**settings.LEARNER_THROTTLE_RATES, "registration": "1/hour"}
    clear_throttles()
    client = Client()
    body = {"display_name": "Amina"}
    assert client.post("/api/v1/learners/", body, content_type="application/json").status_code
    response = client.post("/api/v1/learners/", body, content_type="application/json", **ARABIC)
    assert_problem(response, 429, "ar")
    assert int(response["Retry-After"]) > 0
    clear_throttles()


def test_a_bad_filter_answers_in_one_language():
    response = Client().get("/api/v1/library/good-practices/?type=film", **ARABIC)
    assert_problem(response, 400, "ar")


@pytest.mark.parametrize("value", [0, 12.5, True, ["Amina"], {"name": "Amina"}])
def test_a_display_name_must_be_a_string(value):
    clear_throttles()
    response = Client().post(
        "/api/v1/learners/", {"display_name": value}, content_type="application/json"
    )
    body = assert_problem(response, 400)
    assert "display_name" in body["errors"]


def test_a_304_has_no_body_type():
    client = Client()
    first = client.get("/api/v1/locales/")
    again = client.get("/api/v1/locales/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert "Content-Type" not in again

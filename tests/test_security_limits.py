"""Nobody gets in by guessing, and nothing odd in a request becomes a server error.

Admin sign-in is throttled; the API takes no password (no HTTP Basic); bodies too large or too
deep, ids beyond a database integer and answers too long are 400 problems, nothing stored or
repeated back; the translation status is for the translation team, published modules only.
"""

import base64
import json

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from cms.learners.models import Attempt
from tests.learner_helpers import (  # noqa: F401 (autouse fixture; with Redis it also clears sign-in counters)
    fresh_throttles,
    post,
    register,
)

from .factories import ModulePageFactory, evaluation, section

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-admin-password-4821"
STATUS = "/api/v1/translation-status/?locale=fr"


def problem(response, status: int = 400) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def sign_in(client: Client, password: str):
    return client.post("/admin/login/", {"username": "admin-person", "password": password})


def test_admin_sign_in_is_locked_after_five_failures_even_with_the_right_password():
    User.objects.create_superuser("admin-person", password=PASSWORD)
    client = Client()
    for _ in range(4):
        assert sign_in(client, "guess").status_code == 200
    assert sign_in(client, "guess").status_code == 429, "the fifth failure locks"
    locked = sign_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_resets_the_count():
    User.objects.create_superuser("admin-person", password=PASSWORD)
    client = Client()
    for _ in range(4):
        sign_in(client, "guess")
    assert sign_in(client, PASSWORD).status_code == 302
    assert sign_in(Client(), "guess").status_code == 200


def test_the_api_takes_no_http_basic_password():
    User.objects.create_superuser("admin-person", password=PASSWORD)
    basic = base64.b64encode(f"admin-person:{PASSWORD}".encode()).decode()
    problem(Client().get(STATUS, HTTP_AUTHORIZATION=f"Basic {basic}"), 403)


def test_the_translation_status_is_for_translators_and_moderators_and_lists_live_modules():
    problem(Client().get(STATUS), 403)
    counsellor = User.objects.create_user("status-counsellor", password="x")
    counsellor.groups.add(Group.objects.get(name="Counsellors"))
    as_counsellor = Client()
    as_counsellor.force_login(counsellor)
    problem(as_counsellor.get(STATUS), 403)

    live = {ModulePageFactory().pk, ModulePageFactory().pk}
    draft = ModulePageFactory(published=False)
    translator = User.objects.create_user("status-translator", password="x")
    translator.groups.add(Group.objects.get(name="Translators: French"))
    client = Client()
    client.force_login(translator)
    response = client.get(STATUS)
    assert response.status_code == 200
    listed = {row["id"] for row in response.json()["modules"]}
    assert listed == live and draft.pk not in listed


def test_json_nested_thousands_deep_is_a_problem():
    deep = "[" * 5000 + "]" * 5000
    body = problem(Client().post("/api/v1/learners/", deep, content_type="application/json"), 400)
    assert "nested too deeply" in body["detail"]


def test_a_body_too_large_is_a_problem():
    large = json.dumps({"display_name": "x" * (300 * 1024)})
    body = problem(Client().post("/api/v1/learners/", large, content_type="application/json"))
    assert "too large" in body["detail"]


def test_an_id_beyond_a_database_integer_is_a_problem():
    request = {"kind": "module", "targets": [2**70], "locale": "en"}
    body = problem(
        Client().post("/api/v1/print-jobs/", json.dumps(request), content_type="application/json")
    )
    assert "targets" in body["errors"]


@pytest.mark.parametrize(
    ("size", "refusal"), [(1_000_000, "too large"), (100_000, "too long")], ids=["1MB", "100KB"]
)
def test_a_huge_answer_is_neither_stored_nor_repeated_back(client, size, refusal):
    token = register(client)["token"]
    question = {
        "type": "true_false",
        "id": "q-1",
        "value": {"prompt": "Plans change.", "answer": "true", "explanation": "", "points": 1},
    }
    page = ModulePageFactory(body=[section(), evaluation([question])])
    attempt = post(client, f"modules/{page.pk}/attempts/", token=token).json()
    huge = "x" * size
    for answers in ({"some-question": huge}, {huge: "x"}):
        response = post(client, f"attempts/{attempt['id']}/submit/", {"answers": answers}, token)
        body = problem(response)
        assert huge[:300] not in response.content.decode("utf-8")
        assert refusal in body["detail"]
    stored = Attempt.objects.get(pk=attempt["id"])
    assert stored.status == Attempt.Status.OPEN and stored.answers is None

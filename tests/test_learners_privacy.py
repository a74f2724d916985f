"""A learner downloads everything kept about them, and erases their account for good."""

import json

import pytest

from cms.learners.models import Attempt, Learner, LearnerToken, ModuleCompletion, RecoveryCode
from cms.learners.signals import learner_erasing, personal_data_requested
from tests.learner_helpers import (  # noqa: F401 (fresh_throttles is an autouse fixture)
    API,
    bearer,
    fresh_throttles,
    pass_module,
    post,
    register,
    source_module,
)

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

SCHEDULE = "how-to-create-and-keep-a-schedule"


def test_the_download_holds_all_the_learners_data_and_no_secret(client):
    body = register(client, "Amina Yusuf", email="amina@example.org")
    token = body["token"]
    result = pass_module(client, token, source_module(SCHEDULE))

    def another_apps_section(sender, learner, **kwargs):
        return "another_app", [{"learner": str(learner.pk)}]

    personal_data_requested.connect(another_apps_section)
    try:
        response = client.get(f"{API}/learners/me/data/", **bearer(token))
    finally:
        personal_data_requested.disconnect(another_apps_section)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = response.json()
    assert data["profile"]["display_name"] == "Amina Yusuf"
    assert data["profile"]["email"] == "amina@example.org"
    assert len(data["tokens"]) == 1
    (attempt,) = data["attempts"]
    assert attempt["id"] == result["attempt"] and attempt["score"] == result["score"]
    assert attempt["answers"] and attempt["passed"] is True
    assert data["completions"][0]["module"] == source_module(SCHEDULE).pk
    assert data["another_app"] == [{"learner": body["learner"]["id"]}]
    text = json.dumps(data)
    assert token not in text and body["recovery_code"] not in text
    assert body["recovery_code"].replace("-", "")[8:] not in text


def test_erasure_tells_other_apps_then_removes_everything(client):
    body = register(client)
    token = body["token"]
    pass_module(client, token, source_module(SCHEDULE))
    learner_id = body["learner"]["id"]
    seen = []

    def erasing(sender, learner, **kwargs):
        seen.append((learner.pk, Learner.objects.filter(pk=learner.pk).exists()))

    learner_erasing.connect(erasing)
    try:
        response = client.delete(f"{API}/learners/me/", **bearer(token))
    finally:
        learner_erasing.disconnect(erasing)
    assert response.status_code == 204
    assert [(str(pk), present) for pk, present in seen] == [(learner_id, True)]
    for model in (LearnerToken, RecoveryCode, Attempt, ModuleCompletion):
        assert not model.objects.filter(learner_id=learner_id).exists(), model
    assert not Learner.objects.filter(pk=learner_id).exists()
    assert client.get(f"{API}/learners/me/", **bearer(token)).status_code == 401
    code = post(client, "learners/sign-in/", {"recovery_code": body["recovery_code"]})
    assert code.status_code == 401


def test_nothing_about_the_client_address_is_kept(client):
    body = register(client, headers={"REMOTE_ADDR": "203.0.113.77"})
    data = client.get(f"{API}/learners/me/data/", **bearer(body["token"])).json()
    assert "203.0.113.77" not in json.dumps(data)
    fields = [f.name for model in (Learner, LearnerToken, RecoveryCode) for f in model._meta.fields]
    assert not [name for name in fields if "ip" in name.split("_") or "address" in name]

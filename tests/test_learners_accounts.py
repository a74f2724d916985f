"""Learners register with a name only, sign in with a token, recover on another device and
sign out; registering and signing in are rate-limited per client address."""

import re

import pytest
from django.conf import settings
from django.test import override_settings

from cms.learners.models import Learner, LearnerToken, RecoveryCode
from tests.learner_helpers import API, bearer, fresh_throttles, post, register  # noqa: F401

pytestmark = pytest.mark.django_db

CODE_FORMAT = re.compile(r"^[ACDEFGHJKMNPQRTUVWXY34679]{4}(-[ACDEFGHJKMNPQRTUVWXY34679]{4}){5}$")


def me(client, token):
    return client.get(f"{API}/learners/me/", **bearer(token))


def test_a_name_is_enough_to_register(client):
    body = register(client, "Amina Yusuf")
    assert body["learner"]["display_name"] == "Amina Yusuf"
    assert body["learner"]["locale"] == "en"
    assert body["learner"]["email"] == ""
    assert CODE_FORMAT.match(body["recovery_code"]), body["recovery_code"]
    assert me(client, body["token"]).json()["display_name"] == "Amina Yusuf"


def test_the_locale_comes_from_the_request_when_not_given(client):
    headers = {"HTTP_ACCEPT_LANGUAGE": "uk,en;q=0.5"}
    body = register(client, "Olena", headers, email="olena@example.org")
    assert body["learner"]["locale"] == "uk"
    assert body["learner"]["email"] == "olena@example.org"


def test_only_hashes_of_the_secrets_are_stored(client):
    body = register(client)
    learner = Learner.objects.get(pk=body["learner"]["id"])
    stored = [token.key_hash for token in LearnerToken.objects.filter(learner=learner)]
    assert len(stored) == 1 and body["token"] not in stored[0]
    code = RecoveryCode.objects.get(learner=learner)
    secret = body["recovery_code"].replace("-", "")[8:]
    assert (
        secret not in code.secret_hash and code.lookup == body["recovery_code"].replace("-", "")[:8]
    )


def test_an_unknown_locale_is_a_problem_listing_the_valid_ones(client):
    response = post(client, "learners/", {"display_name": "Amina", "locale": "xx"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["valid_locales"] == [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    assert "locale" in problem["errors"]


def test_a_display_name_is_required(client):
    response = post(client, "learners/", {"locale": "fr"})
    assert response.status_code == 400
    assert "display_name" in response.json()["errors"]


def test_without_a_valid_token_the_learner_is_unknown(client):
    assert client.get(f"{API}/learners/me/").status_code == 401
    response = me(client, "mtl_not-a-real-token")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["type"].endswith("/unauthorized")


def test_learner_responses_are_never_cached(client):
    body = register(client)
    assert me(client, body["token"])["Cache-Control"] == "no-store"


def test_a_learner_changes_their_name_language_and_email(client):
    token = register(client)["token"]
    changes = {"display_name": "Amina Y.", "locale": "ar", "email": "amina@example.org"}
    response = client.patch(
        f"{API}/learners/me/", changes, content_type="application/json", **bearer(token)
    )
    assert response.status_code == 200
    assert {key: response.json()[key] for key in changes} == changes
    wrong = client.patch(
        f"{API}/learners/me/",
        {"locale": "klingon"},
        content_type="application/json",
        **bearer(token),
    )
    assert wrong.status_code == 400 and "valid_locales" in wrong.json()
    assert me(client, token).json()["locale"] == "ar"


def test_the_recovery_code_signs_in_on_another_device(client):
    first = register(client)
    typed = first["recovery_code"].lower().replace("-", " ")
    response = post(client, "learners/sign-in/", {"recovery_code": typed}, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    second = response.json()
    assert second["learner"]["id"] == first["learner"]["id"]
    assert second["token"] != first["token"]
    assert me(client, second["token"]).status_code == 200
    assert me(client, first["token"]).status_code == 200


def test_a_wrong_recovery_code_signs_no_one_in(client):
    code = register(client)["recovery_code"]
    wrong = code[:-1] + ("A" if code[-1] != "A" else "C")
    response = post(client, "learners/sign-in/", {"recovery_code": wrong})
    assert response.status_code == 401
    assert response.json()["type"].endswith("/wrong-recovery-code")


def test_signing_out_revokes_this_token_only(client):
    first = register(client)
    second = post(client, "learners/sign-in/", {"recovery_code": first["recovery_code"]}).json()
    assert post(client, "learners/me/sign-out/", token=first["token"]).status_code == 204
    assert me(client, first["token"]).status_code == 401
    assert me(client, second["token"]).status_code == 200


def test_signing_out_everywhere_revokes_every_token(client):
    first = register(client)
    second = post(client, "learners/sign-in/", {"recovery_code": first["recovery_code"]}).json()
    assert (
        post(client, "learners/me/sign-out-everywhere/", token=second["token"]).status_code == 204
    )
    assert me(client, first["token"]).status_code == 401
    assert me(client, second["token"]).status_code == 401
    again = post(client, "learners/sign-in/", {"recovery_code": first["recovery_code"]})
    assert me(client, again.json()["token"]).status_code == 200


LOW_RATES = {**settings.LEARNER_THROTTLE_RATES, "registration": "2/hour", "sign-in": "2/hour"}


@override_settings(LEARNER_THROTTLE_RATES=LOW_RATES)
def test_registering_is_rate_limited_per_client_address(client):
    register(client, "One")
    register(client, "Two")
    response = post(client, "learners/", {"display_name": "Three"})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0
    assert response.json()["status"] == 429
    assert (
        post(client, "learners/", {"display_name": "Four"}, REMOTE_ADDR="10.9.8.7").status_code
        == 201
    )


@override_settings(LEARNER_THROTTLE_RATES=LOW_RATES)
def test_guessing_recovery_codes_is_rate_limited(client):
    for _ in range(2):
        post(client, "learners/sign-in/", {"recovery_code": "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"})
    response = post(client, "learners/sign-in/", {"recovery_code": "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"})
    assert response.status_code == 429 and "Retry-After" in response


def test_a_new_recovery_code_replaces_a_lost_one(client):
    first = register(client)
    response = post(client, "learners/me/recovery-code/", token=first["token"])
    assert response.status_code == 201
    new_code = response.json()["recovery_code"]
    assert CODE_FORMAT.match(new_code) and new_code != first["recovery_code"]
    old = post(client, "learners/sign-in/", {"recovery_code": first["recovery_code"]})
    assert old.status_code == 401
    assert post(client, "learners/sign-in/", {"recovery_code": new_code}).status_code == 200

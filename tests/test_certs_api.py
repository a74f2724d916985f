"""The holder's certificates over the API: the list, the PDF (theirs only), the Open Badge."""

import copy

import pytest
from django.test import Client

from cms.certs import badges
from cms.certs.models import Certificate
from cms.learners.credentials import issue_token
from cms.printing.jobs import run_job
from cms.printing.models import PrintJob

from .certs_helpers import built_category, complete, complete_category, learner

pytestmark = pytest.mark.django_db
API = "/api/v1/learners/me/certificates/"


@pytest.fixture
def category():
    return built_category()


@pytest.fixture
def module(category):
    return category.get_children().first().specific


def signed_in(who) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(who)}"}


def test_a_learner_lists_their_own_certificates_only(category, module):
    amina, karim = learner(), learner("Karim Haddad")
    complete_category(amina, category)
    complete(karim, module)

    response = Client().get(API, **signed_in(amina))
    assert response.status_code == 200
    listed = response.json()
    assert len(listed) == 4 and {item["holder_name"] for item in listed} == {"Amina Diallo"}
    assert {item["type"] for item in listed} == {1, 2}
    assert all(item["status"] == "valid" for item in listed)
    assert Client().get(API).status_code == 401


def test_the_pdf_is_for_its_holder_and_comes_once_printed(module):
    amina, karim = learner(), learner("Karim Haddad")
    complete(amina, module)
    issued = Certificate.objects.get(learner=amina)
    address = f"{API}{issued.pk}/pdf/"

    assert Client().get(address, **signed_in(karim)).status_code == 404
    assert Client().get(address).status_code == 401

    waiting = Client().get(address, **signed_in(amina))
    assert waiting.status_code == 202
    assert waiting.json()["status"] == "queued" and waiting["Location"].endswith(address)

    run_job(issued.print_job_id)
    assert PrintJob.objects.get(pk=issued.print_job_id).status == PrintJob.Status.DONE
    ready = Client().get(address, **signed_in(amina))
    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf"
    assert b"".join(ready.streaming_content).startswith(b"%PDF")


def test_the_open_badge_is_a_signed_credential_that_fails_once_changed(module):
    amina = learner()
    complete(amina, module)
    issued = Certificate.objects.get(learner=amina)
    response = Client().get(f"{API}{issued.pk}/badge/", **signed_in(amina))
    assert response.status_code == 200
    credential = response.json()

    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    subject = credential["credentialSubject"]
    assert subject["name"] == "Amina Diallo"
    assert subject["achievement"]["name"] == "Using e-mail"
    assert subject["achievement"]["criteria"]["narrative"]
    [proof] = credential["proof"]
    assert (proof["type"], proof["cryptosuite"]) == ("DataIntegrityProof", "eddsa-jcs-2022")
    assert badges.verify_credential(credential)

    renamed = copy.deepcopy(credential)
    renamed["credentialSubject"]["name"] = "Someone Else"
    assert not badges.verify_credential(renamed)
    backdated = copy.deepcopy(credential)
    backdated["proof"][0]["created"] = "2020-01-01T00:00:00Z"
    assert not badges.verify_credential(backdated)


def test_the_issuer_profile_publishes_the_key_as_a_multikey():
    profile = Client().get("/api/v1/certificates/issuer/").json()
    [method] = profile["verificationMethod"]
    keys = Client().get("/api/v1/certificates/keys/").json()["keys"]
    assert method["type"] == "Multikey" and method["publicKeyMultibase"].startswith("z6Mk")
    assert method["publicKeyMultibase"] == keys[0]["multibase"]
    assert method["id"] in profile["assertionMethod"]


def test_the_print_jobs_api_neither_offers_nor_shows_certificates(module):
    amina = learner()
    complete(amina, module)
    issued = Certificate.objects.get(learner=amina)
    assert Client().get(f"/api/v1/print-jobs/{issued.print_job_id}/").status_code == 404
    request = {"kind": "certificate", "targets": [1], "locale": "en"}
    refused = Client().post("/api/v1/print-jobs/", request, content_type="application/json")
    assert refused.status_code == 400 and "kind" in refused.json()["errors"]

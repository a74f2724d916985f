"""Our Open Badges pass tools we did not write: 1EdTech's JSON Schema and Digital Bazaar's verifier.

The verifier (``tests/badge_verifier/``, installed by ``bin/bootstrap`` with ``npm ci``) is
``@digitalbazaar/vc`` with ``@digitalbazaar/eddsa-jcs-2022-cryptosuite``, run by Node. It reads
the issuer profile as our site serves it and the JSON-LD contexts from their published copies,
offline. A changed name, ``validFrom`` or achievement id must make it fail.
"""

import copy
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.test import Client

from cms.certs.models import Certificate
from cms.learners.credentials import issue_token

from .certs_helpers import (
    certificate,
    complete,
    complete_category,
    complete_everything,
    learner,
    modules_of,
)
from .factories import CategoryPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db
HERE = Path(__file__).parent
VERIFIER = HERE / "badge_verifier"
SCHEMA = HERE / "standards" / "ob-3.0" / "ob_v3p0_achievementcredential_schema.json"


def badge_of(issued: Certificate) -> dict:
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(issued.learner)}"}
    response = Client().get(f"/api/v1/learners/me/certificates/{issued.pk}/badge/", **auth)
    assert response.status_code == 200
    return response.json()


def served(url: str) -> dict:
    """What our site answers at ``url``, as a verifier on the Internet would fetch it."""
    response = Client().get(urlsplit(url).path)
    assert response.status_code == 200, url
    return response.json()


def verify(credential: dict, profile: dict | None = None) -> dict:
    assert (VERIFIER / "node_modules").is_dir(), (
        "run bin/bootstrap (npm ci in tests/badge_verifier)"
    )
    [proof] = credential["proof"]
    issuer = proof["verificationMethod"].partition("#")[0]
    request = {"credential": credential, "documents": {issuer: profile or served(issuer)}}
    completed = subprocess.run(
        [shutil.which("node") or "node", "verify.mjs"],
        cwd=VERIFIER,
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.stdout, completed.stderr
    return json.loads(completed.stdout)


@pytest.fixture
def category():
    """Digital skills: a category of two modules."""
    group = CategoryPageFactory(title="Digital skills")
    for title in ("Using e-mail", "Searching the web"):
        ModulePageFactory(parent=group, title=title)
    return group


@pytest.fixture
def module(category):
    return modules_of(category)[0]


@pytest.fixture
def badges_of_every_type(category, module) -> dict[int, dict]:
    amina, karim, lina = learner(), learner("Karim Haddad"), learner("Lina Sayed", "ar")
    complete(amina, module)
    complete_category(karim, category)
    complete_everything(lina)
    return {
        Certificate.Type.MODULE: badge_of(certificate(amina, Certificate.Type.MODULE)),
        Certificate.Type.GROUP: badge_of(certificate(karim, Certificate.Type.GROUP)),
        Certificate.Type.ALL_MODULES: badge_of(certificate(lina, Certificate.Type.ALL_MODULES)),
    }


def test_every_type_is_valid_against_1edtech_schema(badges_of_every_type):
    validator = jsonschema.Draft201909Validator(
        json.loads(SCHEMA.read_text()),
        format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER,
    )
    for kind, credential in badges_of_every_type.items():
        errors = [
            f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(credential)
        ]
        assert errors == [], (kind, errors)


def test_digital_bazaar_verifies_every_type(badges_of_every_type):
    for kind, credential in badges_of_every_type.items():
        assert verify(credential) == {"verified": True, "errors": []}, kind


CHANGES = {
    "name": lambda credential: credential.update(name="Advanced surgery"),
    "validFrom": lambda credential: credential.update(validFrom="2020-01-01T00:00:00Z"),
    "achievement id": lambda credential: credential["credentialSubject"]["achievement"].update(
        id="https://example.org/another-achievement"
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_digital_bazaar_rejects_a_changed_badge(change, module):
    amina = learner()
    complete(amina, module)
    changed = copy.deepcopy(badge_of(certificate(amina, Certificate.Type.MODULE)))
    CHANGES[change](changed)
    outcome = verify(changed)
    assert outcome["verified"] is False
    assert "Invalid signature." in outcome["errors"]


def test_the_issuer_profile_is_read_in_safe_mode_so_every_term_must_be_defined(module):
    amina = learner()
    complete(amina, module)
    credential = badge_of(certificate(amina, Certificate.Type.MODULE))
    issuer = credential["proof"][0]["verificationMethod"].partition("#")[0]
    profile = served(issuer)
    assert credential["proof"][0]["verificationMethod"] in profile["assertionMethod"]
    without_controller_terms = {
        **profile,
        "@context": [entry for entry in profile["@context"] if isinstance(entry, str)],
    }
    outcome = verify(credential, profile=without_controller_terms)
    assert outcome["verified"] is False
    assert "Safe mode validation error." in outcome["errors"]

"""The live API, with the demo catalogue, against its own OpenAPI document (schemathesis):
no server errors and no response that breaks the schema, for generated valid and invalid
requests to every operation. Bounded: a few examples per operation, derandomised."""

import json
import urllib.request

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from cms.learners.api.throttles import clear_throttles
from tests import live_server

live_api_server = live_server.live_api_server
# The server needs the test database, which is only set up for tests that ask for it.
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

CONTENT_API = r"^/api/v1/(?!translation-status|print-jobs)"
EXAMPLES_PER_OPERATION = 12


# Learners' operations run signed in as a learner registered for the run, except those that
# would end its session for the rest (erasure, signing out): they run without a token.
ENDS_THE_SESSION = {
    "DELETE /api/v1/learners/me/",
    "POST /api/v1/learners/me/sign-out/",
    "POST /api/v1/learners/me/sign-out-everywhere/",
}


def learner_token(url):
    clear_throttles()  # under CI the server counts in the same Redis: start with a full allowance
    request = urllib.request.Request(  # noqa: S310 (our own test server, over http)
        f"{url}/api/v1/learners/",
        data=json.dumps({"display_name": "Schema checker"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.load(response)["token"]


def check_operation(operation, mode, headers):
    @given(operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case):
        case.call_and_validate(headers=headers)

    run()


def test_the_api_keeps_its_contract(live_api_server):
    schema = schemathesis.openapi.from_url(f"{live_api_server.url}/api/v1/schema/")
    operations = [
        result.ok() for result in schema.include(path_regex=CONTENT_API).get_all_operations()
    ]
    assert len(operations) >= 20
    signed_in = {"Authorization": f"Bearer {learner_token(live_api_server.url)}"}
    failures = {}
    for operation in operations:
        headers = {} if operation.label in ENDS_THE_SESSION else signed_in
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            try:
                check_operation(operation, mode, headers)
            except Unsatisfiable:
                assert mode == schemathesis.GenerationMode.NEGATIVE  # no parameter to get wrong
            except Exception as failure:
                failures[f"{operation.label} ({mode.value})"] = str(failure)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())

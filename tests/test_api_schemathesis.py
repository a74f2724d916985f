"""The live API, with the demo catalogue, against its own OpenAPI document (schemathesis).

Schemathesis's own runner with every check and its examples, coverage, fuzzing and stateful
phases, once anonymous and once signed in as a learner: not one failure of any kind (server
errors, undocumented status codes or content types, valid requests refused, invalid ones
accepted, wrong answers to undeclared methods, broken links between operations…).
Bounded and reproducible: a few examples per operation, deterministic generation.

Left out: ``print-jobs/``, whose every accepted request starts a PDF rendering (its contract is
checked by tests/test_print_api.py). Signed in, the operations that end the session (erasure,
signing out) are left to the anonymous run, so that the rest run with a valid token.
"""

import json
import subprocess
import sys
import urllib.request

import pytest

from cms.learners.api.throttles import clear_throttles
from tests import live_server

live_api_server = live_server.live_api_server
# The server needs the test database, which is only set up for tests that ask for it.
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

EXAMPLES_PER_OPERATION = "5"
# (One --exclude-path-regex only: schemathesis keeps the last one given.)
PRINTING = r"^/api/v1/print-jobs/"
PRINTING_OR_SIGNING_OUT = r"^/api/v1/(print-jobs/|learners/me/sign-out)"


def learner_token(url: str) -> str:
    request = urllib.request.Request(  # noqa: S310 (our own test server, over http)
        f"{url}/api/v1/learners/",
        data=json.dumps({"display_name": "Schema checker"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.load(response)["token"]


def schemathesis(url: str, *options: str) -> subprocess.CompletedProcess:
    clear_throttles()  # under CI the server counts in the same Redis: start with a full allowance
    try:
        return _run_schemathesis(url, *options)
    finally:
        clear_throttles()  # and leave a full one to the tests that share the server


def _run_schemathesis(url: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "run",
            f"{url}/api/v1/schema/",
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--max-examples",
            EXAMPLES_PER_OPERATION,
            "--generation-deterministic",
            # One thread: with two, Python 3.11's ast.parse (which Hypothesis calls to describe
            # its filters) may fail with "AST constructor recursion depth mismatch"
            # (CPython gh-106905), a runtime error of the tool, not of our API.
            "--workers",
            "1",
            "--no-color",
            *options,
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )


def test_a_signed_in_learner_meets_the_contract(live_api_server):
    clear_throttles()
    token = learner_token(live_api_server.url)  # first: the anonymous run spends the allowance
    run = schemathesis(
        live_api_server.url,
        "--header",
        f"Authorization: Bearer {token}",
        "--exclude-path-regex",
        PRINTING_OR_SIGNING_OUT,
        "--exclude-operation-id",
        "learners_me_destroy",
    )
    assert run.returncode == 0, run.stdout[-15000:] + run.stderr[-3000:]
    # Signed in from the first request to the last: no operation of the run ended the session,
    # so the learner's operations were exercised with a valid token, not only refused.
    me = urllib.request.Request(  # noqa: S310
        f"{live_api_server.url}/api/v1/learners/me/", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(me, timeout=30) as response:  # noqa: S310
        assert response.status == 200


def test_anonymous_clients_meet_the_contract(live_api_server):
    run = schemathesis(live_api_server.url, "--exclude-path-regex", PRINTING)
    assert run.returncode == 0, run.stdout[-15000:] + run.stderr[-3000:]

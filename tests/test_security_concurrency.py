"""Five learners submitting at the same moment to a real server (gunicorn, several workers and
threads) all get their result: on SQLite too, none of them a "database is locked" 500."""

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest

from cms.modules.models import ModulePage
from tests import live_server
from tests.learner_helpers import answers

live_api_server = live_server.live_api_server
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

LEARNERS = 5


def call(url: str, body: dict, token: str = "") -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        body = error.read()
        try:
            return error.code, json.loads(body)
        except ValueError:  # a server error's HTML page
            return error.code, {"body": body[:200].decode(errors="replace")}


def test_simultaneous_submissions_all_succeed(live_api_server):
    api = f"{live_api_server.url}/api/v1"
    page = ModulePage.objects.get(
        slug="how-to-create-and-keep-a-schedule", locale__language_code="en"
    )
    given = {"answers": answers(page)}
    attempts = []
    for number in range(LEARNERS):
        status, learner = call(f"{api}/learners/", {"display_name": f"Concurrent {number}"})
        assert status == 201, learner
        status, attempt = call(f"{api}/modules/{page.pk}/attempts/?locale=en", {}, learner["token"])
        assert status == 201, attempt
        attempts.append((learner["token"], attempt["id"]))
    start = Barrier(LEARNERS)

    def submit(token_and_attempt: tuple[str, str]) -> tuple[int, dict]:
        token, attempt_id = token_and_attempt
        start.wait()
        return call(f"{api}/attempts/{attempt_id}/submit/", given, token)

    with ThreadPoolExecutor(LEARNERS) as pool:
        results = list(pool.map(submit, attempts))
    assert [status for status, _body in results] == [200] * LEARNERS, results
    assert all(body["passed"] for _status, body in results)

"""POST /api/v1/print-jobs/: 202 and the job's address, its status and progress, the PDF."""

import uuid
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group, User
from rest_framework.test import APIClient

from cms import celery_app
from cms.printing.models import PrintJob

from .api_helpers import translate
from .factories import ModulePageFactory, every_block

pytestmark = pytest.mark.django_db

URL = "/api/v1/print-jobs/"
PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def eager(monkeypatch):
    """The API test runs the task in-process; real workers are tested in test_print_workers."""
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def counsellor_api():
    user = User.objects.create_user("counsellor", password="x")
    user.groups.add(Group.objects.get(name="Counsellors"))
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture(autouse=True)
def teamwork(django_capture_on_commit_callbacks):
    """Teamwork 1, with every block type, translated into French."""
    page = ModulePageFactory(title="Teamwork 1", body=every_block())
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "fr", prefix="[fr]")
    return page


def handout_request(teamwork, **options):
    return {"kind": "module", "targets": [teamwork.pk], "locale": "fr", **options}


def test_a_print_request_is_accepted_with_the_address_of_its_job(api, teamwork):
    response = api.post(URL, handout_request(teamwork), format="json")
    assert response.status_code == 202
    job = response.json()
    assert response["Location"] == job["url"]
    assert job["url"].endswith(f"/api/v1/print-jobs/{job['id']}/")
    assert (job["status"], job["progress"], job["download_url"]) == ("queued", 0, None)
    assert job["title"] == "[fr] Teamwork 1" and job["locale"] == "fr"


def test_the_job_reports_its_progress_then_the_pdf_downloads(
    api, django_capture_on_commit_callbacks, teamwork
):
    with django_capture_on_commit_callbacks(execute=True):
        job = api.post(URL, handout_request(teamwork), format="json").json()
    state = api.get(job["url"]).json()
    assert (state["status"], state["progress"], state["error"]) == ("done", 100, "")
    assert state["page_count"] > 3
    response = api.get(state["download_url"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    name = "fr-teamwork-1-fr.pdf"
    disposition = response["Content-Disposition"]
    assert f'filename="{name}"' in disposition or f"filename*=utf-8''{quote(name)}" in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_asking_again_for_the_same_content_answers_the_finished_job_at_once(
    api, django_capture_on_commit_callbacks, teamwork
):
    with django_capture_on_commit_callbacks(execute=True):
        first = api.post(URL, handout_request(teamwork), format="json").json()
    again = api.post(URL, handout_request(teamwork), format="json")
    assert again.status_code == 200
    assert again.json()["id"] == first["id"] and again.json()["download_url"]
    assert PrintJob.objects.count() == 1


def test_the_locale_may_come_from_accept_language(api, teamwork):
    body = {
        "kind": "category",
        "targets": [teamwork.get_parent().pk],
    }
    job = api.post(URL, body, format="json", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9").json()
    assert job["locale"] == "tr"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "flyer", "targets": [1]}, "kind"),
        ({"kind": "module", "targets": "teamwork"}, "targets"),
        ({"kind": "module", "targets": [999_999]}, "targets"),
        ({"kind": "module", "targets": []}, "targets"),
        ({"kind": "module", "targets": ["TEAMWORK"], "locale": "en"}, "targets"),
        ({"kind": "module", "targets": "TEAMWORK", "locale": "klingon"}, "locale"),
        ({"kind": "module", "targets": "TEAMWORK", "options": {"paper": "A3"}}, "options"),
    ],
)
def test_bad_requests_get_problem_details_naming_the_field(api, body, field, teamwork):
    if body["targets"] == "TEAMWORK":
        body["targets"] = [teamwork.pk]
    response = api.post(URL, body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] and problem["detail"]
    assert field in problem["errors"], problem
    assert PrintJob.objects.count() == 0


def test_answer_keys_are_refused_to_the_public_and_hidden_from_it(api, counsellor_api, teamwork):
    refused = api.post(URL, handout_request(teamwork, options={"answer_key": True}), format="json")
    assert refused.status_code == 403 and refused["Content-Type"] == PROBLEM
    assert "counsellors" in refused.json()["detail"]

    accepted = counsellor_api.post(
        URL, handout_request(teamwork, options={"answer_key": True}), format="json"
    )
    assert accepted.status_code == 202
    job_url = accepted.json()["url"]
    assert counsellor_api.get(job_url).status_code == 200
    assert api.get(job_url).status_code == 404


def test_unknown_jobs_and_unfinished_pdfs_are_problems_too(api, teamwork):
    missing = api.get(f"{URL}{uuid.uuid4()}/")
    assert missing.status_code == 404 and missing["Content-Type"] == PROBLEM
    assert api.get(f"{URL}not-a-job/").status_code == 404
    job = api.post(URL, handout_request(teamwork), format="json").json()
    early = api.get(f"{job['url']}download/")
    assert early.status_code == 409 and early["Content-Type"] == PROBLEM
    assert "not ready" in early.json()["detail"]

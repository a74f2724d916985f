"""The admin's "Printable packs" screen, for counsellors and moderators."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from cms import celery_app
from cms.printing.models import PrintJob
from cms.site.groups import ensure_groups

from .factories import CategoryPageFactory, ModulePageFactory, PartnerFactory, PathwayPageFactory

pytestmark = pytest.mark.django_db

PACKS = "/admin/printable-packs/"


@pytest.fixture(autouse=True)
def eager(monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)


def member_of(group_name: str) -> Client:
    user = User.objects.create_user(f"member-{group_name}", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def counsellor():
    return member_of("Counsellors")


def test_counsellors_find_the_screen_in_the_menu(counsellor):
    module = ModulePageFactory(title="Teamwork 1")
    PathwayPageFactory(modules=[module])
    home = counsellor.get("/admin/")
    assert home.status_code == 200
    assert PACKS in home.content.decode()
    page = counsellor.get(PACKS)
    assert page.status_code == 200
    html = page.content.decode()
    for field in ("kind", "category", "pathway", "modules", "locale", "paper", "answer_key"):
        assert f'name="{field}"' in html, field
    assert "Teamwork 1" in html


def test_moderators_may_print_too():
    assert member_of("Moderators").get(PACKS).status_code == 200


def test_editors_neither_see_nor_open_it():
    editors = PartnerFactory(with_editors=True).editors_group
    ensure_groups()  # the editors group's rights, as provisioning grants them
    client = member_of(editors.name)
    assert PACKS not in client.get("/admin/").content.decode()
    refused = client.get(PACKS)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")


def test_printing_a_pathway_leads_to_a_progress_bar_then_a_download(
    counsellor, django_capture_on_commit_callbacks
):
    pathway = PathwayPageFactory(modules=[ModulePageFactory(), ModulePageFactory()])
    form = {"kind": "pathway", "pathway": pathway.pk, "locale": "ar", "paper": "A4"}
    before = list(PrintJob.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = counsellor.post(PACKS, form)
    job = PrintJob.objects.exclude(pk__in=before).get()
    assert response.status_code == 302 and response["Location"] == f"{PACKS}{job.pk}/"
    assert (job.kind, job.targets, job.locale) == ("pathway", [pathway.pk], "ar")

    page = counsellor.get(response["Location"]).content.decode()
    assert "<progress" in page and f'data-status-url="/api/v1/print-jobs/{job.pk}/"' in page
    assert "printing/job-progress.js" in page
    status = counsellor.get(f"/api/v1/print-jobs/{job.pk}/").json()
    assert status["status"] == "done"
    download = counsellor.get(status["download_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"

    listing = counsellor.get(PACKS).content.decode()
    assert f"{PACKS}{job.pk}/" in listing and f"/api/v1/print-jobs/{job.pk}/download/" in listing


def test_a_selection_with_answer_key_and_good_practices(counsellor):
    chosen = CategoryPageFactory()
    modules = [ModulePageFactory(parent=chosen).pk for _ in range(3)]
    form = {
        "kind": "selection",
        "modules": modules,
        "locale": "en",
        "paper": "Letter",
        "answer_key": "on",
        "good_practices": "on",
    }
    before = list(PrintJob.objects.values_list("pk", flat=True))
    counsellor.post(PACKS, form)
    job = PrintJob.objects.exclude(pk__in=before).get()
    assert job.targets == modules
    assert job.options == {"paper": "Letter", "answer_key": True, "good_practices": True}


def test_a_missing_choice_is_explained_next_to_its_field(counsellor):
    response = counsellor.post(PACKS, {"kind": "category", "locale": "en", "paper": "A4"})
    assert response.status_code == 200
    assert "Choose what to print." in response.content.decode()
    assert PrintJob.objects.count() == 0

"""A French counsellor prints: titles in French, one chooser per kind, a module read before
printing, a job page that says what is printed and under which file name, and a request that
does not wait for the rendering when no worker runs."""

import threading

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.modules.models import ModulePage
from cms.printing import jobs
from cms.printing.models import PrintJob

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]
PACKS = "/admin/printable-packs/"


@pytest.fixture
def counsellor() -> Client:
    user = User.objects.create_user("conseillere", password="x")
    user.groups.add(Group.objects.get(name="Counsellors"))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "fr"})
    client = Client()
    client.force_login(user)
    return client


def french(module: ModulePage) -> ModulePage:
    return ModulePage.objects.get(
        translation_key=module.translation_key, locale__language_code="fr"
    )


def test_the_form_names_modules_in_french_and_says_which_chooser_goes_with_which_kind(counsellor):
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    html = counsellor.get(PACKS).content.decode()
    assert french(module).title in html
    assert 'data-print-field="module"' in html and 'id="print-target-fields"' in html
    assert "printing/print-form.js" in html
    assert ">Imprimer</button>" in html


def test_a_module_can_be_read_in_french_before_printing(counsellor):
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    page = counsellor.get(reverse("printing:read", args=[module.pk]), {"locale": "fr"})
    assert page.status_code == 200
    assert french(module).title in page.content.decode()


def test_the_job_page_says_what_is_printed_and_the_file_name(counsellor):
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    job = PrintJob.objects.create(
        kind="module",
        targets=[module.pk],
        locale="ar",
        options={"paper": "A4"},
        title="وحدة تجريبية",
        fingerprint="test-fingerprint",
    )
    html = counsellor.get(reverse("printing:job", args=[job.pk])).content.decode()
    assert "وحدة تجريبية" in html
    assert "<dd>Arabe</dd>" in html  # the language, named in the counsellor's French
    assert "وحدة-تجريبية-ar.pdf" in html
    assert job.file_name == "وحدة-تجريبية-ar.pdf"


@override_settings(CELERY_TASK_ALWAYS_EAGER=True, PRINT_IN_BACKGROUND_THREAD=True)
def test_without_a_worker_the_rendering_runs_beside_the_request(monkeypatch):
    started = []
    monkeypatch.setattr(threading.Thread, "start", lambda thread: started.append(thread))
    jobs.enqueue("00000000-0000-0000-0000-000000000000")
    assert len(started) == 1 and started[0].daemon

"""Printed files (certificates, answer keys) live in the private storage, outside the public
media, and reach people only through views that check who asks; nobody's list shows a learner's
certificate job."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import Client

from cms.modules.models import ModulePage
from cms.printing.documents import PrintOptions
from cms.printing.jobs import request_print, run_job
from cms.printing.models import PrintJob
from cms.printing.storage import PRIVATE_STORAGE

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

PACKS = "/admin/printable-packs/"


def member_of(group_name: str) -> User:
    user = User.objects.create_user(f"private-files-{group_name}", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_private_storage_is_outside_the_public_media_and_has_no_address():
    private = storages[PRIVATE_STORAGE]
    public_media = Path(settings.MEDIA_ROOT).resolve()
    assert public_media not in Path(private.location).resolve().parents
    assert Path(private.location).resolve() != public_media
    with pytest.raises(ValueError):
        private.url("print/any.pdf")
    # The same storage, though not the same object once a test has changed STORAGES.
    result_storage = PrintJob._meta.get_field("result").storage
    assert type(result_storage) is type(private)
    assert Path(result_storage.location).resolve() == Path(private.location).resolve()


def test_an_answer_key_is_printed_privately_and_served_to_counsellors_only():
    counsellor = member_of("Counsellors")
    module = ModulePage.objects.get(slug="teamwork-1", locale__language_code="en")
    job, _ = request_print("module", [module.pk], "en", PrintOptions(answer_key=True), counsellor)
    done = run_job(job.pk)
    assert done.status == PrintJob.Status.DONE
    assert Path(done.result.path).is_file()
    assert Path(done.result.path).is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not (Path(settings.MEDIA_ROOT) / done.result.name).exists()

    download = f"/api/v1/print-jobs/{done.pk}/download/"
    assert Client().get(download).status_code == 404
    someone = User.objects.create_user("someone-signed-in", password="x")
    assert signed_in(someone).get(download).status_code == 404
    answer = signed_in(counsellor).get(download)
    assert answer.status_code == 200 and b"".join(answer.streaming_content)[:5] == b"%PDF-"


def test_counsellors_do_not_see_learners_certificate_jobs():
    certificate_job = PrintJob.objects.create(
        kind="certificate", targets=[], locale="en", title="Certificate of Amina Diallo"
    )
    certificate_job.result.save("print/certificate-test.pdf", ContentFile(b"%PDF-1.7"))
    counsellor = signed_in(member_of("Counsellors"))
    page = counsellor.get(PACKS)
    assert page.status_code == 200 and b"Amina Diallo" not in page.content
    assert counsellor.get(f"{PACKS}{certificate_job.pk}/").status_code == 404
    assert Client().get(f"/api/v1/print-jobs/{certificate_job.pk}/download/").status_code == 404

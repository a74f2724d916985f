"""Several machines sharing no disk: files go through S3-compatible object storage.

A web process (gunicorn) and a Celery worker run with their own, different local folders
(``MEDIA_ROOT``, ``PRIVATE_MEDIA_ROOT``, ``PRINT_WORK_DIR``) and the same buckets of a real S3
server (SeaweedFS, ``tests/object_storage.py``): an image uploaded in the admin, a counsellor's
pack and a certificate printed by the worker all reach the people they are for through the web
process, and nothing is left in a local folder. Anonymous requests to the bucket read the media
(with byte ranges and year-long caching) and are refused every private file.

Like ``test_print_workers``, this runs outside the per-test transaction (the web and worker
processes see committed rows only) and cleans up after itself. It needs PostgreSQL, Redis and an
S3 server (the certificate parts' test only the S3 server): without them it skips, except under
CI where it fails.
"""

import io
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.test import Client
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from cms import celery_app
from cms.certs.annex import annex_key
from cms.certs.cached_parts import ANNEX_DIR, VERSO_DIR, sweep_superseded_parts
from cms.certs.models import Certificate
from cms.learners.credentials import issue_token
from cms.learners.models import Learner
from cms.modules.models import ModulePage
from cms.printing import storage
from cms.printing.models import PrintJob
from cms.printing.storage import (
    PRIVATE_STORAGE,
    mark_used,
    private_copy,
    private_output,
    remove_private,
)
from cms.project.models import Partner

from .celery_worker import Worker, require_worker_services
from .certs_helpers import category, complete_category, learner
from .live_server import _database_url, _free_port, _wait_until_up
from .object_storage import MEDIA_BUCKET, PRIVATE_BUCKET, ObjectStore, object_store
from .print_helpers import flat, text

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

WAIT_SECONDS = 180
IMAGE_TITLE = "Object storage test signature"


@pytest.fixture(scope="module")
def buckets(tmp_path_factory):
    yield from object_store(tmp_path_factory.mktemp("seaweedfs"))


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    """Database access without the per-test transaction: the other processes see commits only."""
    with django_db_blocker.unblock():
        yield


def local_folders(root: Path) -> dict[str, str]:
    folders = {
        "MEDIA_ROOT": root / "media",
        "PRIVATE_MEDIA_ROOT": root / "private-media",
        "PRINT_WORK_DIR": root / "print-work",
    }
    for folder in folders.values():
        folder.mkdir(parents=True)
    return {name: str(folder) for name, folder in folders.items()}


def files_in(folders: dict[str, str], *names: str) -> list[Path]:
    """The files left in the given local folders (renderings in progress excepted)."""
    return [path for name in names for path in Path(folders[name]).rglob("*") if path.is_file()]


class Machines:
    """One web process and one worker, each with its own local folders, sharing the buckets."""

    def __init__(self, store: ObjectStore, root: Path, database_url: str) -> None:
        self.store = store
        self.web_folders = local_folders(root / "web")
        self.worker_folders = local_folders(root / "worker")
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}"
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": settings.REDIS_URL,
            "PRINT_IN_BACKGROUND_THREAD": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": self.url,
            **self.web_folders,
            **store.environment(),
        }
        self.log = (root / "web.log").open("w")
        self.web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "2", "--timeout", "60", "--graceful-timeout", "5"],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.worker = Worker(settings.REDIS_URL, root, **self.worker_folders, **store.environment())
        _wait_until_up(self.url, self.web)

    def stop(self) -> None:
        self.worker.kill()
        self.web.terminate()
        self.web.wait(timeout=30)
        self.log.close()

    def logs(self) -> str:
        web = Path(self.log.name).read_text().splitlines()[-40:]
        return "\n".join(web) + "\n\n" + self.worker.tail()

    def worker_log(self) -> list[str]:
        return self.worker.log.read_text().splitlines()

    def local_files(self) -> list[Path]:
        return files_in(self.web_folders, "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT") + files_in(
            self.worker_folders, "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"
        )


@pytest.fixture(scope="module")
def machines(buckets, django_db_setup, django_db_blocker, tmp_path_factory):
    require_worker_services()
    with django_db_blocker.unblock():
        database_url = _database_url(tmp_path_factory.mktemp("db"))
        PrintJob.objects.all().delete()
    celery_app.control.purge()
    started = Machines(buckets, tmp_path_factory.mktemp("machines"), database_url)
    yield started
    started.stop()
    with django_db_blocker.unblock():
        PrintJob.objects.all().delete()


def signed_in(user: User, base_url: str) -> requests.Session:
    """A browser session of ``user`` on the web process, with its CSRF cookie."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set(
        settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value
    )
    session.get(f"{base_url}/admin/", timeout=30)
    return session


def anonymous(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - the test's S3 server
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as refusal:
        return refusal.code, dict(refusal.headers), refusal.read()


def wait_for(condition, what: str, machines: Machines):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"Timed out waiting for {what}.\n{machines.logs()}")


def png(width: int = 600, height: int = 220) -> bytes:
    picture = PILImage.new("RGB", (width, height), "white")
    for x in range(40, width - 40):
        picture.putpixel((x, height // 2 + (x % 37) - 18), (20, 30, 120))
    output = io.BytesIO()
    picture.save(output, format="PNG")
    return output.getvalue()


@pytest.fixture(scope="module")
def uploaded_image(machines, django_db_blocker):
    """An image uploaded through the web process's admin by an editor."""
    with django_db_blocker.unblock():
        editor, _ = User.objects.get_or_create(
            username="storage-editor", defaults={"is_superuser": True, "is_staff": True}
        )
        session = signed_in(editor, machines.url)
        form = session.get(f"{machines.url}/admin/images/add/", timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        answer = session.post(
            f"{machines.url}/admin/images/add/",
            data={
                "csrfmiddlewaretoken": token,
                "title": IMAGE_TITLE,
                "collection": Collection.get_first_root_node().pk,
            },
            files={"file": ("signature.png", png(), "image/png")},
            headers={"Referer": f"{machines.url}/admin/images/add/"},
            allow_redirects=False,
            timeout=60,
        )
        assert answer.status_code == 302, answer.text[-2000:]
        image = Image.objects.get(title=IMAGE_TITLE)
    yield image
    with django_db_blocker.unblock():
        Image.objects.filter(pk=image.pk).delete()
        User.objects.filter(username="storage-editor").delete()


def test_an_uploaded_image_is_in_the_media_bucket_public_cached_and_seekable(
    machines, buckets, uploaded_image
):
    assert uploaded_image.file.name in buckets.keys(MEDIA_BUCKET)
    assert uploaded_image.width == 600 and uploaded_image.height == 220
    url = buckets.public_url(MEDIA_BUCKET, uploaded_image.file.name)
    status, headers, body = anonymous(url)
    assert status == 200 and body == png()
    assert headers["Cache-Control"] == "public, max-age=31536000"
    status, headers, body = anonymous(url, Range="bytes=0-7")
    assert status == 206 and body == b"\x89PNG\r\n\x1a\n"
    assert headers["Content-Range"] == f"bytes 0-7/{len(png())}"
    # Listing the bucket is not reading a file: refused to anyone.
    assert anonymous(f"{buckets.endpoint}/{MEDIA_BUCKET}/")[0] == 403
    assert machines.local_files() == []


def test_an_uploaded_document_is_served_from_the_media_bucket(machines, buckets, django_db_blocker):
    content = b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n" * 50
    with django_db_blocker.unblock():
        editor, _ = User.objects.get_or_create(
            username="storage-editor-documents", defaults={"is_superuser": True, "is_staff": True}
        )
        session = signed_in(editor, machines.url)
    try:
        form = session.get(f"{machines.url}/admin/documents/add/", timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        answer = session.post(
            f"{machines.url}/admin/documents/add/",
            data={
                "csrfmiddlewaretoken": token,
                "title": "Object storage test subtitles",
                "collection": Collection.get_first_root_node().pk,
            },
            files={"file": ("subtitles.vtt", content, "text/vtt")},
            headers={"Referer": f"{machines.url}/admin/documents/add/"},
            allow_redirects=False,
            timeout=60,
        )
        assert answer.status_code == 302, answer.text[-2000:]
        with django_db_blocker.unblock():
            document = Document.objects.get(title="Object storage test subtitles")
        served = requests.get(
            f"{machines.url}/documents/{document.pk}/subtitles.vtt",
            allow_redirects=False,
            timeout=30,
        )
        assert served.status_code == 302
        assert served.headers["Location"] == buckets.public_url(MEDIA_BUCKET, document.file.name)
        status, headers, body = anonymous(served.headers["Location"], Range="bytes=0-5")
        assert (status, body) == (206, b"WEBVTT")
        assert headers["Cache-Control"] == "public, max-age=31536000"
    finally:
        with django_db_blocker.unblock():
            Document.objects.filter(title="Object storage test subtitles").delete()
            User.objects.filter(pk=editor.pk).delete()
    assert machines.local_files() == []


def test_the_web_process_is_ready_with_its_buckets_and_a_worker(machines):
    def ready():
        answer = requests.get(f"{machines.url}/health/ready", timeout=30)
        return (
            answer
            if answer.status_code == 200 and answer.json()["checks"]["worker"]["ok"]
            else None
        )

    checks = wait_for(ready, "the worker's heartbeat", machines).json()["checks"]
    assert checks["storage"] == {
        "ok": True,
        "object_storage": True,
        "seconds": checks["storage"]["seconds"],
    }
    assert checks["redis"]["used"] and checks["worker"]["age_seconds"] < 120


def test_a_counsellors_pack_printed_by_the_worker_downloads_through_the_web(
    machines, buckets, django_db_blocker
):
    with django_db_blocker.unblock():
        counsellor, _ = User.objects.get_or_create(username="storage-counsellor")
        counsellor.groups.add(Group.objects.get(name="Counsellors"))
        module = ModulePage.objects.get(slug="teamwork-1", locale__language_code="en")
        session = signed_in(counsellor, machines.url)
    try:
        asked = session.post(
            f"{machines.url}/api/v1/print-jobs/",
            json={
                "kind": "module",
                "targets": [module.pk],
                "locale": "en",
                "options": {"answer_key": True},
            },
            headers={"X-CSRFToken": session.cookies["csrftoken"]},
            timeout=30,
        )
        assert asked.status_code == 202, asked.text
        job = asked.json()

        def done():
            current = session.get(job["url"], timeout=30).json()
            return current if current["status"] == "done" else None

        wait_for(done, "the worker to print the pack", machines)
        address = f"{machines.url}/api/v1/print-jobs/{job['id']}/download/"
        download = session.get(address, timeout=60)
        assert download.status_code == 200, download.text
        printed = flat(text(PdfReader(io.BytesIO(download.content))))
        assert module.title in printed
        assert requests.get(address, timeout=30).status_code == 404
    finally:
        with django_db_blocker.unblock():
            User.objects.filter(pk=counsellor.pk).delete()

    name = f"print/{job['id']}.pdf"
    assert name in buckets.keys(PRIVATE_BUCKET)
    assert anonymous(buckets.public_url(PRIVATE_BUCKET, name))[0] == 403
    assert anonymous(f"{buckets.endpoint}/{PRIVATE_BUCKET}/")[0] == 403
    stored = buckets.client().head_object(Bucket=PRIVATE_BUCKET, Key=buckets.key(name))
    assert stored["CacheControl"] == "private, no-store"
    assert machines.local_files() == []


def test_a_certificate_printed_by_the_worker_downloads_through_the_web(
    machines, buckets, uploaded_image, django_db_blocker
):
    with django_db_blocker.unblock():
        signatures = dict(Partner.objects.values_list("pk", "signature_id"))
        Partner.objects.update(signature=uploaded_image)
        with transaction.atomic():
            amina = learner()
        token = issue_token(amina)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            complete_category(amina, category())
        with django_db_blocker.unblock():
            group = Certificate.objects.get(learner=amina, type=Certificate.Type.GROUP)
        address = f"{machines.url}/api/v1/learners/me/certificates/{group.pk}/pdf/"
        bearer = {"Authorization": f"Bearer {token}"}

        def printed():
            answer = requests.get(address, headers=bearer, timeout=30)
            return answer if answer.status_code == 200 else None

        answer = wait_for(printed, "the worker to print the certificate", machines)
        pdf = PdfReader(io.BytesIO(answer.content))
        words = flat(text(pdf))
        assert "Amina Diallo" in words and "Digital skills" in words
        # The signatures on the recto, beside the QR code: the worker read the image's
        # rendition from the bucket.
        assert len(pdf.pages[0].images) >= 2
        refused = [line for line in machines.worker_log() if "refused to fetch" in line]
        assert not [line for line in refused if "signature" in line], refused
        assert requests.get(address, timeout=30).status_code == 401
        with django_db_blocker.unblock():
            job = PrintJob.objects.get(pk=group.print_job_id)
    finally:
        with django_db_blocker.unblock():
            for pk, signature in signatures.items():
                Partner.objects.filter(pk=pk).update(signature_id=signature)
            jobs = list(
                Certificate.objects.filter(learner=amina).values_list("print_job", flat=True)
            )
            Certificate.objects.filter(learner=amina).delete()
            PrintJob.objects.filter(pk__in=jobs).delete()
            Learner.objects.filter(pk=amina.pk).delete()

    media = buckets.keys(MEDIA_BUCKET)
    renditions = [name for name in media if name.startswith("images/") and ".max-" in name]
    assert renditions, media
    assert anonymous(buckets.public_url(MEDIA_BUCKET, renditions[0]))[0] == 200
    private = buckets.keys(PRIVATE_BUCKET)
    assert job.result.name in private
    assert any(name.startswith("print/annex/") for name in private)
    for name in private:
        assert anonymous(buckets.public_url(PRIVATE_BUCKET, name))[0] == 403
    assert machines.local_files() == []


@pytest.fixture
def private_bucket(buckets, settings):
    """This process's private storage in the bucket, as a worker's is."""
    settings.STORAGES = {
        **settings.STORAGES,
        PRIVATE_STORAGE: {
            "BACKEND": "cms.core.object_storage.PrivateStorage",
            "OPTIONS": {
                "bucket_name": PRIVATE_BUCKET,
                "endpoint_url": buckets.endpoint,
                "access_key": buckets.access_key,
                "secret_key": buckets.secret_key,
                "region_name": "us-east-1",
                "addressing_style": "path",
                "location": buckets.location,
            },
        },
    }
    return buckets


def test_certificate_parts_in_the_bucket_are_copied_locally_kept_while_used_and_swept(
    private_bucket, settings, tmp_path, monkeypatch
):
    settings.PRINT_WORK_DIR = tmp_path
    current = f"{ANNEX_DIR}/{annex_key('ar')}-ar.pdf"
    superseded = f"{ANNEX_DIR}/{'0' * 32}-ar.pdf"
    verso = f"{VERSO_DIR}/{'3' * 32}-fr.pdf"
    for name in (current, superseded, verso):
        with private_output(name) as destination:
            destination.write_bytes(b"%PDF-1.7\n" + name.encode())
    client = private_bucket.client()
    stored = client.head_object(Bucket=PRIVATE_BUCKET, Key=private_bucket.key(verso))
    assert stored["CacheControl"] == "private, no-store"
    assert not list(Path(tmp_path).glob("render-*"))  # the rendering folder is gone

    # Another machine has no copy: it fetches one, once.
    shutil.rmtree(tmp_path / "copies")
    copy = private_copy(verso)
    assert copy.read_bytes() == b"%PDF-1.7\n" + verso.encode()
    assert private_copy(f"{VERSO_DIR}/{'4' * 32}-fr.pdf") is None

    # Used again: marked in the bucket, which keeps the file's headers.
    monkeypatch.setattr(storage, "TOUCH_INTERVAL", timedelta(0))
    time.sleep(1.1)
    mark_used(verso)
    touched = client.head_object(Bucket=PRIVATE_BUCKET, Key=private_bucket.key(verso))
    assert touched["LastModified"] > stored["LastModified"]
    assert touched["CacheControl"] == "private, no-store"

    settings.CERTIFICATE_PART_UNUSED_DAYS = 1
    assert sweep_superseded_parts() == [superseded]
    settings.CERTIFICATE_PART_UNUSED_DAYS = -1  # every verso counts as long unused
    removed = sweep_superseded_parts()
    assert verso in removed and current not in removed
    assert private_copy(verso) is None and not copy.exists()
    assert private_copy(current) is not None
    remove_private(current)

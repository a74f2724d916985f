"""A backup restores: bin/backup of a site, bin/restore into a new database and new folders, and
pages with their revisions and translations, learners, attempts and certificates come back, the
certificate still verifies online and from its QR code, and its PDF is there.

PostgreSQL only (pg_dump and pg_restore); under CI the conftest requires it, elsewhere the tests
skip without it. The test's data is committed (a backup reads what other connections see), and
the database it restores into has a name of its own per process, dropped at the end.
"""

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page, Revision

from cms.certs import offline_verify
from cms.certs.models import Certificate
from cms.certs.verification import Status, qr_text, verify
from cms.learners.models import Attempt, Learner, ModuleCompletion
from cms.modules.models import ModulePage
from cms.printing import jobs
from cms.printing.models import PrintJob

from .api_helpers import translate
from .certs_helpers import REAL_KEY, complete
from .factories import LearnerFactory, ModulePageFactory
from .factories.pages import locale
from .object_storage import MEDIA_BUCKET, PRIVATE_BUCKET, object_store

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("test_database_copied_again"),
    pytest.mark.skipif(
        django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="backups are tested on PostgreSQL (set DATABASE_URL)",
    ),
]


def _admin(sql: str) -> None:
    params = {**connection.get_connection_params(), "dbname": "postgres", "autocommit": True}
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params) as admin:
        admin.execute(sql)


@pytest.fixture
def fresh_database() -> Iterator[str]:
    """An empty database for the restore, dropped afterwards."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"mt_restore_{worker}_{os.getpid()}"
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
    yield name
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _database_url(name: str) -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{db['USER']}{password}@{host}{port}/{name}"


def run_script(
    script: str,
    *args: str,
    database: str,
    media: Path,
    private: Path,
    buckets: dict[str, str] | None = None,
):
    """``bin/<script>`` in a process of its own, on that database and those folders (or the
    buckets that ``buckets`` configures)."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("AWS_")
    } | {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": _database_url(database),
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
        **(buckets or {}),
    }
    return subprocess.run(
        [str(ROOT / "bin" / script), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


class PointedAt:
    """Django's default connection and storages pointed at another database and folders."""

    def __init__(self, settings, name: str, media: Path, private: Path):
        self.settings, self.name, self.media, self.private = settings, name, media, private
        self.original = connection.settings_dict["NAME"]

    def __enter__(self):
        self._point(self.name)
        self.settings.MEDIA_ROOT = str(self.media)
        self.settings.STORAGES = {
            **django_settings.STORAGES,
            "private": {
                **django_settings.STORAGES["private"],
                "OPTIONS": {"location": str(self.private)},
            },
        }
        return self

    def __exit__(self, *exc):
        self._point(self.original)

    @staticmethod
    def _point(name: str) -> None:
        connection.close()
        connection.settings_dict["NAME"] = name
        django_settings.DATABASES["default"]["NAME"] = name


@pytest.fixture
def site(settings, monkeypatch) -> dict:
    """A module with two revisions and a French translation, a learner with an attempt and a
    completion, and the certificate it earned, printed."""
    settings.CERTIFICATE_SIGNING_KEY = REAL_KEY
    locale("fr")
    module = ModulePageFactory(title="Planning a budget")
    module.title = "Planning a household budget"
    module.save_revision().publish()
    french = translate(module, "fr", "[fr]")

    learner = LearnerFactory(display_name="Nour Al-Hassan")
    now = timezone.now()
    attempt = Attempt.objects.create(
        learner=learner,
        module=module,
        locale="en",
        questionnaire={"questions": []},
        started_at=now - timedelta(minutes=5),
        status=Attempt.Status.SUBMITTED,
        submitted_at=now,
        answers={"q-1": "true"},
        score=1,
        total_points=1,
        passed=True,
    )
    sent: list = []
    monkeypatch.setattr(jobs.dispatcher, "send", sent.append)
    complete(learner, module)
    certificate = Certificate.objects.get(learner=learner, type=Certificate.Type.MODULE)
    job = jobs.run_job(certificate.print_job_id)
    assert job is not None and job.status == PrintJob.Status.DONE, job and job.error
    return {
        "module": ModulePage.objects.get(pk=module.pk),
        "french": french,
        "learner": learner,
        "attempt": attempt,
        "certificate": certificate,
        "pdf": Path(django_settings.PRIVATE_MEDIA_ROOT, job.result.name).read_bytes(),
        "pdf_name": job.result.name,
        "qr": qr_text(certificate),
    }


def test_a_backup_restores_pages_learners_and_certificates_that_still_verify(
    site, fresh_database, settings, tmp_path
):
    module, certificate = site["module"], site["certificate"]
    before = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "module_revisions": list(
            module.revisions.order_by("created_at").values_list("content", flat=True)
        ),
    }
    backup = tmp_path / "backup"
    made = run_script(
        "backup",
        str(backup),
        database=connection.settings_dict["NAME"],
        media=Path(django_settings.MEDIA_ROOT),
        private=Path(django_settings.PRIVATE_MEDIA_ROOT),
    )
    assert made.returncode == 0, made.stderr
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["engine"] == "postgresql"
    assert manifest["database"]["rows"]["certs_certificate"] == 1
    assert {entry["name"] for entry in manifest["files"]["private"]} >= {site["pdf_name"]}

    media, private = tmp_path / "restored-media", tmp_path / "restored-private"
    restored = run_script(
        "restore", str(backup), database=fresh_database, media=media, private=private
    )
    assert restored.returncode == 0, restored.stderr
    assert "match the manifest" in restored.stdout

    with PointedAt(settings, fresh_database, media, private):
        assert connection.settings_dict["NAME"] == fresh_database
        # Pages, with both revisions of the module and its French translation.
        assert Page.objects.count() == before["pages"]
        assert Revision.objects.count() == before["revisions"]
        again = ModulePage.objects.get(pk=module.pk)
        assert again.title == "Planning a household budget" and again.live
        contents = again.revisions.order_by("created_at").values_list("content", flat=True)
        assert list(contents) == before["module_revisions"] and len(before["module_revisions"]) >= 2
        french = again.get_translation(Locale.objects.get(language_code="fr"))
        assert french.pk == site["french"].pk and french.title.startswith("[fr]") and french.live
        # The learner, the attempt and the completion.
        learner = Learner.objects.get(pk=site["learner"].pk)
        assert learner.display_name == "Nour Al-Hassan"
        attempt = Attempt.objects.get(pk=site["attempt"].pk)
        assert (attempt.learner_id, attempt.score, attempt.passed) == (learner.pk, 1, True)
        assert ModuleCompletion.objects.filter(learner=learner, module=again).exists()
        # The certificate verifies: its record, the page, the API and the QR code offline.
        restored_certificate = Certificate.objects.get(pk=certificate.pk)
        assert verify(restored_certificate).status == Status.VALID
        body = Client().get(f"/api/v1/certificates/{certificate.pk}/verification/").json()
        assert (body["status"], body["holder_name"]) == ("valid", "Nour Al-Hassan")
        page = Client().get(f"/certificates/{certificate.pk}/")
        assert page.status_code == 200 and "Nour Al-Hassan" in page.content.decode()
        assert qr_text(restored_certificate) == site["qr"]
        keys = Client().get("/api/v1/certificates/keys/").json()["keys"]
        [current] = [key for key in keys if key["kid"] == certificate.key_id]
        outcome = offline_verify.verify_qr_text(
            site["qr"], offline_verify.load_public_key(current["pem"])
        )
        assert outcome.valid, outcome.reason
        # Its PDF is in the new private folder, byte for byte.
        job = PrintJob.objects.get(pk=restored_certificate.print_job_id)
        assert (private / job.result.name).read_bytes() == site["pdf"]


def test_a_restore_refuses_a_database_in_use_and_a_damaged_backup(site, tmp_path):
    backup = tmp_path / "backup"
    call_command("backup", str(backup))
    # Into the database it came from (not empty): refused without --force, nothing changed.
    with pytest.raises(CommandError, match=r"already holds tables.*--force"):
        call_command("restore", str(backup))
    # A file changed after the backup: refused before anything is touched, naming the file.
    damaged = tmp_path / "damaged"
    shutil.copytree(backup, damaged)
    pdf = damaged / "files" / "private" / site["pdf_name"]
    pdf.write_bytes(pdf.read_bytes()[:-10])
    with pytest.raises(CommandError, match=re.escape(f"{pdf}: its content does not match")):
        call_command("restore", str(damaged), "--force")
    # A backup is never written over another.
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(backup))
    assert not (tmp_path / "backup.partial").exists()
    # --force replaces what the database holds with the backup's content.
    Learner.objects.filter(pk=site["learner"].pk).update(display_name="Changed")
    call_command("restore", str(backup), "--force")
    assert Learner.objects.get(pk=site["learner"].pk).display_name == "Nour Al-Hassan"


@pytest.fixture
def buckets(tmp_path_factory):
    yield from object_store(tmp_path_factory.mktemp("seaweedfs"))


def test_a_backup_from_disk_restores_into_buckets_and_backs_up_from_them(
    site, fresh_database, buckets, tmp_path
):
    """The storages are read and written through Django's: a site moves between local folders
    and object storage by a backup and a restore, and a backup of the buckets holds the same."""
    from_disk = tmp_path / "from-disk"
    folders = {
        "media": Path(django_settings.MEDIA_ROOT),
        "private": Path(django_settings.PRIVATE_MEDIA_ROOT),
    }
    made = run_script(
        "backup", str(from_disk), database=connection.settings_dict["NAME"], **folders
    )
    assert made.returncode == 0, made.stderr

    unused = {"media": tmp_path / "unused-media", "private": tmp_path / "unused-private"}
    into_buckets = buckets.environment()
    restored = run_script(
        "restore", str(from_disk), database=fresh_database, buckets=into_buckets, **unused
    )
    assert restored.returncode == 0, restored.stderr
    assert site["pdf_name"] in buckets.keys(PRIVATE_BUCKET)
    assert not (unused["private"] / site["pdf_name"]).exists()

    from_buckets = tmp_path / "from-buckets"
    made = run_script(
        "backup", str(from_buckets), database=fresh_database, buckets=into_buckets, **unused
    )
    assert made.returncode == 0, made.stderr
    first = json.loads((from_disk / "manifest.json").read_text())
    second = json.loads((from_buckets / "manifest.json").read_text())
    assert second["files"] == first["files"] and first["files"]["private"]
    assert second["database"]["rows"] == first["database"]["rows"]
    media_names = {entry["name"] for entry in first["files"]["default"]}
    assert media_names <= set(buckets.keys(MEDIA_BUCKET))

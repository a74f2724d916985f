"""The print cache follows what documents show: snippets too, not only page revisions, and
superseded certificate parts do not stay on disk."""

import os
import time
from pathlib import Path

import pytest

from cms.certs.annex import annex_key
from cms.certs.cached_parts import ANNEX_DIR, VERSO_DIR, sweep_superseded_parts
from cms.printing import jobs
from cms.printing.documents import PrintOptions
from cms.printing.jobs import request_print
from cms.printing.storage import PRIVATE_STORAGE, private_path
from cms.project.models import Partner

from .factories import ModulePageFactory, TrainerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    monkeypatch.setattr(jobs.dispatcher, "send", lambda job_id: None)


def ask(page):
    return request_print("module", [page.pk], "en", PrintOptions())


def handout_module():
    """A module whose handout prints its partner's name and its trainer."""
    trainer = TrainerFactory(name="Amina Haddad")
    return ModulePageFactory(partner=trainer.partner, trainers=[trainer])


def test_renaming_the_partner_a_handout_prints_renders_it_again():
    page = handout_module()
    first, _reused = ask(page)
    again, reused = ask(page)
    assert reused and again.pk == first.pk

    partner = Partner.objects.get(pk=page.specific.partner_id)
    partner.name = f"{partner.name} (renamed)"
    partner.save()
    renamed, reused = ask(page)
    assert not reused and renamed.fingerprint != first.fingerprint


def test_renaming_a_trainer_renders_again_too():
    page = handout_module()
    first, _reused = ask(page)
    trainer = page.trainers.get()
    trainer.name = f"{trainer.name} Jr"
    trainer.save()
    assert not ask(page)[1]
    assert ask(page)[0].fingerprint != first.fingerprint


def part(folder: str, name: str, age_days: float = 0) -> Path:
    path = private_path(f"{folder}/{name}")
    assert "migrantech-test-private" not in str(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.7\n")
    moment = time.time() - age_days * 86400
    os.utime(path, (moment, moment))
    return path


def test_superseded_annexes_and_long_unused_versos_are_swept(settings, tmp_path):
    # Fake parts in a private storage of their own: they must not reach other tests' certificates.
    settings.STORAGES = {
        **settings.STORAGES,
        PRIVATE_STORAGE: {**settings.STORAGES[PRIVATE_STORAGE], "OPTIONS": {"location": tmp_path}},
    }
    settings.CERTIFICATE_PART_UNUSED_DAYS = 30
    current = part(ANNEX_DIR, f"{annex_key('ar')}-ar.pdf", age_days=90)
    superseded = part(ANNEX_DIR, f"{'0' * 32}-ar.pdf")
    used_lately = part(VERSO_DIR, f"{'1' * 32}-fr.pdf", age_days=2)
    unused = part(VERSO_DIR, f"{'2' * 32}-fr.pdf", age_days=31)

    removed = sweep_superseded_parts()

    assert set(removed) == {
        f"{ANNEX_DIR}/{superseded.name}",
        f"{VERSO_DIR}/{unused.name}",
    }
    assert current.exists() and used_lately.exists()
    assert not superseded.exists() and not unused.exists()

"""A certificate printed by a real Celery worker, on Redis and PostgreSQL, after its issue commits.

Like ``test_print_workers``, this runs outside the per-test transaction (the worker is another
process) and cleans up after itself; without the services it skips, except under CI where it
fails.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from pypdf import PdfReader

from cms import celery_app
from cms.certs.models import Certificate
from cms.learners.models import Learner
from cms.printing.models import PrintJob

from .celery_worker import Worker, require_worker_services
from .certs_helpers import category, complete_category, learner
from .print_helpers import flat, text
from .test_print_workers import wait_for

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


@pytest.fixture(autouse=True)
def services():
    require_worker_services()


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    """Database access without the per-test transaction: the worker sees committed rows only."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def amina():
    with transaction.atomic():
        who = learner()
    yield who
    jobs = list(Certificate.objects.filter(learner=who).values_list("print_job", flat=True))
    Certificate.objects.filter(learner=who).delete()
    PrintJob.objects.filter(pk__in=jobs).delete()
    Learner.objects.filter(pk=who.pk).delete()


def test_a_worker_prints_the_certificates_issued_by_a_completion(amina, tmp_path):
    celery_app.control.purge()
    worker = Worker(settings.REDIS_URL, tmp_path)
    try:
        with transaction.atomic():
            complete_category(amina, category())
        group = Certificate.objects.get(learner=amina, type=Certificate.Type.GROUP)
        done = wait_for(
            lambda: PrintJob.objects.filter(
                pk=group.print_job_id, status=PrintJob.Status.DONE
            ).first(),
            "the worker to print the category certificate",
            [worker],
        )
    finally:
        worker.kill()
    printed = flat(text(PdfReader(Path(done.result.path))))
    assert "Amina Diallo" in printed and "Digital skills" in printed
    assert "For completing the 6 courses of the category" in printed

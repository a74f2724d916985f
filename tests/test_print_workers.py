"""Real Celery workers on real Redis and PostgreSQL: a killed worker or a restarted Redis loses no
print job.

The workers are separate processes on the test database, so these tests work outside the
per-test transaction (the jobs they create must be committed) and clean up after themselves.
They need PostgreSQL, REDIS_URL and redis-server; without them they skip, except under CI
(``CI=true``) where they fail.
"""

import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from pypdf import PdfReader

from cms import celery_app
from cms.guide.models import InfographicPage
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from cms.printing import jobs
from cms.printing.documents import PrintOptions
from cms.printing.jobs import request_print
from cms.printing.models import PrintJob
from tasks.printing import render_print_job

from .celery_worker import Worker, require_worker_services
from .print_helpers import render, text

SPARE_REDIS_PORT = 6390
WAIT_SECONDS = 180
QUEUE_PATIENCE = 10
"""Seconds a queued job may wait before the sweeper sends it again (10 minutes in production)."""

Status = PrintJob.Status


@pytest.fixture(autouse=True)
def services():
    require_worker_services()


pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    """Database access *without* the per-test transaction (pytest-django's fixture, replaced).

    The workers are other processes: they only see committed rows, and the catalogue they print
    must survive the test (a transactional test case would empty every table afterwards).
    """
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def database():
    PrintJob.objects.all().delete()
    yield
    PrintJob.objects.all().delete()


@pytest.fixture
def workers(tmp_path):
    started: list[Worker] = []

    def start(broker_url: str = settings.REDIS_URL) -> Worker:
        started.append(Worker(broker_url, tmp_path, PRINT_QUEUE_PATIENCE_SECONDS=QUEUE_PATIENCE))
        return started[-1]

    yield start
    for worker in started:
        worker.kill()


def wait_for(condition, what: str, workers_to_show: list[Worker], timeout: float = WAIT_SECONDS):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    logs = "\n\n".join(worker.tail() for worker in workers_to_show)
    pytest.fail(f"Timed out waiting for {what}.\n{logs}")


def test_a_job_survives_its_worker_being_killed_mid_render(database, workers):
    celery_app.control.purge()
    first = workers()
    category = CategoryPage.objects.get(slug="soft-skills", locale__language_code="en")
    job, _ = request_print("category", [category.pk], "en", PrintOptions(good_practices=True))

    def rendering():
        current = PrintJob.objects.get(pk=job.pk)
        return current.status == Status.RUNNING and 15 <= current.progress < 90

    wait_for(rendering, "the job to be half rendered", [first])
    first.kill()
    killed = PrintJob.objects.get(pk=job.pk)
    assert (killed.status, killed.attempts) == (Status.RUNNING, 1)
    assert not (Path(settings.PRIVATE_MEDIA_ROOT) / "print" / f"{job.pk}.pdf").exists()

    second = workers()
    done = wait_for(
        lambda: PrintJob.objects.filter(pk=job.pk, status=Status.DONE).first(),
        "the job to be completed by the restarted worker",
        [first, second],
    )
    assert done.attempts == 2 and done.error == ""
    pdf = PdfReader(Path(done.result.path))
    assert len(pdf.pages) == done.page_count > 10


@pytest.fixture
def spare_redis(tmp_path):
    """A Redis of our own on another port, without persistence, that the test may restart."""
    if _port_open(SPARE_REDIS_PORT):
        pytest.fail(f"Port {SPARE_REDIS_PORT} is taken; the test needs it for its own Redis.")
    server = {"process": None}

    def start():
        server["process"] = subprocess.Popen(
            [
                "redis-server",
                *["--port", str(SPARE_REDIS_PORT), "--bind", "127.0.0.1"],
                *["--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(lambda: _port_open(SPARE_REDIS_PORT), "redis-server to start", [])

    def kill():
        server["process"].kill()
        server["process"].wait(timeout=30)

    start()
    yield {"url": f"redis://127.0.0.1:{SPARE_REDIS_PORT}/0", "restart": lambda: (kill(), start())}
    kill()


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_no_job_is_lost_when_redis_restarts_with_jobs_queued(
    database, workers, spare_redis, monkeypatch, settings
):
    settings.PRINT_QUEUE_PATIENCE_SECONDS = QUEUE_PATIENCE

    def enqueue_on_spare_redis(job_id):
        with celery_app.connection_for_write(spare_redis["url"]) as connection:
            render_print_job.apply_async((str(job_id),), connection=connection)

    monkeypatch.setattr(jobs, "enqueue", enqueue_on_spare_redis)
    worker = workers(spare_redis["url"])
    slugs = ["trauma", "self-confidence", "e-reputation", "market-knowledge", "teamwork-2"]
    asked = [
        request_print(
            "module",
            [ModulePage.objects.get(slug=slug, locale__language_code="en").pk],
            "uk",
            PrintOptions(),
        )[0]
        for slug in slugs
    ]
    wait_for(
        lambda: PrintJob.objects.filter(status=Status.RUNNING).exists(),
        "the worker to start on the queue",
        [worker],
    )
    assert PrintJob.objects.filter(status=Status.QUEUED).count() >= 3

    spare_redis["restart"]()
    assert redis.Redis.from_url(spare_redis["url"]).llen("celery") == 0, "the queue survived"
    assert PrintJob.objects.filter(status=Status.QUEUED).count() >= 3

    wait_for(
        lambda: PrintJob.objects.filter(status=Status.DONE).count() == len(asked),
        "every queued job to be printed after the restart",
        [worker],
    )
    for job in PrintJob.objects.all():
        assert Path(job.result.path).stat().st_size > 1000


def test_a_worker_prints_every_kind_of_document_as_the_web_process_would(
    database, workers, tmp_path
):
    """Each kind queued through Redis comes back from the worker with the same pages and text as
    a rendering in the test process (whose content the document tests check in detail)."""
    celery_app.control.purge()
    worker = workers()
    module_ids = [
        ModulePage.objects.get(slug=slug, locale__language_code="en").pk
        for slug in ("teamwork-1", "trauma")
    ]
    category = CategoryPage.objects.get(slug="soft-skills", locale__language_code="en")
    pathway = PathwayPage.objects.get(slug="first-steps-to-work", locale__language_code="en")
    infographic = InfographicPage.objects.filter(locale__language_code="en").first()
    requests = [
        ("module", module_ids[:1], "ar", {}),
        ("category", [category.pk], "fr", {}),
        ("pathway", [pathway.pk], "tr", {"paper": "Letter"}),
        ("selection", module_ids, "uk", {"good_practices": True}),
        ("library", [], "en", {}),
        ("poster", [infographic.pk], "fa", {}),
        ("guide", [], "nl", {}),
    ]
    asked = [
        (request_print(kind, ids, locale, PrintOptions(**options))[0], kind, ids, locale, options)
        for kind, ids, locale, options in requests
    ]
    wait_for(
        lambda: PrintJob.objects.filter(status=Status.DONE).count() == len(asked),
        "the worker to print every kind",
        [worker],
    )
    for job, kind, ids, locale, options in asked:
        printed = PdfReader(PrintJob.objects.get(pk=job.pk).result.path)
        expected = render(tmp_path, kind, ids, locale, **options)
        assert len(printed.pages) == len(expected.pages), kind
        assert text(printed) == text(expected), kind
        assert printed.metadata.title == expected.metadata.title, kind

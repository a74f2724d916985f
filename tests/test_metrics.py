"""/metrics: the print queue and rendering times for Prometheus, for those holding the token."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from cms.printing.models import PrintJob

pytestmark = pytest.mark.django_db

TOKEN = "metrics-token-for-the-tests-0123456789"
Status = PrintJob.Status


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def job(status: str, *, waited: float = 0, rendered: float | None = None) -> PrintJob:
    created = PrintJob.objects.create(kind="module", targets=[], locale="en", status=status)
    now = timezone.now()
    PrintJob.objects.filter(pk=created.pk).update(created_at=now - timedelta(seconds=waited))
    if rendered is not None:
        PrintJob.objects.filter(pk=created.pk).update(
            started_at=now - timedelta(seconds=rendered), finished_at=now
        )
    return created


def scrape(headers: dict) -> dict[str, dict]:
    answer = Client().get("/metrics", **headers)
    assert answer.status_code == 200
    assert answer["Cache-Control"] == "no-store"
    assert answer["Content-Type"].startswith("text/plain; version=")
    samples = {}
    for family in text_string_to_metric_families(answer.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def test_the_queue_and_the_rendering_times(token):
    job(Status.QUEUED, waited=40)
    job(Status.QUEUED, waited=5)
    job(Status.RUNNING)
    job(Status.FAILED)
    job(Status.DONE, rendered=1.5)
    job(Status.DONE, rendered=12)
    job(Status.DONE, rendered=250)

    samples = scrape(token)

    def jobs(status):
        return samples[("migrantech_print_jobs", (("status", status),))]

    assert (jobs("queued"), jobs("running"), jobs("done"), jobs("failed")) == (2, 1, 3, 1)
    assert 40 <= samples[("migrantech_print_queue_oldest_age_seconds", ())] < 50

    def bucket(limit):
        return samples[("migrantech_print_render_seconds_bucket", (("le", limit),))]

    assert (bucket("1.0"), bucket("2.0"), bucket("10.0"), bucket("20.0")) == (0, 1, 1, 2)
    assert (bucket("300.0"), bucket("+Inf")) == (3, 3)
    assert samples[("migrantech_print_render_seconds_count", ())] == 3
    assert samples[("migrantech_print_render_seconds_sum", ())] == pytest.approx(263.5)


def test_an_empty_queue_is_zero(token):
    samples = scrape(token)
    assert samples[("migrantech_print_queue_oldest_age_seconds", ())] == 0
    assert samples[("migrantech_print_render_seconds_count", ())] == 0


def test_metrics_need_the_token_and_do_not_exist_without_one(settings):
    settings.METRICS_TOKEN = ""
    assert Client().get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404
    settings.METRICS_TOKEN = TOKEN
    assert Client().get("/metrics").status_code == 404
    assert Client().get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404

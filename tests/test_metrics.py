"""/metrics: the print queue, rendering times and web requests for Prometheus, for those holding
the token."""

import socket
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import requests
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from cms.printing.models import PrintJob

from .live_server import _database_url
from .web_processes import web_process

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


def test_every_request_is_counted_and_timed_by_one_scrape_of_any_worker(tmp_path):
    """gunicorn with two worker processes: whichever answers /metrics counts the other's too."""
    folder = tmp_path / "prometheus"
    with web_process(
        _database_url(tmp_path),
        tmp_path / "web.log",
        workers=2,
        PROMETHEUS_MULTIPROC_DIR=str(folder),
        METRICS_TOKEN=TOKEN,
    ) as server:
        before = scrape_server(server.url)
        # One worker is kept busy with a request it has not fully received, so the other answers
        # all the calls below; then the first answers that one.
        address = urlsplit(server.url)
        held = socket.create_connection((address.hostname, address.port), timeout=30)
        held.sendall(b"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        time.sleep(1)
        calls = (
            [("GET", "/api/v1/locales/")] * 40
            + [("GET", "/api/v1/modules/999999999/")] * 10
            + [("POST", "/api/v1/locales/")] * 5
            + [("GET", "/health/live")] * 5
        )

        def call(method_and_path):
            method, path = method_and_path
            return requests.request(method, server.url + path, timeout=30).status_code

        with ThreadPoolExecutor(8) as pool:
            statuses = Counter(pool.map(call, calls))
        assert statuses == {200: 45, 404: 10, 405: 5}
        held.sendall(b"Connection: close\r\n\r\n")
        assert held.makefile("rb").readline().startswith(b"HTTP/1.1 200")
        held.close()
        # Both workers answered some (each keeps its values in files named by its process id).
        assert len({path.stem.split("_")[-1] for path in folder.glob("counter_*.db")}) == 2
        scrapes = [scrape_server(server.url) for _ in range(4)]

    requests_metric = "migrantech_http_requests_total"
    duration_metric = "migrantech_http_request_duration_seconds"
    for after in scrapes:

        def added(name, after=after, **labels):
            return value(after, name, **labels) - value(before, name, **labels)

        assert added(requests_metric, method="GET", kind="content-api", status="200") == 40
        assert added(requests_metric, method="GET", kind="content-api", status="404") == 10
        assert added(requests_metric, method="POST", kind="content-api", status="405") == 5
        assert added(requests_metric, method="GET", kind="health", status="200") == 6
        assert added(f"{duration_metric}_count", kind="content-api") == 55
        assert added(f"{duration_metric}_bucket", kind="content-api", le="+Inf") == 55
        fast = added(f"{duration_metric}_bucket", kind="content-api", le="0.1")
        assert 0 < fast <= added(f"{duration_metric}_bucket", kind="content-api", le="10.0") == 55
        assert 0 < added(f"{duration_metric}_sum", kind="content-api") < 55 * 10


def value(samples: dict[tuple, float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0)


def scrape_server(url: str) -> dict[tuple, float]:
    """One scrape over a new connection, parsed by prometheus_client's own parser."""
    answer = requests.get(
        f"{url}/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30
    )
    assert answer.status_code == 200, answer.text[:500]
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }

"""Certificates rendered per second by two worker processes (target: at least 5 per second).

Usage, on a database with the catalogue loaded (``manage.py load_catalogue``), with PostgreSQL
and Redis as in production::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/migrantech_bench \\
    REDIS_URL=redis://127.0.0.1:6379/5 MEDIA_ROOT=/tmp/bench-media \\
    .venv/bin/python benchmarks/certificates_benchmark.py

It issues type 1 certificates to benchmark learners (as completions do, each print job queued
when its issue commits), lets ``celery worker --concurrency 2`` print them, and measures from the
issue to the last finished PDF, in the steady state: the same modules are certified once first,
so the worker processes are warm and the annex (printed once per locale) and the modules'
versos (printed once per module, locale and day) exist. The results
replace the "Certificates" section of docs/benchmarks.md; the benchmark's learners,
certificates and jobs are removed afterwards.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- certificates-benchmark:start -->", "<!-- certificates-benchmark:end -->"
TARGET_PER_SECOND = 5.0

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("DEBUG", "false")

from benchmarks.workers import celery_worker  # noqa: E402 - needs ROOT on the path


def issue_certificates(count: int, first: int = 0) -> list[str]:
    """``count`` type 1 certificates, one learner per module, completed in one transaction; their
    print jobs' ids.

    The certificates are issued, and their print jobs sent to the workers, once it commits.
    """
    from django.db import transaction
    from django.utils import timezone

    from cms.certs.models import Certificate
    from cms.learners.models import Learner, ModuleCompletion
    from cms.learners.signals import module_completed
    from cms.modules.models import ModulePage

    modules = list(ModulePage.objects.live().filter(locale__language_code="en").order_by("path"))
    learners = []
    with transaction.atomic():
        for number in range(first, first + count):
            learner = Learner.objects.create(display_name=f"Benchmark {number}", locale="en")
            module = modules[number % len(modules)]
            completion = ModuleCompletion.objects.create(
                learner=learner, module=module, completed_at=timezone.now()
            )
            module_completed.send(
                Learner, learner=learner, completion=completion, groups=[], all_modules=False
            )
            learners.append(learner)
    jobs = Certificate.objects.filter(learner__in=learners).values_list("print_job", flat=True)
    return list(jobs)


def wait_until_printed(job_ids: list[str], folder: Path) -> None:
    from cms.printing.models import PrintJob

    while PrintJob.objects.filter(pk__in=job_ids, status="done").count() < len(job_ids):
        if PrintJob.objects.filter(pk__in=job_ids, status="failed").exists():
            log = (folder / "worker.log").read_text()[-3000:]
            raise RuntimeError(f"a certificate failed to print; the worker said:\n{log}")
        time.sleep(0.1)


def clean_up() -> None:
    from cms.certs.models import Certificate
    from cms.learners.models import Learner
    from cms.printing.models import PrintJob

    learners = Learner.objects.filter(display_name__startswith="Benchmark ")
    certificates = Certificate.objects.filter(learner__in=learners)
    jobs = list(certificates.values_list("print_job", flat=True))
    certificates.delete()
    PrintJob.objects.filter(pk__in=jobs).delete()
    learners.delete()


def certificates_per_second(count: int, folder: Path) -> float:
    """Steady state: the workers are warm, the annex and the versos printed beforehand."""
    try:
        with celery_worker(folder):
            wait_until_printed(issue_certificates(count), folder)
            started = time.perf_counter()
            wait_until_printed(issue_certificates(count), folder)
            elapsed = time.perf_counter() - started
    finally:
        clean_up()
    return count / elapsed


def seconds_per_certificate(count: int, folder: Path) -> float:
    """Median seconds to print one certificate in this process, warm (annex and verso printed).

    The certificates are issued directly and rolled back: nothing is committed, so no print job
    reaches the workers' queue."""
    from django.db import transaction
    from django.utils import timezone

    from cms.certs.issuing import issue
    from cms.certs.models import Certificate
    from cms.learners.models import Learner, ModuleCompletion
    from cms.modules.models import ModulePage
    from cms.printing.documents import PrintOptions
    from cms.printing.jobs import render_document

    MODULE = Certificate.Type.MODULE
    modules = list(ModulePage.objects.live().filter(locale__language_code="en").order_by("path"))
    with transaction.atomic():
        certificates: list[Certificate] = []
        for number in range(count + 1):
            learner = Learner.objects.create(display_name=f"Benchmark {number}", locale="en")
            module = modules[number % len(modules)]
            completed = ModuleCompletion.objects.create(
                learner=learner, module=module, completed_at=timezone.now()
            ).completed_at
            certificates.append(issue(learner, MODULE, module, [module], completed))
        timings = []
        for certificate in certificates:
            started = time.perf_counter()
            render_document(
                "certificate", [certificate.pk], "en", PrintOptions(), folder / "one.pdf"
            )
            timings.append(time.perf_counter() - started)
        transaction.set_rollback(True)
    return statistics.median(timings[1:])


def report(count: int, rate: float, one: float, load: float) -> str:
    verdict = "meets" if rate >= TARGET_PER_SECOND else "misses"
    return "\n".join(
        [
            START,
            f"Measured by `benchmarks/certificates_benchmark.py` on {platform.machine()}, "
            f"{os.cpu_count()} CPU(s), Python {platform.python_version()} (load average "
            f"{load:.1f} at the start: the machine is shared); `celery worker --concurrency 2`, "
            "PostgreSQL, Redis; each certificate is recto, verso and the 8-page annex, PDF/UA-1; "
            "steady state: the annex and the modules' versos (once per module and day) printed "
            "beforehand.",
            "",
            "| certificates (type 1, English) | certificates per second | target |",
            "| --- | ---: | --- |",
            f"| {count} | {rate:.2f} | ≥ {TARGET_PER_SECOND:g} ({verdict} it) |",
            "",
            f"One certificate in one warm process: median **{one:.2f} s**.",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=30, help="certificates to print")
    arguments = parser.parse_args()

    import django
    from django.conf import settings

    django.setup()
    if not settings.REDIS_URL or "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        raise SystemExit("This benchmark needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL).")
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        rate = certificates_per_second(arguments.count, Path(folder))
        one = seconds_per_certificate(10, Path(folder))
    section = report(arguments.count, rate, one, load)
    print(section)
    text = DOCS.read_text()
    if START in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n## Certificates\n\n" + section + "\n"
    DOCS.write_text(text)


if __name__ == "__main__":
    main()

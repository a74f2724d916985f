"""A real Celery worker of two processes for the benchmarks that measure throughput."""

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 60


@contextmanager
def celery_worker(folder: Path) -> Iterator[None]:
    """Start ``celery worker --concurrency 2`` on an empty queue; stop it on leaving."""
    from cms import celery_app

    celery_app.control.purge()
    worker = subprocess.Popen(  # noqa: S603 - our own worker
        [ROOT / ".venv/bin/celery", "--app", "cms", "worker", "--concurrency", "2"],
        cwd=ROOT,
        stdout=(folder / "worker.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + START_SECONDS
        while not celery_app.control.ping(timeout=1):
            if time.monotonic() > deadline:
                raise RuntimeError("the benchmark worker did not start; see worker.log")
        yield
    finally:
        worker.terminate()
        worker.wait(timeout=60)

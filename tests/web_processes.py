"""Real web processes (gunicorn) on the test database, the test run's Redis and its settings.

For tests about what several processes share: the response cache's invalidation, the request
metrics. Data they must see has to be committed (see ``committed_db`` in those tests).
"""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .live_server import _free_port, _wait_until_up


@dataclass
class WebProcess:
    url: str
    log: Path


@contextmanager
def web_process(
    database_url: str, log: Path, *, workers: int = 1, **environment: str
) -> Iterator[WebProcess]:
    """``gunicorn cms.wsgi`` with ``workers`` sync worker processes, until the block ends."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    output = log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(workers), "--timeout", "60", "--graceful-timeout", "5"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": settings.REDIS_URL,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": url,
            **environment,
        },
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_up(url, process)
        yield WebProcess(url, log)
    finally:
        process.terminate()
        process.wait(timeout=30)
        output.close()

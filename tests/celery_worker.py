"""A real ``celery worker`` process on the test database, for tests of the print pipeline."""

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CELERY = Path(settings.BASE_DIR) / ".venv" / "bin" / "celery"


def require_worker_services() -> None:
    """Real-worker tests need PostgreSQL, REDIS_URL and redis-server: without them they skip,
    except under CI (``CI=true``) where they fail."""
    missing = []
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        missing.append("DATABASE_URL must point at PostgreSQL")
    if not settings.REDIS_URL:
        missing.append("REDIS_URL must be set")
    if not shutil.which("redis-server"):
        missing.append("redis-server must be installed")
    if missing:
        under_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
        (pytest.fail if under_ci else pytest.skip)("Real-worker tests: " + "; ".join(missing))


def worker_environment(broker_url: str, **overrides: object) -> dict[str, str]:
    db = settings.DATABASES["default"]
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST']}:{db['PORT']}/"
            f"{db['NAME']}"
        ),
        "REDIS_URL": broker_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "PRINT_LEASE_SECONDS": "6",
        "PRINT_SWEEP_SECONDS": "2",
        "PYTHONUNBUFFERED": "1",
        **{name: str(value) for name, value in overrides.items()},
    }


class Worker:
    """A ``celery worker`` (with its beat, which runs the sweeper) in its own process group."""

    count = 0

    def __init__(self, broker_url: str, folder: Path, **settings_overrides: object) -> None:
        Worker.count += 1
        self.log = folder / f"worker-{Worker.count}.log"
        self.process = subprocess.Popen(
            [
                str(CELERY),
                *["--app", "cms", "worker", "--beat", "--concurrency", "1", "--loglevel", "INFO"],
                *["--without-gossip", "--without-mingle", "--without-heartbeat"],
                *["--schedule", str(folder / f"beat-{Worker.count}")],
                *["--hostname", f"print-test-{Worker.count}@%h"],
            ],
            cwd=settings.BASE_DIR,
            env=worker_environment(broker_url, **settings_overrides),
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        """SIGKILL to the whole worker: main process, pool and beat, with no chance to clean up."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def tail(self) -> str:
        return "\n".join(self.log.read_text().splitlines()[-40:])


@pytest.fixture
def print_worker(tmp_path):
    """A print worker when the site queues jobs in Redis; none when it prints them at once."""
    if not settings.REDIS_URL:
        yield None
        return
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.fail("With REDIS_URL the print worker needs the PostgreSQL test database.")
    started = Worker(settings.REDIS_URL, tmp_path)
    yield started
    started.kill()

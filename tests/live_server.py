"""A real web server (gunicorn) on the test database, for browser and schema-fuzzing tests.

Requests come from other processes (a browser, schemathesis), so the server must see the loaded
catalogue: on PostgreSQL it connects to the test database; on SQLite, whose test database lives
in memory, it gets a file copy of it. The editor account it needs is committed before it starts
and removed when the session ends.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

EDITOR = ("e2e-editor", "e2e-editor-password-9182")
STARTUP_SECONDS = 90


@dataclass
class LiveServer:
    url: str
    editor: tuple[str, str]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp: Path) -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        copy = tmp / "live.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{db['NAME']}"
    )


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the live server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/locales/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the live server did not answer within {STARTUP_SECONDS} s")


@pytest.fixture(scope="session")
def live_api_server(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[LiveServer]:
    from django.contrib.auth import get_user_model

    tmp = tmp_path_factory.mktemp("live-server")
    with django_db_blocker.unblock():
        user, _ = get_user_model().objects.get_or_create(username=EDITOR[0])
        user.is_superuser = user.is_staff = True
        # The server runs with the default hashers, not the tests' fast one.
        user.password = PBKDF2PasswordHasher().encode(EDITOR[1], "e2e-salt-000000")
        user.save()
        database_url = _database_url(tmp)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "true",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": url,
        "PREVIEW_URL": f"{url}/reader/",
    }
    log = (tmp / "server.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "60",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_up(url, process)
        yield LiveServer(url=url, editor=EDITOR)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        with django_db_blocker.unblock():
            get_user_model().objects.filter(username=EDITOR[0]).delete()

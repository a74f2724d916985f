"""A real web server (gunicorn) on the test database, for browser and schema-fuzzing tests.

Requests come from other processes (a browser, schemathesis), so the server must see the loaded
catalogue: on PostgreSQL it connects to the test database; on SQLite, whose test database lives
in memory, it gets a file copy of it. The accounts the browser tests sign in with (an editor, a
French translator and a French reviewer) are committed before it starts and removed when the
session ends. ``LiveServer.run_module`` runs a Python module on the server's database and cache.
"""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection

EDITOR = ("e2e-editor", "e2e-editor-password-9182")
TRANSLATOR = ("e2e-translator-fr", "e2e-translator-password-5307")
REVIEWER = ("e2e-reviewer-fr", "e2e-reviewer-password-7741")
STARTUP_SECONDS = 90


@dataclass
class LiveServer:
    url: str
    editor: tuple[str, str]
    translator: tuple[str, str]  # in the "Translators: French" group only
    reviewer: tuple[str, str]  # in the "Reviewers: French" group only
    environment: dict[str, str]

    def run_module(self, module: str, *arguments: str) -> str:
        """``python -m module arguments…`` on the server's database; its standard output."""
        finished = subprocess.run(
            [sys.executable, "-m", module, *arguments],
            cwd=settings.BASE_DIR,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=STARTUP_SECONDS,
        )
        if finished.returncode:
            raise RuntimeError(f"{module} {' '.join(arguments)} failed:\n{finished.stderr}")
        return finished.stdout


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


def _commit_account(
    credentials: tuple[str, str],
    *,
    superuser: bool = False,
    display_name: str = "",
    groups: Iterable[Group] = (),
) -> None:
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username=credentials[0])
    user.is_superuser = user.is_staff = superuser
    user.first_name = display_name
    # The server runs with the default hashers, not the tests' fast one.
    user.password = PBKDF2PasswordHasher().encode(credentials[1], "e2e-salt-000000")
    user.save()
    user.groups.set(groups)


def _commit_accounts() -> None:
    from wagtail.models import Locale

    from cms.translation.setup import reviewers_group, translators_group

    french = Locale.objects.get(language_code="fr")
    _commit_account(EDITOR, superuser=True)
    _commit_account(TRANSLATOR, display_name="Traductrice", groups=[translators_group(french)])
    _commit_account(REVIEWER, display_name="Relectrice", groups=[reviewers_group(french)])


@pytest.fixture(scope="session")
def live_api_server(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[LiveServer]:
    from django.contrib.auth import get_user_model

    tmp = tmp_path_factory.mktemp("live-server")
    with django_db_blocker.unblock():
        _commit_accounts()
        database_url = _database_url(tmp)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.live_settings",
        "DEBUG": "true",
        "DATABASE_URL": database_url,
        "LIVE_SERVER_CACHE_DIR": str(tmp / "cache"),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
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
        yield LiveServer(
            url=url,
            editor=EDITOR,
            translator=TRANSLATOR,
            reviewer=REVIEWER,
            environment=environment,
        )
    finally:
        # A quick shutdown: the tests are done, no request is worth the graceful stop's wait.
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=30)
        log.close()
        with django_db_blocker.unblock():
            get_user_model().objects.filter(
                username__in=[EDITOR[0], TRANSLATOR[0], REVIEWER[0]]
            ).delete()

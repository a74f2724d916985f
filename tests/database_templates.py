"""Ready-made test databases, built once and copied for each run.

Migrating takes about a minute and loading the demo catalogue two more, so neither happens per
run. Two templates are kept, each named after a hash of what it is built from:

- ``migrated``: every migration applied (key: the migration files and the pinned libraries);
- ``catalogue``: the migrated template plus the whole demo catalogue (key: the above, the
  ``catalogue/`` data and the loader's code).

A run copies one of them — ``catalogue`` if any selected test is marked ``catalogue``, else
``migrated`` — into its own test database: on PostgreSQL ``CREATE DATABASE … TEMPLATE …``, on
SQLite a file copy. The media files the catalogue created are kept beside the template and
copied into the run's ``MEDIA_ROOT``. When a key changes the template is rebuilt and the stale
one deleted; ``TEST_DB_REBUILD=1`` forces a rebuild. Templates live in ``.test-databases/`` (and,
on PostgreSQL, as databases named ``<name>_tpl_<kind>_<hash>``).

Run as a module (``python -m tests.database_templates <kind> <media folder>``) it builds one
template in the database ``DATABASE_URL`` names; the test set-up does that in a subprocess so
that the builder's settings and connections stay out of the test process.
``python -m tests.database_templates prepare migrated catalogue`` builds whichever templates are
missing, as ``bin/test`` does in the background from its start. Each kind has its own lock, so a
run that needs the migrated template copies it while the catalogue is still being loaded.
"""

import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
CACHE_DIR = BASE_DIR / ".test-databases"
KINDS = ("migrated", "catalogue")


def _files(*patterns: str) -> Iterable[Path]:
    for pattern in patterns:
        yield from sorted(p for p in BASE_DIR.glob(pattern) if p.is_file())


def _loader_dir() -> Path:
    """The package of the function the ``load_catalogue`` command calls, wherever it lives."""
    import inspect

    from django.core.management import get_commands, load_command_class

    command = load_command_class(get_commands()["load_catalogue"], "load_catalogue")
    loader = inspect.getmodule(sys.modules[type(command).__module__].load_catalogue)
    return Path(loader.__file__).resolve().parent


def template_key(kind: str) -> str:
    """A hash of everything the template of ``kind`` is built from."""
    inputs = [*_files("cms/**/migrations/*.py", "constraints.txt")]
    inputs += [*_files("cms/site/provisioning.py", "cms/site/groups.py")]
    inputs += [*_files("cms/translation/setup.py", "cms/certs/groups.py")]
    if kind == "catalogue":
        loader = _loader_dir()
        inputs += [*_files("catalogue/**/*"), *sorted(loader.rglob("*.py"))]
    digest = hashlib.sha256(f"{kind} {sys.version_info[:2]}".encode())
    for path in inputs:
        digest.update(str(path.relative_to(BASE_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


@contextmanager
def _locked(engine: "Engine", kind: str) -> Iterator[None]:
    """One builder of each kind per database server at a time (pytest-xdist workers start
    together). A lock per kind: the catalogue's long load, started early by ``bin/test``, does not
    hold up the runs that only copy the migrated template meanwhile."""
    CACHE_DIR.mkdir(exist_ok=True)
    with (CACHE_DIR / f"lock-{engine.label}-{kind}").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@dataclass
class Engine:
    """How templates are stored and copied for one database server (settings dict of Django)."""

    settings: dict

    @property
    def is_sqlite(self) -> bool:
        return self.settings["ENGINE"] == "django.db.backends.sqlite3"

    @property
    def label(self) -> str:
        return "sqlite" if self.is_sqlite else self.settings["NAME"]

    def template_name(self, kind: str, key: str) -> str:
        if self.is_sqlite:
            return str(CACHE_DIR / f"{kind}-{key}.sqlite3")
        return f"{self.settings['NAME']}_tpl_{kind}_{key}"

    def url(self, name: str) -> str:
        if self.is_sqlite:
            return f"sqlite:///{name}"
        s = self.settings
        password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
        host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
        return f"postgres://{s['USER']}{password}@{host}/{name}"

    def _admin(self, statement: str, *parameters: str) -> list[tuple]:
        """A statement on the server's maintenance database, outside any transaction."""
        import psycopg

        s = self.settings
        with psycopg.connect(
            host=s["HOST"] or "127.0.0.1",
            port=s["PORT"] or 5432,
            user=s["USER"],
            password=s.get("PASSWORD") or None,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            cursor = conn.execute(statement, parameters or None)
            return cursor.fetchall() if cursor.description else []

    def exists(self, name: str) -> bool:
        if self.is_sqlite:
            return Path(name).exists()
        rows = self._admin("SELECT 1 FROM pg_database WHERE datname = %s", name)
        return bool(rows)

    def copy(self, template: str, target: str) -> None:
        self.drop(target)
        if self.is_sqlite:
            source, copy = sqlite3.connect(template), sqlite3.connect(target)
            source.backup(copy)
            source.close()
            copy.close()
        else:
            self._admin(f'CREATE DATABASE "{target}" TEMPLATE "{template}"')

    def drop(self, name: str) -> None:
        if self.is_sqlite:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(name + suffix).unlink(missing_ok=True)
        else:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop_stale(self, kind: str, keep: str) -> None:
        if self.is_sqlite:
            stale = [str(p) for p in CACHE_DIR.glob(f"{kind}-*.sqlite3") if str(p) != keep]
        else:
            prefix = f"{self.settings['NAME']}_tpl_{kind}_".replace("_", r"\_")
            query = "SELECT datname FROM pg_database WHERE datname LIKE %s"
            rows = self._admin(query, prefix + "%")
            stale = [row[0] for row in rows if row[0] != keep]
        for name in stale:
            self.drop(name)


def _media_dir(engine: Engine, kind: str, key: str) -> Path:
    return CACHE_DIR / f"media-{engine.label}-{kind}-{key}"


def _completion_mark(media: Path) -> Path:
    return media.with_name(media.name + ".complete")


def _build(engine: Engine, kind: str, key: str) -> None:
    name, media = engine.template_name(kind, key), _media_dir(engine, kind, key)
    shutil.rmtree(media, ignore_errors=True)
    _completion_mark(media).unlink(missing_ok=True)
    media.mkdir(parents=True)
    if kind == "catalogue":
        base_key = template_key("migrated")
        with _locked(engine, "migrated"):
            engine.copy(ensure_template(engine, "migrated"), name)
        shutil.copytree(_media_dir(engine, "migrated", base_key), media, dirs_exist_ok=True)
    else:
        engine.drop(name)
        if not engine.is_sqlite:
            engine._admin(f'CREATE DATABASE "{name}"')
    print(f"\nBuilding the {kind} test database template ({key})…", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "tests.database_templates", kind, str(media)],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": engine.url(name),
        },
        check=True,
    )
    _completion_mark(media).touch()
    engine.drop_stale(kind, keep=name)
    for stale in CACHE_DIR.glob(f"{media.name.rsplit('-', 1)[0]}-*"):
        if stale in (media, _completion_mark(media)):
            continue
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)


def ensure_template(engine: Engine, kind: str, *, rebuild: bool = False) -> str:
    """The template of ``kind``, built first if missing, out of date or ``rebuild`` is asked
    (call under its lock)."""
    key = template_key(kind)
    name = engine.template_name(kind, key)
    fresh = _completion_mark(_media_dir(engine, kind, key)).exists() and engine.exists(name)
    if not fresh or rebuild:
        _build(engine, kind, key)
    return name


def _rebuild_asked() -> bool:
    return os.environ.get("TEST_DB_REBUILD") == "1"


def prepare_test_database(settings: dict, test_name: str, kind: str, media_root: str) -> None:
    """Copy the template of ``kind`` into ``test_name`` and its media into ``media_root``."""
    engine = Engine(settings)
    with _locked(engine, kind):
        template = ensure_template(engine, kind, rebuild=_rebuild_asked())
        engine.copy(template, test_name)
    shutil.copytree(_media_dir(engine, kind, template_key(kind)), media_root, dirs_exist_ok=True)


def drop_test_database(settings: dict, test_name: str) -> None:
    Engine(settings).drop(test_name)


def _build_here(kind: str, media: str) -> None:
    """In the builder subprocess: migrate, or load the catalogue, into ``DATABASE_URL`` (through
    the management commands, so the loader may move between apps)."""
    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = media
    from django.core.management import call_command

    if kind == "migrated":
        call_command("migrate", verbosity=0, interactive=False)
        call_command("provision", verbosity=0)
    else:
        call_command("load_catalogue", no_progress=True, verbosity=0)


def prepare(kinds: Iterable[str]) -> None:
    """Build the templates of ``kinds`` that are missing or out of date, in that order, for the
    database ``DATABASE_URL`` names: ``bin/test`` starts this in the background while the linters
    and the first pass run, so that no test waits for a template being built."""
    import signal

    import django
    from django.conf import settings

    # Stopped (bin/test ending early), the builder subprocess is stopped too: subprocess.run
    # kills its child when an exception goes through it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    engine = Engine(dict(settings.DATABASES["default"]))
    for kind in kinds:
        with _locked(engine, kind):
            ensure_template(engine, kind, rebuild=_rebuild_asked())


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2:])
    else:
        _build_here(*sys.argv[1:3])

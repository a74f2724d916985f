"""A database that was only migrated and provisioned, as a production release leaves it, has every
group, permission and translation workflow; provisioning again changes nothing.

The database is a fresh SQLite file set up by the same commands as the Procfile's release step,
in other processes; the expected names are the ones the editors' and translators' guides use.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["French", "Dutch", "Portuguese", "Turkish", "Arabic", "Dari / Persian", "Ukrainian"]
EXPECTED_GROUPS = {
    "Editors",  # Wagtail's own, from its migrations
    "Moderators",
    "Counsellors",
    "Certificate moderators",
    *(f"Translators: {language}" for language in LANGUAGES),
    *(f"Reviewers: {language}" for language in LANGUAGES),
}
EXPECTED_WORKFLOWS = {f"Translation review: {language}" for language in LANGUAGES}

INSPECT = """
import json
from django.contrib.auth.models import Group
from wagtail.models import Locale, Workflow, WorkflowPage
print(json.dumps({
    "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
    "groups": {g.name: sorted(g.permissions.values_list("codename", flat=True))
               for g in Group.objects.all()},
    "workflows": {w.name: sorted(WorkflowPage.objects.filter(workflow=w)
                                 .values_list("page__locale__language_code", flat=True))
                  for w in Workflow.objects.all()},
    "page_permissions": {
        g.name: sorted(set(
            g.page_permissions.values_list("page__locale__language_code", flat=True)
        ))
        for g in Group.objects.filter(page_permissions__isnull=False).distinct()
    },
}))
"""


def manage(database: Path, *arguments: str) -> str:
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    environment.pop("REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def provisioned(tmp_path_factory):
    database = tmp_path_factory.mktemp("release") / "db.sqlite3"
    manage(database, "migrate", "--noinput", "-v0")
    manage(database, "provision")
    return database


def state(database: Path) -> dict:
    return json.loads(manage(database, "shell", "-c", INSPECT).strip().splitlines()[-1])


def test_a_migrated_and_provisioned_database_has_every_group_and_workflow(provisioned):
    found = state(provisioned)
    assert found["locales"] == sorted(["en", "fr", "nl", "pt", "tr", "ar", "fa", "uk"])
    assert set(found["groups"]) == EXPECTED_GROUPS
    assert {"access_admin", "print_packs", "print_answer_key"} <= set(found["groups"]["Moderators"])
    assert {"access_admin", "view_partner"} <= set(found["groups"]["Counsellors"])
    assert {"view_certificate", "revoke_certificate"} <= set(
        found["groups"]["Certificate moderators"]
    )
    for language in LANGUAGES:
        assert "access_admin" in found["groups"][f"Translators: {language}"]
    assert set(found["workflows"]) >= EXPECTED_WORKFLOWS
    assert sorted(
        code for name in EXPECTED_WORKFLOWS for code in found["workflows"][name]
    ) == sorted(["fr", "nl", "pt", "tr", "ar", "fa", "uk"])
    # Moderators on the home page, translators and reviewers on their own locale's tree only.
    assert found["page_permissions"]["Moderators"] == ["en"]
    for language, code in zip(LANGUAGES, ["fr", "nl", "pt", "tr", "ar", "fa", "uk"], strict=True):
        assert found["page_permissions"][f"Translators: {language}"] == [code]
        assert found["page_permissions"][f"Reviewers: {language}"] == [code]


def test_provisioning_again_changes_nothing(provisioned):
    before = state(provisioned)
    manage(provisioned, "provision")
    assert state(provisioned) == before

"""bin/demo's administrator: one password across runs, printed each time, never taken back."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(password_file: Path, *options: str) -> str:
    out = StringIO()
    call_command("create_demo_admin", "--password-file", str(password_file), *options, stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    return re.search(r"Password: (\S+)", output).group(1)


def test_later_runs_print_the_same_password_and_it_signs_in(tmp_path):
    password_file = tmp_path / "demo-admin"
    first = printed_password(run(password_file))
    second = run(password_file)
    assert "Kept the demo administrator." in second
    assert printed_password(second) == first
    assert User.objects.get(username="admin").check_password(first)
    assert password_file.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_a_password_changed_in_the_admin_is_left_alone_until_a_reset_is_asked(tmp_path):
    password_file = tmp_path / "demo-admin"
    generated = printed_password(run(password_file))
    admin = User.objects.get(username="admin")
    admin.set_password("chosen by the editor")
    admin.save()
    assert "the one you chose" in run(password_file)
    assert User.objects.get(username="admin").check_password("chosen by the editor")
    reset = printed_password(run(password_file, "--reset-password"))
    assert reset not in (generated, "chosen")
    assert User.objects.get(username="admin").check_password(reset)

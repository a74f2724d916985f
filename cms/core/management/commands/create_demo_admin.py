import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Create the demo administrator with a generated password, kept in a file outside git so "
        "that later runs print the same one; a password changed in the admin is left alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--site-url", default="http://127.0.0.1:8000")
        parser.add_argument(
            "--password-file",
            type=Path,
            default=Path(settings.BASE_DIR) / ".demo-admin",
            help="Where the generated password is kept (readable by its owner only).",
        )
        parser.add_argument(
            "--reset-password", action="store_true", help="Generate a new password."
        )

    def handle(
        self,
        *args: Any,
        username: str,
        site_url: str,
        password_file: Path,
        reset_password: bool,
        **options: Any,
    ) -> None:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        kept = password_file.read_text().strip() if password_file.exists() else ""
        if created or reset_password or not (kept or user.has_usable_password()):
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            descriptor = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w") as file:
                file.write(password + "\n")
            verb = "Created" if created else "Reset the password of"
        elif kept and user.check_password(kept):
            password, verb = kept, "Kept"
        else:
            password = f"the one you chose (a new one: manage.py {__name__.rsplit('.', 1)[-1]}"
            password += " --reset-password)"
            verb = "Kept"
        user.save()
        self.stdout.write(
            self.style.SUCCESS(f"{verb} the demo administrator.")
            + f"\n  Admin:    {site_url.rstrip('/')}/admin/\n  Username: {username}\n"
            f"  Password: {password}\n"
        )

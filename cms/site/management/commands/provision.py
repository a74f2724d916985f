from typing import Any

from django.core.management.base import BaseCommand

from cms.site.provisioning import provision


class Command(BaseCommand):
    help = (
        "Create or complete locales, the home page, groups, permissions, translation workflows "
        "and certificate moderators (safe to run again)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        provision()
        self.stdout.write("Provisioned.")

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cms.site.contract import write_contract


class Command(BaseCommand):
    help = (
        "Write frontend_contract/: openapi.yaml, the block JSON Schemas and (from the loaded "
        "catalogue) example responses."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-examples", action="store_true", help="Only the OpenAPI document and schemas."
        )

    def handle(self, *args: Any, no_examples: bool = False, **options: Any) -> None:
        for path in write_contract(with_examples=not no_examples):
            self.stdout.write(str(path))

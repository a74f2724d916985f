import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cms.translation.api.serializers import TranslationStatusSerializer
from cms.translation.report import module_statuses, summarise


class Command(BaseCommand):
    help = "Show how far each e-module is translated into each language (text and assets)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="The same JSON as the API.")

    def handle(self, *args: Any, json: bool, **options: Any) -> None:
        statuses = module_statuses()
        summary = summarise(statuses)
        if json:
            data = TranslationStatusSerializer({"summary": summary, "modules": statuses}).data
            self.stdout.write(_dumps(data))
            return
        codes = [row.locale for row in summary]
        self.stdout.write(f"{'e-module':<45}" + "".join(f"{code:>7}" for code in codes))
        for status in statuses:
            cells = []
            for code in codes:
                cell = status.locales[code]
                flag = "!" if cell.out_of_date else ("?" if cell.awaiting_review else " ")
                cells.append(f"{cell.percent:>5}%{flag}")
            self.stdout.write(f"{status.page.title[:44]:<45}" + "".join(cells))
        self.stdout.write(
            f"{'average':<45}" + "".join(f"{row.average_percent:>6}%" for row in summary)
        )
        self.stdout.write("! out of date   ? awaiting review")


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)

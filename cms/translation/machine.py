"""A deterministic machine translator for tests and offline demos.

Production plugs a real service through wagtail-localize's WAGTAILLOCALIZE_MACHINE_TRANSLATOR
setting (see ``cms/settings/base.py``: ``DEEPL_API_KEY``). This one prefixes every text node with
the target language code, keeping the markup, so a test can tell exactly what was machine-made.
"""

from typing import Any

from bs4 import BeautifulSoup, NavigableString
from wagtail.models import Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def _prefix_text(html: str, prefix: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.descendants):
        if isinstance(node, NavigableString) and node.strip():
            node.replace_with(f"{prefix}{node}")
    return str(soup)


class LabelledTranslator(BaseMachineTranslator):
    display_name = "Labelled test translator"

    def translate(
        self, source_locale: Locale, target_locale: Locale, strings: list[StringValue]
    ) -> dict[StringValue, StringValue]:
        prefix = f"[{target_locale.language_code}] "
        return {string: StringValue(_prefix_text(string.data, prefix)) for string in strings}

    def can_translate(self, source_locale: Locale, target_locale: Locale) -> bool:
        return source_locale.language_code != target_locale.language_code

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        super().__init__(options or {})

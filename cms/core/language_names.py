"""Names of the content languages for the admin: in the reader's own language.

A Portuguese editor reads "Inglês", a Persian translator "انگلیسی", wherever the admin names a
content language (Wagtail's locale filters and chips, wagtail-localize's editor, the translation
report, the print form). The names come from Django's own translations of language names
(``get_language_info(code)["name_translated"]``), so no table of ours has to be kept up to date.

Where people pick *their own* language (the landing page, the account's admin language) each
language keeps its own name (``settings.LANGUAGES``), as language pickers do; so does the API.

Only Django is imported here: the settings module builds ``WAGTAIL_CONTENT_LANGUAGES`` with it.
"""

from django.utils.functional import lazy
from django.utils.translation import get_language_info


def _name_in_reader_language(code: str, fallback: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return fallback


name_in_reader_language = lazy(_name_in_reader_language, str)
"""``name_in_reader_language("en", "English")``: "Inglês" while Portuguese is active; the
fallback for a code Django does not know. Lazy: evaluated in the language active when shown."""


def translated_languages(languages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(code, own name)`` pairs as ``(code, name in the reader's language)`` pairs."""
    return [(code, name_in_reader_language(code, name)) for code, name in languages]

"""The verso of a module certificate, printed once for every learner who gets the same one.

A type 1 certificate's verso shows the module (category, description, objectives, outcomes,
trainers and their organisation) and the day it was completed: nothing about the holder. Every
learner who completes a module on the same day gets the same verso, so it is rendered once into
``print/verso/<key>.pdf`` and appended, like the annex, after the recto (the only page that
names the holder). The key is a hash of the verso's HTML and of the layout's version: whatever
the verso shows changes it (a new revision published, a trainer renamed), so a stale verso is
never appended, and rendering the HTML costs little next to laying it out. Two workers printing
the same verso at once is harmless (each file is written whole, then renamed).
"""

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from cms.core.locales import direction_of
from cms.printing.fingerprint import cache_key
from cms.printing.pdf import write_pdf
from cms.printing.storage import mark_used, printed_copy, private_copy, private_output

from . import texts


def verso_html(locale: str, context: dict[str, Any]) -> str:
    with translation.override(locale):
        return render_to_string(
            "certs/print/verso_document.html",
            {
                **context,
                "locale": locale,
                "direction": direction_of(locale),
                "title": context["module"].page.title,
                "texts": texts,
            },
        )


def verso_pdf(locale: str, context: dict[str, Any]) -> Path:
    """The verso for ``context`` (a module certificate's), printed now if never printed."""
    html = verso_html(locale, context)
    key = cache_key("verso", html)[:32]
    name = f"print/verso/{key}-{locale}.pdf"
    path = private_copy(name)
    if path is not None:
        mark_used(name)  # in use: not swept (``cached_parts``)
        return path
    with private_output(name) as destination:
        write_pdf(html, destination, expected_pages=1)
    return printed_copy(name)

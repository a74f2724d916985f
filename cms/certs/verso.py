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

import hashlib
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from cms.printing.fingerprint import template_version
from cms.printing.locales import direction_of
from cms.printing.pdf import write_pdf
from cms.printing.storage import private_path

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
    key = hashlib.sha256(f"{template_version()}\n{html}".encode()).hexdigest()[:32]
    path = private_path(f"print/verso/{key}-{locale}.pdf")
    if not path.exists():
        write_pdf(html, path, expected_pages=1)
    return path

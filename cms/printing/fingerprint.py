"""What makes two print requests the same PDF: content, locale, options and template version.

The content part is the published revision of every page involved, in the source locale and in
the locale asked for (so a translation published later counts too), and the current values of
every snippet model printed documents show (partners, trainers, competences: registered at
start-up by the site with ``register_printed_snippets``). Publishing a page or saving a snippet
changes the fingerprint, and the next request renders again. The template version is a hash of
every file that shapes a printed page (print templates, block templates, CSS, fonts, the
printing code), so a deployment that changes the layout never serves an old file.

``cache_key`` is the one key scheme of everything printed and kept: jobs' fingerprints and the
parts printed once and appended to many documents (certificate versos and annexes).
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Model
from wagtail.models import Page

from .documents import PrintableDocument

PRINTING_DIR = Path(__file__).resolve().parent
LAYOUT_CODE = (
    "bidi.py",
    "documents.py",
    "links.py",
    "pdf.py",
    "scaled_fonts.py",
    "weasyprint_tags.py",
    "worksheets.py",
    "templatetags/printing_tags.py",
)


def _layout_files() -> list[Path]:
    files = [PRINTING_DIR / name for name in LAYOUT_CODE]
    files += [*PRINTING_DIR.glob("templates/printing/*.html"), *PRINTING_DIR.glob("static/**/*")]
    for config in apps.get_app_configs():
        app_dir = Path(config.path)
        files += app_dir.glob("printing.py")
        files += app_dir.glob("templates/*/print/*.html")
        files += app_dir.glob("templates/blocks/*.html")
        files += app_dir.glob("static/fonts/*.ttf")
    return sorted(path for path in set(files) if path.is_file())


@lru_cache(maxsize=1)
def template_version() -> str:
    digest = hashlib.sha256()
    for path in _layout_files():
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PRINTED_SNIPPETS: list[type[Model]] = []


def register_printed_snippets(*models: type[Model]) -> None:
    """Snippet models printed documents show: any change to one of them prints anew."""
    PRINTED_SNIPPETS.extend(model for model in models if model not in PRINTED_SNIPPETS)


def snippets_version() -> str:
    """A hash of every row of the printed snippet models (a few hundred rows at most)."""
    digest = hashlib.sha256()
    for model in PRINTED_SNIPPETS:
        digest.update(model._meta.label.encode())
        for row in model._default_manager.order_by("pk").values():
            digest.update(json.dumps(row, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def cache_key(kind: str, *parts: Any) -> str:
    """The key of a printed result: what it is (``kind``), what shapes it, and the layout."""
    payload = json.dumps([kind, template_version(), *parts], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def content_fingerprint(document: PrintableDocument) -> str:
    keys = {page.translation_key for page in document.pages_involved()}
    published = sorted(
        Page.objects.filter(
            translation_key__in=keys,
            live=True,
            locale__language_code__in={settings.LANGUAGE_CODE, document.locale},
        ).values_list(
            "translation_key", "locale__language_code", "live_revision_id", "alias_of_id"
        ),
        key=lambda row: (str(row[0]), row[1]),
    )
    return cache_key(
        document.kind,
        {
            "targets": [page.pk for page in document.targets],
            "locale": document.locale,
            "options": document.options.as_dict(),
            "pages": [
                [str(key), locale, revision, alias] for key, locale, revision, alias in published
            ],
            "snippets": snippets_version(),
        },
    )

"""What makes two print requests the same PDF: content, locale, options and template version.

The content part is the published revision of every page involved, in the source locale and in
the locale asked for (so a translation published later counts too). Publishing any of them
changes the fingerprint, and the next request renders again. The template version is a hash of
every file that shapes a printed page (print templates, block templates, CSS, fonts, the
printing code), so a deployment that changes the layout never serves an old file.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Page

from .documents import PrintableDocument

PRINTING_DIR = Path(__file__).resolve().parent
LAYOUT_CODE = (
    "documents.py",
    "links.py",
    "locales.py",
    "pdf.py",
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
    payload = {
        "kind": document.kind,
        "targets": [page.pk for page in document.targets],
        "locale": document.locale,
        "options": document.options.as_dict(),
        "template": template_version(),
        "pages": [
            [str(key), locale, revision, alias] for key, locale, revision, alias in published
        ],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

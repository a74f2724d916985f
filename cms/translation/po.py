"""PO files out and in, in bulk: a category, a pathway or the whole catalogue for one locale.

Partners translate with their usual tools (Poedit, Weblate, OmegaT…). Each page travels as one
PO file inside a zip; the file's headers say which page and which language it is. On the way
back in, a file with a broken entry is reported entry by entry and nothing from it is applied;
the other files are applied.
"""

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment

from .localize_drafts import save_draft
from .segments import translation_for

PAGE_HEADER = "X-MigranTech-Page"
SLUG_HEADER = "X-MigranTech-Slug"
TAG_PATTERN = re.compile(r"<(/?)([a-z0-9]+)((?:\s+id=\"[^\"]*\")?)[^>]*>")


def export_zip(pages: Iterable[Page], locale: Locale) -> bytes:
    """One PO file per page, with what is already translated filled in."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for page in pages:
            po = translation_for(page, locale).export_po()
            po.metadata.update(
                {
                    PAGE_HEADER: str(page.translation_key),
                    SLUG_HEADER: page.slug,
                    "Language": locale.language_code,
                }
            )
            archive.writestr(f"{page.specific_class.__name__.lower()}-{page.slug}.po", str(po))
    return buffer.getvalue()


@dataclass
class ImportReport:
    applied: list[str] = field(default_factory=list)
    refused: dict[str, list[str]] = field(default_factory=dict)


def import_zip(data: bytes, locale: Locale, source_locale: Locale) -> ImportReport:
    """Apply every valid PO file in the zip as a draft of the translated page."""
    report = ImportReport()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        report.refused["(archive)"] = ["not a zip file"]
        return report
    for name in sorted(n for n in archive.namelist() if n.endswith(".po")):
        problems = _import_one(
            name, archive.read(name).decode("utf-8", "replace"), locale, source_locale
        )
        if problems:
            report.refused[name] = problems
        else:
            report.applied.append(name)
    return report


def _import_one(name: str, text: str, locale: Locale, source_locale: Locale) -> list[str]:
    try:
        po = polib.pofile(text)
    except OSError as error:
        return [f"not a valid PO file: {error}"]
    language = po.metadata.get("Language", "")
    if language != locale.language_code:
        return [f"the file is in “{language or 'no language'}”, not “{locale.language_code}”"]
    page = Page.objects.filter(
        translation_key=po.metadata.get(PAGE_HEADER) or None, locale=source_locale
    ).first()
    if page is None:
        return [f"no page {po.metadata.get(SLUG_HEADER, '?')} (header {PAGE_HEADER})"]
    return apply_po(page.specific, locale, po)


def apply_po(page: Page, locale: Locale, po: polib.POFile) -> list[str]:
    """Apply ``po`` as a draft translation of ``page``: all of it, or nothing and the problems."""
    translation = translation_for(page, locale)
    problems = entry_problems(po, translation.source)
    if problems:
        return problems
    po.metadata.pop("X-WagtailLocalize-TranslationID", None)
    with transaction.atomic():
        warnings = translation.import_po(po, tool_name="PO file")
        if warnings:
            transaction.set_rollback(True)
            return [str(warning) for warning in warnings]
        save_draft(translation)
    return []


def entry_problems(po: polib.POFile, source: object) -> list[str]:
    """Every entry that cannot be applied, with its line number in the file."""
    known = set(
        StringSegment.objects.filter(source=source).values_list("string__data", "context__path")
    )
    problems = []
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        where = f"line {entry.linenum} (“{entry.msgid[:50]}”)"
        if (entry.msgid, entry.msgctxt) not in known:
            problems.append(f"{where}: this text is not in the page (any more)")
        elif _tags(entry.msgid) != _tags(entry.msgstr):
            problems.append(f"{where}: the translation must keep the same markup tags")
        elif "fuzzy" in entry.flags:
            problems.append(f"{where}: marked fuzzy; review it and remove the flag")
    return problems


def _tags(text: str) -> list[tuple[str, str, str]]:
    return sorted(TAG_PATTERN.findall(text))

"""Demo translations: what learners see first in every locale, and whole modules from PO files.

``catalogue/translations/<locale>.yaml`` translates the category and pathway names, the module
titles and summaries and the guide's introduction; ``catalogue/translations/<locale>/<slug>.po``
translates a whole module. Both go through wagtail-localize, like a translator's work.
"""

from pathlib import Path
from typing import Any

import jsonschema
import polib
from django.conf import settings
from wagtail.models import Locale, Page

from cms.site.catalogue import schemas
from cms.site.catalogue.context import LoadContext
from cms.site.catalogue.source import CatalogueError, DataFile, Problem, read_data_file
from cms.translation.po import apply_po
from cms.translation.segments import translate_segments
from cms.translation.setup import ensure_locale_trees, ensure_translation_setup

KIND_FIELDS = {
    "categories": ("category", {"title": "title", "description": "description"}),
    "pathways": ("pathway", {"title": "title", "description": "description"}),
    "modules": ("module", {"title": "title", "summary": "summary"}),
}


def load_translations(ctx: LoadContext) -> None:
    ensure_translation_setup()
    folder = ctx.data_dir / "translations"
    if not folder.is_dir():
        return
    known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    whole_pages = {(path.parent.name, path.stem) for path in folder.glob("*/*.po")}
    for path in sorted(folder.glob("*.yaml")):
        file = read_data_file(path, f"{ctx.data_dir.name}/translations/{path.name}")
        _check(file, known)
        locale = Locale.objects.get(language_code=file.data["locale"])
        for key, (kind, fields) in KIND_FIELDS.items():
            entries = list(file.data.get(key, {}).items())
            for slug, texts in ctx.progress(entries, f"{locale.language_code} {key}", len(entries)):
                if (locale.language_code, slug) in whole_pages:
                    continue  # its PO file translates the whole page, these texts included
                page = ctx.lookup(file, [key, slug], kind, slug)
                paths = {fields[name]: text.strip() for name, text in texts.items()}
                _translate(ctx, file, [key, slug], page, locale, paths)
        if "learning_guide" in file.data:
            guide = Page.objects.get(slug="learning-guide", locale=ctx.locale).specific
            texts = {name: text.strip() for name, text in file.data["learning_guide"].items()}
            _translate(ctx, file, ["learning_guide"], guide, locale, texts)
    for path in sorted(folder.glob("*/*.po")):
        _load_po(ctx, path)
    ensure_locale_trees()
    # Copying parent pages into a locale's tree leaves stale child counts in treebeard's
    # bookkeeping; recount them so editors can add pages under translated pages.
    Page.fix_tree(fix_paths=False)


def _check(file: DataFile, known: set[str]) -> None:
    validator = jsonschema.Draft202012Validator(schemas.TRANSLATIONS)
    problems = [
        file.problem(list(e.absolute_path), e.message) for e in validator.iter_errors(file.data)
    ]
    if not problems and file.data["locale"] not in known - {settings.LANGUAGE_CODE}:
        problems.append(
            file.problem(["locale"], f"not a target locale ({', '.join(sorted(known))})")
        )
    if problems:
        raise CatalogueError(problems)


def _translate(
    ctx: LoadContext, file: DataFile, path: list, page: Page, locale: Locale, texts: dict[str, str]
) -> None:
    kind = f"translation:{locale.language_code}"
    slug = f"{page.specific_class.__name__}:{page.slug}"
    existing = page.get_translation_or_none(locale)
    entry: dict[str, Any] = dict(texts)

    def write(_translated: Page | None) -> Page:
        try:
            return translate_segments(page.specific, locale, texts)
        except KeyError as error:
            raise CatalogueError([file.problem(path, str(error))]) from None

    ctx.upsert(file, path, kind, entry, existing, write, slug=slug)


def _load_po(ctx: LoadContext, path: Path) -> None:
    display = f"{ctx.data_dir.name}/translations/{path.parent.name}/{path.name}"
    locale = Locale.objects.filter(language_code=path.parent.name).first()
    page = Page.objects.filter(slug=path.stem, locale=ctx.locale).first()
    if locale is None or page is None:
        what = "locale" if locale is None else "page"
        raise CatalogueError([Problem(display, None, None, None, f"no such {what}")])
    try:
        po = polib.pofile(str(path))
    except OSError as error:
        raise CatalogueError([Problem(display, None, None, None, str(error))]) from None
    existing = page.get_translation_or_none(locale)
    po_text = path.read_text(encoding="utf-8")

    def write(_translated: Page | None) -> Page:
        problems = apply_po(page.specific, locale, po)
        if problems:
            raise CatalogueError([Problem(display, None, None, None, p) for p in problems])
        translated = page.get_translation(locale)
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
        return translated

    slug = f"{page.specific_class.__name__}:{page.slug}"
    ctx.upserter.upsert(f"translation:{locale.language_code}", slug, po_text, existing, write)

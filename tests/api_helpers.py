"""Helpers for the content API tests: requests, translations and fresh (uncached) responses."""

import polib
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.core.api.generation import bump_generation

API = "/api/v1"


def get(client, path, **headers):
    return client.get(path if path.startswith("/") else f"{API}/{path}", **headers)


def get_json(client, path, status=200, **headers):
    response = get(client, path, **headers)
    assert response.status_code == status, (path, response.status_code, response.content[:500])
    return response.json()


def fresh_json(client, path, status=200, **headers):
    """A response built now from the database, not from the response cache."""
    bump_generation()
    return get_json(client, path, status, **headers)


def consistent_tree() -> None:
    """Repair child counts left stale by earlier bulk loads, so new pages get free positions."""
    if any(Page.find_problems()):
        Page.fix_tree()


def translate(
    page: Page, code: str, prefix: str | None = None, leave: tuple[str, ...] = ()
) -> Page:
    """Translate ``page`` (and its missing parents) into ``code`` with wagtail-localize, publish.

    ``leave``: the strings whose context path (``body.<block id>.…``) contains one of these are
    left in the source language, as a partner publishing a half-translated module leaves them.
    """
    consistent_tree()
    locale = Locale.objects.get(language_code=code)
    parent = page.get_parent()
    if parent.depth > 1 and not parent.get_translations(inclusive=True).filter(locale=locale):
        translate(parent.specific, code, prefix)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        if any(part in (entry.msgctxt or "") for part in leave):
            continue
        entry.msgstr = f"{prefix or '[' + code + ']'} {entry.msgid}"
    translation.import_po(po)
    translation.save_target(publish=True)
    return page.get_translation(locale)


def new_module(slug: str = "api-test-module") -> Page:
    """A live copy of the showcase module, translated into no other locale."""
    from cms.modules.models import ModulePage

    showcase = ModulePage.objects.get(slug="teamwork-1", locale__language_code="en")
    copy = showcase.copy(update_attrs={"slug": slug, "title": f"Copy of {showcase.title}"})
    return ModulePage.objects.get(pk=copy.pk)

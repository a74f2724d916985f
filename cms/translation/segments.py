"""Translating a page through wagtail-localize, segment by segment or from a PO file."""

from collections.abc import Mapping

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .localize_drafts import save_draft


def translation_for(page: Page, locale: Locale) -> Translation:
    """The wagtail-localize Translation of ``page`` into ``locale``, with segments up to date."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    changed_since = page.latest_revision_created_at or page.last_published_at
    if not created and changed_since and changed_since > source.last_updated_at:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


def translate_segments(
    page: Page, locale: Locale, texts: Mapping[str, str], *, publish: bool = True
) -> Page:
    """Translate the segments at the given context paths (e.g. ``{"title": "…"}``) and save.

    Segments not named keep the source text until someone translates them.
    """
    translation = translation_for(page, locale)
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    by_path = {segment.context.path: segment for segment in segments}
    unknown = sorted(set(texts) - set(by_path))
    if unknown:
        raise KeyError(f"{page.slug} has no translatable field(s) {', '.join(unknown)}")
    for path, text in texts.items():
        segment = by_path[path]
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": "manual", "has_error": False},
        )
    translated = save_draft(translation)
    if publish:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated

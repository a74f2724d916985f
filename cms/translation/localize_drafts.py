"""Saving a translation as a draft without changing the published page.

Upstream behaviour: wagtail-localize's ``Translation.save_target(publish=False)`` saves the target
page's database row before creating the draft revision, so the live page (what the API and the
site serve) already shows the unreviewed text. That defeats review before publishing.

``save_draft`` lets wagtail-localize do its work, then puts the published content back in the
row, keeping the new revision as the latest draft. Delete this module, and call
``save_target(publish=False)`` directly, once wagtail-localize leaves live pages untouched when
saving a draft.
"""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from cms.core.permissions import AdminUser


def save_draft(translation: Translation, user: AdminUser | None = None) -> Page:
    try:
        existing = translation.source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist:
        existing = None
    if existing is None or not existing.live:
        translation.save_target(user=user, publish=False)
        return translation.source.get_translated_instance(translation.target_locale)
    live_revision_id, last_published_at = existing.live_revision_id, existing.last_published_at
    translation.save_target(user=user, publish=False)
    # The row now holds the draft; rebuild it from the published revision, keeping the draft as
    # the latest revision (``as_object`` keeps the row's revision pointers and draft title).
    published = Revision.objects.get(pk=live_revision_id).as_object()
    published.live_revision_id = live_revision_id
    published.last_published_at = last_published_at
    published.save(clean=False)
    return published

"""Published content changed: every cached API response becomes stale.

Connected to Wagtail's page signals (publish — which a wagtail-localize translation fires too —,
unpublish, move, delete) and to saves of the media and of the snippets the API shows (which the
site assembly names when it connects this, in ``cms.site.apps``). The generation is
bumped at once, so the rest of the same request already sees fresh data, and again on commit, so
a response built by another process from the old data in between is not kept either.
"""

from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import bump_generation


def content_changed(**kwargs: Any) -> None:
    bump_generation()
    transaction.on_commit(bump_generation)


def page_deleted(sender: type, **kwargs: Any) -> None:
    if issubclass(sender, Page):
        content_changed()


def connect(*shown_models: type[Model]) -> None:
    """Watch every page, the media, and ``shown_models`` (the snippets the API shows)."""
    page_published.connect(content_changed, dispatch_uid="api-cache-published")
    page_unpublished.connect(content_changed, dispatch_uid="api-cache-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="api-cache-moved")
    post_delete.connect(page_deleted, dispatch_uid="api-cache-page-deleted")
    for model in (*shown_models, get_image_model(), get_document_model()):
        for action, signal in (("saved", post_save), ("deleted", post_delete)):
            uid = f"api-cache-{model.__name__}-{action}"
            signal.connect(content_changed, sender=model, dispatch_uid=uid)

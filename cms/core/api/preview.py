"""Headless preview: the unsaved draft an editor is looking at, in the published API's shape.

wagtail-headless-preview stores the draft (``PagePreview``) under a signed token and sends the
editor to the front end with it. The package ships no endpoint, and its example neither checks
the token's signature and age nor handles an unknown token. Here a token must carry our
signature, be younger than ``PREVIEW_TOKEN_MAX_AGE`` seconds and name a stored draft of the
given type; anything else is a 404, never a 500.
"""

from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.utils.translation import gettext, gettext_lazy
from rest_framework.request import Request
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from .pages import localise_draft
from .problems import BadParameter, NotFound
from .registry import page_type_for_model

UNKNOWN = gettext_lazy(
    "This preview link is unknown or has expired: open the preview again from the editor."
)
NEW_PAGE_POSITION = "ZZZZ"
"""A tree position for a page that has none yet, so its parent (category…) can be found."""


def max_age() -> int:
    return getattr(settings, "PREVIEW_TOKEN_MAX_AGE", 60 * 60)


def _model(content_type: str) -> type:
    app_label, _, model_name = content_type.partition(".")
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        raise NotFound(UNKNOWN) from None
    if page_type_for_model(model) is None:
        raise NotFound(UNKNOWN)
    return model


def _place_new_page(page: Page, identifier: str) -> None:
    fields = dict(part.split("=", 1) for part in identifier.split(";") if "=" in part)
    parent = (
        Page.objects.filter(pk=fields.get("parent_id", "")).first()
        if fields.get("parent_id", "").isdigit()
        else None
    )
    if parent is not None:
        page.path = parent.path + NEW_PAGE_POSITION
        page.depth = parent.depth + 1


def draft_for(content_type: str | None, token: str | None) -> Page:
    if content_type is None or not content_type.strip():
        raise BadParameter(
            "content_type",
            gettext("give the %(parameter)s the preview link carries.")
            % {"parameter": "content_type"},
        )
    if token is None or not token.strip():
        raise BadParameter(
            "token",
            gettext("give the %(parameter)s the preview link carries.") % {"parameter": "token"},
        )
    try:
        identifier = HeadlessPreviewMixin.get_preview_signer().unsign(token, max_age=max_age())
    except BadSignature:
        raise NotFound(UNKNOWN) from None
    model = _model(content_type)
    preview = PagePreview.objects.filter(
        token=token, content_type=ContentType.objects.get_for_model(model)
    ).first()
    if preview is None:
        raise NotFound(UNKNOWN)
    page = preview.as_page()
    if not page.path:
        _place_new_page(page, identifier)
    return page


def serialise_draft(page: Page, request: Request) -> dict[str, Any]:
    page_type = page_type_for_model(type(page))
    view = page_type.serializer(action="retrieve", request=request)
    draft = localise_draft(page)
    context = view.api_context(locale=draft.localization.lang)
    view.attach([draft], context)
    return view.serialize(view.detail_serializer_class, draft, context)

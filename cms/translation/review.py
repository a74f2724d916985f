"""Submitting a translation for review from wagtail-localize's translation editor.

wagtail-localize's editor can only publish (for those allowed to) and has no way to start a
Wagtail workflow, so a translator who may not publish has no way to hand the work over. This
module adds that step; the editor template gains a "Submit for review" button
(``templates/wagtail_localize/admin/edit_translation.html`` extends the original). Delete both
once wagtail-localize's editor offers workflow actions itself.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from cms.core.current_request import current_request
from cms.core.permissions import AdminUser, is_moderator

from .localize_drafts import save_draft


class CannotSubmit(Exception):
    pass


def submit_for_review(page: Page, user: AdminUser) -> None:
    """Save the translation as a draft of ``page`` and start its locale's review workflow."""
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale
    ).first()
    if translation is None:
        raise CannotSubmit(gettext("This page is not a translation."))
    workflow = page.get_workflow()
    if workflow is None:
        raise CannotSubmit(gettext("No review workflow applies to this page."))
    if page.workflow_in_progress:
        raise CannotSubmit(gettext("This translation is already waiting for review."))
    page = save_draft(translation, user)
    workflow.start(page, user)


@require_POST
def submit_view(request: HttpRequest, page_id: int) -> HttpResponseRedirect:
    page = get_object_or_404(Page, pk=page_id).specific
    try:
        submit_for_review(page, request.user)
    except CannotSubmit as reason:
        messages.error(request, str(reason))
    else:
        page.refresh_from_db()
        messages.success(
            request,
            gettext("“%(title)s” was sent to the reviewers.") % {"title": page.draft_title},
        )
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def convert_to_alias_view(request: HttpRequest, page_id: int, **kwargs: object) -> HttpResponse:
    """Moderators only: converting a translation to an alias throws the translation away."""
    from wagtail_localize.views.convert import convert_to_alias

    if not is_moderator(request.user):
        messages.error(
            request, gettext("Only moderators may replace a translation with the source page.")
        )
        return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page_id]))
    return convert_to_alias(request, page_id, **kwargs)


def confirm_approval(sender: type, instance: WorkflowState, user: object, **kwargs: object) -> None:
    """``workflow_approved``: the reviewer who approved reads that the page is now published.

    Wagtail's workflow action view (the reviewer's "Approve") redirects without a word.
    """
    request = current_request()
    if request is None or not hasattr(request, "_messages"):
        return
    if not isinstance(instance.content_object, Page):
        return
    page = Page.objects.get(pk=instance.content_object.pk)  # as just published
    messages.success(
        request,
        gettext("“%(title)s” is approved and published (%(language)s).")
        % {"title": page.title, "language": page.locale.get_display_name()},
    )


@require_POST
def stop_translation_view(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Moderators only: a stopped translation no longer follows its source page, and translators
    lose it from their editor; wagtail-localize offers it to anyone who may edit the page."""
    from wagtail_localize.views.edit_translation import stop_translation

    if not is_moderator(request.user):
        translation = get_object_or_404(Translation, pk=translation_id)
        messages.error(
            request, gettext("Only moderators may stop a translation from following its source.")
        )
        target = translation.get_target_instance()
        return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    return stop_translation(request, translation_id)

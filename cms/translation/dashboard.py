"""The partner editors' "Our modules" dashboard panel: each module's state and its translations'."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from cms.core.permissions import is_moderator
from cms.modules.models import ModulePage
from cms.modules.permissions import partners_edited_by

from .status import translation_status

STATUS_WORDS = {
    "draft": _("Draft"),
    "in_moderation": _("In moderation"),
    "live": _("Published"),
}


def _own_state(page: ModulePage) -> str:
    if page.workflow_in_progress:
        return "in_moderation"
    if page.live:
        return "live"
    return "draft"


class OurModulesPanel(Component):
    """Each of the editor's partner's modules: its state, and each translation's."""

    name = "our_modules"
    order = 50
    template_name = "translation/admin/our_modules_panel.html"

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict | None = None) -> dict[str, Any]:
        partners = partners_edited_by(self.request.user)
        modules = ModulePage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            partner__in=partners,
        ).order_by("title")
        locales = list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE))
        rows = []
        for status in translation_status(modules, locales):
            cells = []
            for locale in locales:
                state = status.locales[locale.language_code]
                if not state.translated:
                    word, kind = _("Not translated"), "missing"
                elif state.out_of_date:
                    word, kind = _("Out of date"), "out-of-date"
                elif state.awaiting_review:
                    word, kind = _("In moderation"), "in-moderation"
                else:
                    word, kind = _("Up to date"), "up-to-date"
                cells.append((locale, word, kind))
            own = _own_state(status.page)
            rows.append((status.page, STATUS_WORDS[own], own, cells))
        return {"rows": rows, "locales": locales, "partners": partners}


def our_modules_panel(request: HttpRequest, panels: list) -> None:
    """Dashboard hook: partner editors (not moderators) see their partner's modules first."""
    user = request.user
    if not is_moderator(user) and partners_edited_by(user).exists():
        panels.append(OurModulesPanel(request))

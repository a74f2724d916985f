"""The admin's flat "E-modules" listing and the partner editors' "Our modules" dashboard panel.

Modules are filed by category, and a category holds modules of several partners: a partner
editor finds hers by the partner column and filter here, and on her dashboard.
"""

from typing import Any

import django_filters
from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Locale

from cms.translation.status import translation_status

from .models import ModulePage
from .permissions import is_moderator, partners_edited_by


def _partners(request: HttpRequest) -> Any:
    from cms.project.models import Partner

    return Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class ModuleFilterSet(PageFilterSet):
    partner = django_filters.ModelMultipleChoiceFilter(
        label=_("Partner"),
        queryset=_partners,
        method="filter_partner",
        widget=django_filters.widgets.forms.CheckboxSelectMultiple,
    )
    language_level = django_filters.MultipleChoiceFilter(
        label=_("Language level (CEFR)"),
        choices=ModulePage._meta.get_field("language_level").choices,
        widget=django_filters.widgets.forms.CheckboxSelectMultiple,
    )

    def filter_partner(self, queryset: Any, name: str, value: Any) -> Any:
        if not value:
            return queryset
        # A translated module points at its locale's copy of the partner.
        keys = [partner.translation_key for partner in value]
        return queryset.filter(partner__translation_key__in=keys)

    class Meta:
        model = ModulePage
        fields: list[str] = []  # the listing itself switches locales (?locale=)


class FullTextIndexView(IndexView):
    """Searches the whole text of each page, not only the title (Wagtail's listings autocomplete
    titles): a word of the body or of a facet finds the page."""

    def search_queryset(self, queryset: Any) -> Any:
        if not self.is_searching:
            return queryset
        return queryset.search(self.search_query, order_by_relevance=not self.is_explicitly_ordered)


class ModuleIndexView(FullTextIndexView):
    """Searching a partner's name lists that partner's modules."""

    def search_queryset(self, queryset: Any) -> Any:
        if self.is_searching:
            query = self.search_query.strip()
            partners = _partners(self.request).filter(
                Q(name__icontains=query) | Q(short_name__icontains=query)
            )
            if partners.exists():
                keys = partners.values("translation_key")
                return queryset.filter(partner__translation_key__in=keys)
        return super().search_queryset(queryset)


class ModuleListingViewSet(PageListingViewSet):
    index_view_class = ModuleIndexView
    model = ModulePage
    name = "modules"
    icon = "doc-full-inverse"
    menu_label = _("E-modules")
    menu_order = 120
    add_to_admin_menu = True
    filterset_class = ModuleFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("partner", label=_("Partner"), accessor="partner", sort_key="partner__name"),
        Column("language_level", label=_("Language level (CEFR)"), sort_key="language_level"),
        LocaleColumn(),
    ]


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
    template_name = "modules/admin/our_modules_panel.html"

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

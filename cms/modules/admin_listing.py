"""The admin's flat "E-modules" listing.

Modules are filed by category, and a category holds modules of several partners: a partner
editor finds hers by the partner column and filter here, and on her dashboard
(``cms.translation.dashboard``).
"""

from typing import Any

import django_filters
from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.core.admin_listing import FullTextIndexView

from .models import ModulePage


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
        LocaleColumn(label=_("Language")),
    ]

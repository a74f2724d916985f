"""The admin's flat "E-library" listing: the good practices with their facets as columns and
filters (country, type, objective, language, certification), as the manual classifies them."""

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, LocaleColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.core.admin_listing import FullTextIndexView

from .facets import COUNTRY_CHOICES, LANGUAGE_CHOICES, OBJECTIVE_CHOICES, RESOURCE_TYPE_CHOICES
from .models import GoodPracticePage


class ListContainsFilter(django_filters.MultipleChoiceFilter):
    """Pages whose JSON list (objectives, languages) holds any of the chosen values."""

    def filter(self, qs: Any, value: list[str]) -> Any:
        if not value:
            return qs
        # JSON containment is not portable across databases: match the few ids in Python.
        wanted = set(value)
        ids = [
            pk
            for pk, items in qs.values_list("pk", self.field_name)
            if wanted.intersection(items or [])
        ]
        return qs.filter(pk__in=ids)


class GoodPracticeFilterSet(PageFilterSet):
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"), choices=COUNTRY_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    resource_type = django_filters.MultipleChoiceFilter(
        label=_("Type of resource"),
        choices=RESOURCE_TYPE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    objectives = ListContainsFilter(
        label=_("Objectives"), choices=OBJECTIVE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    languages = ListContainsFilter(
        label=_("Languages"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    has_certification = django_filters.BooleanFilter(label=_("Leads to a certification"))

    class Meta:
        model = GoodPracticePage
        fields: list[str] = []  # the listing itself switches locales (?locale=)


class ChoiceListColumn(Column):
    """The names of the values of a list field, e.g. "Employment, Social inclusion"."""

    def __init__(self, name: str, choices: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.names = dict(choices)

    def get_value(self, instance: Any) -> str:
        return ", ".join(str(self.names.get(code, code)) for code in getattr(instance, self.name))


class GoodPracticeListingViewSet(PageListingViewSet):
    index_view_class = FullTextIndexView
    model = GoodPracticePage
    name = "e_library"
    icon = "folder-open-inverse"
    menu_label = _("E-library")
    menu_order = 130
    add_to_admin_menu = True
    filterset_class = GoodPracticeFilterSet
    columns = [
        # Every good practice's parent is its locale's E-library: no "Parent" column.
        *(column for column in PageListingViewSet.columns if column.name != "parent"),
        Column("country", label=_("Country"), accessor="get_country_display", sort_key="country"),
        Column(
            "resource_type",
            label=_("Type of resource"),
            accessor="get_resource_type_display",
            sort_key="resource_type",
        ),
        ChoiceListColumn("objectives", OBJECTIVE_CHOICES, label=_("Objectives")),
        ChoiceListColumn("languages", LANGUAGE_CHOICES, label=_("Languages")),
        BooleanColumn("has_certification", label=_("Leads to a certification")),
        LocaleColumn(label=_("Language")),
    ]

"""E-library facets: filtering good practices and counting what each facet value would give.

Counts are disjunctive, as in most catalogue front ends: the count beside a value is the number
of items matching every *other* facet's selection plus that value, so picking it never leads to
an empty list unexpectedly. The facet values of all published practices are read in one query
and counted in memory (multi-valued facets are JSON lists, which SQLite cannot filter on).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_lazy

from cms.core.api.problems import BadParameter
from cms.core.fields import StrOrPromise
from cms.library.facets import (
    COST_CHOICES,
    COUNTRY_CHOICES,
    LANGUAGE_CHOICES,
    OBJECTIVE_CHOICES,
    RESOURCE_TYPE_CHOICES,
)

CERTIFICATION_CHOICES = [
    ("true", gettext_lazy("Has a certification tool")),
    ("false", gettext_lazy("No certification tool")),
]


@dataclass(frozen=True)
class Facet:
    """A facet: filtered by the name of the field it filters, or by its shorter alias."""

    parameter: str
    model_field: str
    choices: Sequence[tuple[str, StrOrPromise]]
    description: str
    alias: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.parameter, self.alias) if self.alias else (self.parameter,)

    def values_of(self, row: dict[str, Any]) -> set[str]:
        value = row[self.model_field]
        if isinstance(value, bool):
            return {"true" if value else "false"}
        if isinstance(value, list):
            return set(value)
        return {value}


FACETS = [
    Facet("resource_type", "resource_type", RESOURCE_TYPE_CHOICES, "Resource type", "type"),
    Facet("objectives", "objectives", OBJECTIVE_CHOICES, "Objective", "objective"),
    Facet("country", "country", COUNTRY_CHOICES, "Country"),
    Facet("languages", "languages", LANGUAGE_CHOICES, "Language it is available in", "language"),
    Facet("cost", "cost", COST_CHOICES, "Free or paid"),
    Facet(
        "has_certification",
        "has_certification",
        CERTIFICATION_CHOICES,
        "Has a certification tool",
        "certification",
    ),
]


@dataclass
class FacetedList:
    queryset: QuerySet
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _selection(params: Any) -> dict[str, set[str]]:
    """Each facet's chosen values: repeat the parameter or separate values with commas."""
    chosen = {}
    for facet in FACETS:
        given = [name for name in facet.names if name in params]
        raw = [
            part.strip()
            for name in given
            for value in params.getlist(name)
            for part in value.split(",")
        ]
        values = {value for value in raw if value}
        if not raw:
            continue
        valid = [code for code, _label in facet.choices]
        unknown = sorted(values - set(valid))
        if unknown or not values:
            shown = ", ".join(unknown) or gettext("(empty)")
            raise BadParameter(
                given[0],
                gettext("unknown value %(values)s; use one or more of %(valid)s.")
                % {"values": shown, "valid": ", ".join(valid)},
                valid_values=valid,
            )
        chosen[facet.parameter] = values
    return chosen


def _matches(row: dict, chosen: dict[str, set[str]], ignore: str | None = None) -> bool:
    return all(
        facet.values_of(row) & chosen[facet.parameter]
        for facet in FACETS
        if facet.parameter in chosen and facet.parameter != ignore
    )


def _counts(rows: Iterable[dict], chosen: dict[str, set[str]]) -> dict[str, list[dict]]:
    rows = list(rows)
    counts = {}
    for facet in FACETS:
        tally = {code: 0 for code, _label in facet.choices}
        for row in rows:
            if _matches(row, chosen, ignore=facet.parameter):
                for value in facet.values_of(row) & tally.keys():
                    tally[value] += 1
        counts[facet.parameter] = [
            {"value": code, "label": str(label), "count": tally[code]}
            for code, label in facet.choices
        ]
    return counts


def faceted_good_practices(queryset: QuerySet, params: Any) -> FacetedList:
    chosen = _selection(params)
    rows = list(queryset.values("pk", *(facet.model_field for facet in FACETS)))
    keep = [row["pk"] for row in rows if _matches(row, chosen)]
    filtered = queryset.filter(pk__in=keep) if chosen else queryset
    return FacetedList(filtered, _counts(rows, chosen))

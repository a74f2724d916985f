"""The shape of each data file, as JSON Schema (see ``catalogue/SCHEMA.md`` for the prose)."""

from collections.abc import Sequence
from typing import Any

from cms.core.fields import StrOrPromise
from cms.library.facets import (
    COST_CHOICES,
    COUNTRY_CHOICES,
    LANGUAGE_CHOICES,
    OBJECTIVE_CHOICES,
    RESOURCE_TYPE_CHOICES,
)

SLUG = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80}
TEXT = {"type": "string", "minLength": 1}
OPTIONAL_TEXT = {"type": "string"}
URL = {"type": "string", "pattern": "^https?://[^\\s]+$"}
COLOUR = {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}
DATE = {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"}
TEXT_LIST = {"type": "array", "items": TEXT}
BLOCK_LIST = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "value"],
        "properties": {"type": TEXT, "value": {}},
        "additionalProperties": False,
    },
}


def _codes(choices: Sequence[tuple[str, StrOrPromise]]) -> dict[str, Any]:
    return {"enum": [code for code, _label in choices]}


def _closed(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties (a typo in a data file is an error, not ignored)."""
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


def _entry(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return _closed(required, {"editorial_note": OPTIONAL_TEXT, **properties})


def _entries(key: str, required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    """A file whose ``key`` lists one entry or more."""
    entries = {"type": "array", "minItems": 1, "items": _entry(required, properties)}
    return _closed([key], {key: entries})


def _single(key: str, required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    """A file whose ``key`` holds one entry."""
    return _closed([key], {key: _entry(required, properties)})


PARTNERS = _entries(
    "partners",
    ["slug", "name", "short_name", "country", "website", "description", "signatory_name"],
    {
        "slug": SLUG,
        "name": TEXT,
        "short_name": TEXT,
        "country": {"enum": ["FR", "BE", "PT", "TR"]},
        "website": URL,
        "description": TEXT,
        "signatory_name": TEXT,
        "signatory_role": OPTIONAL_TEXT,
        "trainers": TEXT_LIST,
    },
)

COMPETENCES = _entries(
    "competences",
    ["slug", "name", "kind", "description"],
    {
        "slug": SLUG,
        "name": TEXT,
        "kind": {"enum": ["transversal", "digital"]},
        "description": TEXT,
    },
)

_GROUPING = {"slug": SLUG, "title": TEXT, "description": TEXT, "colour": COLOUR, "icon": TEXT}
CURRICULUM = {
    "type": "object",
    "required": ["categories", "pathways"],
    "additionalProperties": False,
    "properties": {
        "categories": _entries("categories", ["slug", "title", "description", "colour"], _GROUPING)[
            "properties"
        ]["categories"],
        "pathways": _entries(
            "pathways",
            ["slug", "title", "description", "colour", "modules"],
            {**_GROUPING, "modules": {"type": "array", "minItems": 1, "items": SLUG}},
        )["properties"]["pathways"],
    },
}

MODULES = _entries(
    "modules",
    ["slug", "title", "category", "partner", "summary", "objectives", "outcomes", "body"],
    {
        "slug": SLUG,
        "title": TEXT,
        "category": SLUG,
        "partner": SLUG,
        "trainers": TEXT_LIST,
        "duration_hours": {"type": "number", "exclusiveMinimum": 0, "maximum": 40},
        "language_level": {"enum": ["A1", "A2", "B1", "B2", "C1", "C2"]},
        "summary": {"type": "string", "minLength": 1, "maxLength": 240},
        "objectives": {**TEXT_LIST, "minItems": 1},
        "outcomes": {**TEXT_LIST, "minItems": 1},
        "competences": {"type": "array", "items": SLUG},
        "body": BLOCK_LIST,
    },
)

GOOD_PRACTICES = _entries(
    "good_practices",
    [
        "slug",
        "name",
        "organisations",
        "website",
        "country",
        "identified_by",
        "objectives_and_target_group",
        "content_and_modalities",
        "strengths",
        "weaknesses",
        "propositions",
        "expert_comments",
        "facets",
    ],
    {
        "slug": SLUG,
        "name": TEXT,
        "organisations": {"type": "array", "items": TEXT},
        "website": {"anyOf": [URL, {"const": ""}]},
        "country": _codes(COUNTRY_CHOICES),
        "identified_by": SLUG,
        "objectives_and_target_group": OPTIONAL_TEXT,
        "content_and_modalities": OPTIONAL_TEXT,
        "strengths": TEXT_LIST,
        "weaknesses": TEXT_LIST,
        "strengths_and_weaknesses_notes": OPTIONAL_TEXT,
        "propositions": OPTIONAL_TEXT,
        "expert_comments": OPTIONAL_TEXT,
        "facets": {
            "type": "object",
            "required": ["resource_type", "objectives", "languages", "cost", "has_certification"],
            "additionalProperties": False,
            "properties": {
                "resource_type": _codes(RESOURCE_TYPE_CHOICES),
                "objectives": {"type": "array", "items": _codes(OBJECTIVE_CHOICES)},
                "languages": {"type": "array", "items": _codes(LANGUAGE_CHOICES)},
                "cost": _codes(COST_CHOICES),
                "has_certification": {"type": "boolean"},
            },
        },
    },
)

CERTIFICATION_TOOLS = _entries(
    "certification_tools",
    ["slug", "name", "scope", "country", "summary", "description"],
    {
        "slug": SLUG,
        "name": TEXT,
        "scope": {"enum": ["european", "national", "platform"]},
        "country": _codes(COUNTRY_CHOICES),
        "summary": {"type": "string", "minLength": 1, "maxLength": 300},
        "description": TEXT,
        "strengths": TEXT_LIST,
        "weaknesses": TEXT_LIST,
        "references": {"type": "array", "items": URL},
    },
)

PROJECT = _single(
    "project",
    [
        "title",
        "reference",
        "website",
        "start_date",
        "end_date",
        "programme_explanation",
        "target_group",
        "objectives",
        "methodology",
        "results",
        "contact",
    ],
    {
        "title": TEXT,
        "reference": TEXT,
        "website": URL,
        "start_date": DATE,
        "end_date": DATE,
        "programme_explanation": TEXT,
        "target_group": TEXT,
        "objectives": TEXT_LIST,
        "methodology": TEXT,
        "results": TEXT_LIST,
        "contact": TEXT,
    },
)

INFOGRAPHICS = _entries(
    "infographics",
    ["slug", "title", "introduction", "colour", "items"],
    {
        "slug": SLUG,
        "title": TEXT,
        "introduction": TEXT,
        "colour": COLOUR,
        "items": {"type": "array", "minItems": 1},
    },
)

LEARNING_GUIDE = _single(
    "learning_guide",
    ["title", "introduction", "chapters"],
    {"title": TEXT, "introduction": TEXT, "chapters": {"type": "array", "minItems": 1}},
)


def _translated(*fields: str) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "patternProperties": {
            SLUG["pattern"]: {
                "type": "object",
                "required": list(fields),
                "additionalProperties": False,
                "properties": dict.fromkeys(fields, TEXT),
            }
        },
    }


TRANSLATIONS = {
    "type": "object",
    "required": ["locale"],
    "additionalProperties": False,
    "properties": {
        "locale": {"type": "string", "pattern": "^[a-z]{2,3}(-[a-z]{2,4})?$"},
        "categories": _translated("title", "description"),
        "pathways": _translated("title", "description"),
        "modules": _translated("title", "summary"),
        "learning_guide": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"title": TEXT, "introduction": TEXT},
        },
    },
}

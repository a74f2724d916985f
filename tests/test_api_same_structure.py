"""Every item has the same structure in every locale: what English has is never null elsewhere.

A front end written against the English responses must not meet a ``null`` (or a missing
member) in Arabic because a translation is partial or a related item was looked up in the wrong
language tree. Every field of every item, list and detail, in the eight locales.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

LISTS = {
    "modules": 40,
    "categories": 5,
    "pathways": 2,
    "library/good-practices": 40,
    "library/certification-tools": 11,
    "infographics": 2,
}
SINGLETONS = ["learning-guide", "project"]
LOCALES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def nulls_where_english_has_a_value(english: Any, other: Any, path: str = "") -> Iterator[str]:
    if english is None:
        return
    if other is None:
        yield f"{path}: null, English has {str(english)[:60]!r}"
        return
    if isinstance(english, dict):
        if not isinstance(other, dict):
            yield f"{path}: {type(other).__name__}, English has an object"
            return
        for key in english.keys() - other.keys():
            yield f"{path}.{key}: missing"
        for key in english.keys() & other.keys():
            yield from nulls_where_english_has_a_value(english[key], other[key], f"{path}.{key}")
    elif isinstance(english, list):
        if not isinstance(other, list):
            yield f"{path}: {type(other).__name__}, English has a list"
            return
        for index, (mine, theirs) in enumerate(zip(english, other, strict=False)):
            yield from nulls_where_english_has_a_value(mine, theirs, f"{path}[{index}]")


def every_item(client, endpoint: str, locale: str) -> list[dict]:
    items, url = [], f"/api/v1/{endpoint}/?page_size=50&locale={locale}"
    while url:
        page = client.get(url).json()
        items += page["results"]
        url = page["next"]
    return items


def test_every_field_of_every_item_keeps_its_english_structure(client):
    problems = []
    for endpoint, count in LISTS.items():
        english_list = every_item(client, endpoint, "en")
        assert len(english_list) == count, endpoint
        english_details = {
            item["id"]: client.get(f"/api/v1/{endpoint}/{item['id']}/?locale=en").json()
            for item in english_list
        }
        for locale in LOCALES[1:]:
            for english, other in zip(
                english_list, every_item(client, endpoint, locale), strict=True
            ):
                where = f"{endpoint} list ?locale={locale} id {english['id']}"
                problems += [where + p for p in nulls_where_english_has_a_value(english, other)]
            for item_id, english in english_details.items():
                other = client.get(f"/api/v1/{endpoint}/{item_id}/?locale={locale}").json()
                where = f"{endpoint}/{item_id}/?locale={locale}"
                problems += [where + p for p in nulls_where_english_has_a_value(english, other)]
    for endpoint in SINGLETONS:
        english = client.get(f"/api/v1/{endpoint}/?locale=en").json()
        for locale in LOCALES[1:]:
            other = client.get(f"/api/v1/{endpoint}/?locale={locale}").json()
            problems += [
                f"{endpoint}/?locale={locale}" + p
                for p in nulls_where_english_has_a_value(english, other)
            ]
    assert problems == [], "\n".join(problems[:40])


def test_the_comparison_sees_a_null_category():
    english = {"results": [{"category": {"id": 3, "title": "Digital skills"}}]}
    arabic = {"results": [{"category": None}]}
    assert list(nulls_where_english_has_a_value(english, arabic)) == [
        ".results[0].category: null, English has \"{'id': 3, 'title': 'Digital skills'}\""
    ]

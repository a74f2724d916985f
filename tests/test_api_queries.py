"""Lists and details cost the same number of SQL queries whatever the number of items or blocks."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_helpers import fresh_json, translate

from .factories import (
    CategoryPageFactory,
    GoodPracticePageFactory,
    LibraryIndexPageFactory,
    ModulePageFactory,
    PathwayPageFactory,
    every_block,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 25
ITEMS = 12


@pytest.fixture(autouse=True)
def content():
    """Twelve modules about work in two categories (one with every block type), a pathway, and
    twelve good practices about work."""
    first, second = CategoryPageFactory(), CategoryPageFactory()
    modules = [
        ModulePageFactory(
            parent=first if number % 2 else second,
            title=f"Work skills {number}",
            body=every_block()
            if number == 0
            else [("section", {"heading": "Work", "body": "<p>Work.</p>"})],
        )
        for number in range(ITEMS)
    ]
    PathwayPageFactory(parent=first.get_parent(), modules=modules[:4])
    library = LibraryIndexPageFactory()
    for number in range(ITEMS):
        GoodPracticePageFactory(parent=library, title=f"Work practice {number}")
    return modules


def queries_for(client, path):
    fresh_json(client, path)  # renditions and content types are created on first use
    with CaptureQueriesContext(connection) as captured:
        fresh_json(client, path)
    return len(captured.captured_queries)


@pytest.mark.parametrize("path", ["modules/", "library/good-practices/", "search/?q=work"])
def test_a_list_costs_the_same_for_5_and_for_40_items(client, path):
    joiner = "&" if "?" in path else "?"
    few = fresh_json(client, f"{path}{joiner}page_size=5")
    many = fresh_json(client, f"{path}{joiner}page_size=40")
    assert len(few["results"]) == 5 and len(many["results"]) >= ITEMS
    five = queries_for(client, f"{path}{joiner}page_size=5")
    forty = queries_for(client, f"{path}{joiner}page_size=40")
    assert five == forty <= MAX_QUERIES


def test_a_list_in_another_locale_costs_the_same(
    client, content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for module in content[:2]:
            translate(module, "fr")
    assert queries_for(client, "modules/?page_size=5&locale=fr") == queries_for(
        client, "modules/?page_size=40&locale=fr"
    )


def test_the_catalogue_has_a_fixed_cost(client):
    assert queries_for(client, "catalogue/") <= MAX_QUERIES


def body_of(size, showcase, others):
    """``size`` blocks cycling through every block type, with links to other modules' pages."""
    blocks = list(showcase.body.raw_data)
    body = []
    for index, block in zip(range(size), itertools.cycle(blocks), strict=False):
        block = {**block, "id": f"block-{index}"}
        if block["type"] == "section":
            link = f'<p>See <a linktype="page" id="{others[index % len(others)]}">this</a>.</p>'
            block["value"] = {**block["value"], "body": block["value"]["body"] + link}
        body.append(block)
    return body


def test_a_module_detail_costs_the_same_for_5_and_for_40_blocks(client, content):
    showcase, page = content[0], content[1]
    others = [module.pk for module in content]
    counts = {}
    for size in (5, 40):
        page.body = body_of(size, showcase, others)
        page.save()
        detail = fresh_json(client, f"modules/{page.pk}/")
        assert len(detail["body"]) == size
        counts[size] = queries_for(client, f"modules/{page.pk}/")
    assert counts[5] == counts[40] <= MAX_QUERIES

"""Headless preview: the editor's unsaved draft, in the published API's shape, behind a token
whose signature and age are checked."""

import html
import re
import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from wagtail_headless_preview.models import HeadlessPreviewMixin

from cms.core.api.registry import page_types
from cms.modules.models import ModulePage
from tests.api_helpers import fresh_json, get

from .factories import (
    CertificationToolPageFactory,
    GoodPracticePageFactory,
    InfographicPageFactory,
    LearningGuidePageFactory,
    ModulePageFactory,
    PathwayPageFactory,
    ProjectPageFactory,
    every_block,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def teamwork():
    return ModulePageFactory(title="Teamwork 1", body=every_block())


def open_preview(page):
    """What the admin's preview pane does: returns the front end's URL, with its query."""
    response = page.make_preview_request(preview_mode="headless")
    assert response.status_code == 200
    src = html.unescape(re.search(r'<iframe src="([^"]+)"', response.content.decode()).group(1))
    parts = urlsplit(src)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return f"{parts.scheme}://{parts.netloc}{parts.path}", query


def preview_path(query):
    return f"preview/?content_type={query['content_type']}&token={query['token']}"


def test_every_page_type_of_the_api_previews_headlessly():
    for page_type in page_types():
        assert issubclass(page_type.model, HeadlessPreviewMixin), page_type.name
        assert page_type.model.preview_modes[0][0] == "headless"


def test_the_preview_opens_the_front_end_with_a_token(teamwork):
    with override_settings(PREVIEW_URL="https://learn.example/preview"):
        url, query = open_preview(teamwork)
    assert url == "https://learn.example/preview/"
    assert query["content_type"] == "modules.modulepage"
    assert query["token"]


def test_the_front_end_url_can_differ_per_locale(teamwork):
    page = teamwork
    with override_settings(
        PREVIEW_URL="https://learn.example/", PREVIEW_URLS={"en": "https://en.example/draft"}
    ):
        url, _query = open_preview(page)
    assert url == "https://en.example/draft/"


def test_the_draft_comes_in_the_published_shape_and_publishes_nothing(client, teamwork):
    page = teamwork
    published = fresh_json(client, f"modules/{page.pk}/")
    page.title = "Teamwork 1, draft"
    _url, query = open_preview(page)
    response = get(client, preview_path(query))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    draft = response.json()
    assert draft["title"] == "Teamwork 1, draft"
    assert set(draft) == set(published)
    assert draft["id"] == published["id"]
    assert [b["type"] for b in draft["body"]] == [b["type"] for b in published["body"]]
    assert len(draft["body"]) == 12
    assert fresh_json(client, f"modules/{page.pk}/")["title"] == "Teamwork 1"


def test_every_page_type_can_be_previewed(client, teamwork):
    PathwayPageFactory(parent=teamwork.get_parent().get_parent())
    CertificationToolPageFactory()
    GoodPracticePageFactory()
    InfographicPageFactory()
    LearningGuidePageFactory()
    ProjectPageFactory()
    for page_type in page_types():
        page = page_type.model.objects.filter(locale__language_code="en", live=True).first()
        page.title = f"Draft of {page.title}"
        _url, query = open_preview(page)
        draft = get(client, preview_path(query)).json()
        assert draft["type"] == page_type.name and draft["title"] == page.title


def test_a_forged_token_is_a_404_problem(client, teamwork):
    _url, query = open_preview(teamwork)
    forged = query["token"][:-2] + ("AA" if not query["token"].endswith("AA") else "BB")
    response = get(client, preview_path({**query, "token": forged}))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "unknown or has expired" in response.json()["detail"]


def test_an_expired_token_is_a_404_problem(client, teamwork):
    two_hours_ago = time.time() - 2 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=two_hours_ago):
        _url, query = open_preview(teamwork)
    assert get(client, preview_path(query)).status_code == 404
    with override_settings(PREVIEW_TOKEN_MAX_AGE=3 * 60 * 60):
        assert get(client, preview_path(query)).status_code == 200


def test_a_well_signed_token_with_no_draft_is_a_404_problem(client):
    token = HeadlessPreviewMixin.get_preview_signer().sign("id=999999")
    response = get(client, preview_path({"content_type": "modules.modulepage", "token": token}))
    assert response.status_code == 404


def test_a_token_for_another_type_or_an_unknown_type_is_a_404(client, teamwork):
    _url, query = open_preview(teamwork)
    assert (
        get(client, preview_path({**query, "content_type": "library.goodpracticepage"})).status_code
        == 404
    )
    assert get(client, preview_path({**query, "content_type": "auth.user"})).status_code == 404
    assert get(client, preview_path({**query, "content_type": "nonsense"})).status_code == 404


def test_missing_parameters_are_a_400(client):
    assert get(client, "preview/?token=abc").status_code == 400
    assert get(client, "preview/?content_type=modules.modulepage").status_code == 400


def test_a_new_page_never_saved_can_be_previewed(client, teamwork):
    category = teamwork.get_parent()
    page = ModulePage(
        title="A brand new module",
        slug="brand-new",
        summary="New.",
        partner=teamwork.partner,
        locale=category.locale,
    )
    page.path, page.depth = "", 0
    token = page.get_preview_signer().sign(f"parent_id={category.pk};page_type=modules.ModulePage")
    page.update_page_preview(token)
    draft = get(client, preview_path({"content_type": "modules.modulepage", "token": token})).json()
    assert draft["id"] is None and draft["title"] == "A brand new module"
    assert draft["category"]["id"] == category.pk

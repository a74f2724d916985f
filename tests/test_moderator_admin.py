"""Moderators revoke a certificate in two steps (a reason, then a confirmation), read the
outcome in their admin language, and see one word for one status everywhere."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.certs.groups import CERTIFICATE_MODERATORS_GROUP as CERTIFICATE_MODERATORS
from cms.certs.models import Certificate
from cms.core.permissions import MODERATORS_GROUP

from .certs_helpers import category, complete, learner, modules_of

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


@pytest.fixture
def certificate() -> Certificate:
    who = learner()
    complete(who, modules_of(category())[0])
    return Certificate.objects.get(learner=who)


@pytest.fixture
def french_moderator(client, django_user_model):
    user = django_user_model.objects.create_user(username="moderatrice", password="x")
    user.groups.add(*Group.objects.filter(name__in=[MODERATORS_GROUP, CERTIFICATE_MODERATORS]))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "fr"})
    client.force_login(user)
    return user


def test_revoking_asks_for_a_confirmation_before_anything_changes(
    client, french_moderator, certificate
):
    address = reverse("certificates:detail", args=[certificate.pk])
    asked = client.post(address, {"reason": "Identité usurpée"})
    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Révoquer ce certificat ?" in page
    assert 'name="confirmed" value="yes"' in page
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    done = client.post(address, {"reason": "Identité usurpée", "confirmed": "yes"}, follow=True)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revocation_reason == "Identité usurpée"
    assert "Le certificat est révoqué." in done.content.decode()


def test_the_list_and_the_detail_use_the_same_word_for_a_status(
    client, french_moderator, certificate
):
    listing = client.get(reverse("certificates:index")).content.decode()
    detail = client.get(reverse("certificates:detail", args=[certificate.pk])).content.decode()
    assert "Valide" in listing and "Valide" in detail
    assert "<td>Délivré</td>" not in listing

"""Partner editors edit their own partner's modules only; moderators edit everything."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.core.permissions import MODERATORS_GROUP
from cms.site.groups import ensure_groups

from .factories import CategoryPageFactory, ModulePageFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def make_user(django_user_model, username: str, *groups: Group):
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(*groups)
    return user


@pytest.fixture
def partners():
    """Two partners with editors groups, each with a module in one shared category, and the
    groups' rights granted by provisioning as after the catalogue is loaded."""
    own = PartnerFactory(slug="own", short_name="Own", with_editors=True)
    other = PartnerFactory(slug="other", short_name="Other", with_editors=True)
    category = CategoryPageFactory()
    ModulePageFactory(parent=category, partner=own, title="Our module")
    ModulePageFactory(parent=category, partner=other, title="Their module")
    ensure_groups()
    return own, other


def module_of(partner):
    return partner.modules.get()


@pytest.fixture
def editor(django_user_model, partners):
    return make_user(django_user_model, "own-editor", partners[0].editors_group)


def test_an_editor_cannot_edit_another_partners_module(client, editor, partners):
    client.force_login(editor)
    module = module_of(partners[1])
    assert not module.permissions_for_user(editor).can_edit()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    assert response.status_code in (302, 403)
    assert b"Their module" not in response.content


def test_an_editor_edits_and_submits_their_own_partners_module(client, editor, partners):
    client.force_login(editor)
    module = module_of(partners[0])
    tester = module.permissions_for_user(editor)
    assert tester.can_edit()
    assert not tester.can_publish(), "publishing goes through moderation"
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    assert response.status_code == 200
    assert b"Our module" in response.content


def test_an_editor_is_offered_only_their_own_partner(client, editor, partners):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module_of(partners[0]).pk]))
    choices = list(response.context["form"].fields["partner"].queryset)
    assert {partner.slug for partner in choices} == {"own"}


def test_a_moderator_edits_and_publishes_any_module(django_user_model, partners):
    moderator = make_user(django_user_model, "moderator", Group.objects.get(name=MODERATORS_GROUP))
    for partner in partners:
        tester = module_of(partner).permissions_for_user(moderator)
        assert tester.can_edit() and tester.can_publish()


def test_counsellors_reach_the_admin_but_edit_nothing(client, django_user_model, partners):
    counsellor = make_user(django_user_model, "counsellor", Group.objects.get(name="Counsellors"))
    client.force_login(counsellor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert not module_of(partners[0]).permissions_for_user(counsellor).can_edit()

"""The admin's users, one per role and language, committed in the live server's database for
the browser tests (``LiveServer.run_module``), and removed again.

    python -m tests.role_accounts create   # prints {"role": [username, password], …}
    python -m tests.role_accounts delete
"""

import json
import sys

PASSWORD = "role-e2e-password-4410"
ROLES = {
    # role: (username, admin language, groups)
    "editor": ("e2e-editora-pt", "pt", ["Editors: Factor Social"]),
    "translator": ("e2e-motarjem-fa", "fa", ["Translators: Dari / Persian"]),
    "reviewer": ("e2e-baznegar-fa", "fa", ["Reviewers: Dari / Persian"]),
    "counsellor": ("e2e-conseillere-fr", "fr", ["Counsellors"]),
    "moderator": ("e2e-moderatrice-fr", "fr", ["Moderators", "Certificate moderators"]),
}
NAMES = {
    # The names the admin shows (the guides' screenshots show them, not the usernames).
    "editor": ("Ana", "Ribeiro"),
    "translator": ("مریم", "احمدی"),
    "reviewer": ("فرید", "نوری"),
    "counsellor": ("Claire", "Martin"),
    "moderator": ("Sophie", "Laurent"),
}


def create() -> dict[str, list[str]]:
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import Group, User
    from wagtail.users.models import UserProfile

    accounts = {}
    for role, (username, language, groups) in ROLES.items():
        user, _ = User.objects.get_or_create(username=username)
        user.password = PBKDF2PasswordHasher().encode(PASSWORD, "role-e2e-salt-0001")
        user.first_name, user.last_name = NAMES[role]
        user.save()
        user.groups.set(Group.objects.filter(name__in=groups))
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        accounts[role] = [username, PASSWORD]
    return accounts


SAMPLE_LEARNER_EMAIL = "role-e2e-learner@example.org"


def sample_certificate() -> str:
    """A module certificate for the moderator to revoke (its PDF is never printed)."""
    from unittest import mock

    from django.utils import timezone

    from cms.certs.issuing import issue
    from cms.certs.models import Certificate
    from cms.learners.models import Learner, ModuleCompletion
    from cms.modules.models import ModulePage

    learner, _ = Learner.objects.get_or_create(
        email=SAMPLE_LEARNER_EMAIL, defaults={"display_name": "Amina Diallo", "locale": "fr"}
    )
    module = ModulePage.objects.filter(locale__language_code="en").order_by("path").first()
    ModuleCompletion.objects.get_or_create(
        learner=learner, module=module, defaults={"completed_at": timezone.now()}
    )
    with mock.patch("cms.certs.issuing.print_certificate"):
        certificate = issue(learner, Certificate.Type.MODULE, module, [module], timezone.now())
    return certificate.pk


def pages() -> dict[str, int | str]:
    """Pages the roles work on: their own, another partner's, a shared one."""
    from cms.modules.models import CategoryPage, ModulePage

    english = ModulePage.objects.filter(locale__language_code="en").order_by("path")
    own = english.filter(partner__slug="factor-social").first()
    return {
        "own_module": own.pk,
        "own_module_slug": own.slug,
        "other_module": english.exclude(partner__slug="factor-social").first().pk,
        "category": CategoryPage.objects.filter(locale__language_code="en").first().pk,
        "persian_module": ModulePage.objects.filter(locale__language_code="fa")
        .order_by("path")
        .first()
        .pk,
    }


def delete() -> None:
    from django.contrib.auth.models import User

    from cms.certs.models import Certificate
    from cms.learners.models import Learner

    Certificate.objects.filter(learner__email=SAMPLE_LEARNER_EMAIL).delete()
    Learner.objects.filter(email=SAMPLE_LEARNER_EMAIL).delete()
    User.objects.filter(username__in=[username for username, _l, _g in ROLES.values()]).delete()


def main(arguments: list[str]) -> None:
    import django

    django.setup()
    if arguments[:1] == ["create"]:
        accounts = create()
        made = {"accounts": accounts, "pages": pages(), "certificate": sample_certificate()}
        print(json.dumps(made))
    elif arguments[:1] == ["delete"]:
        delete()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

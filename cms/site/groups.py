"""The admin's groups: moderators, one editors group per partner, and counsellors.

Translators' groups (one per locale) are set up with the translation workflow.
"""

from typing import TYPE_CHECKING

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from cms.core.permissions import MODERATORS_GROUP

if TYPE_CHECKING:
    from cms.project.models import Partner

COUNSELLORS_GROUP = "Counsellors"
EDITORS_GROUP_PREFIX = "Editors: "

MEDIA_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]
SNIPPET_MODELS = ["partner", "trainer", "competence"]
PRINT_PERMISSIONS = ["print_packs", "print_answer_key"]


def _permissions(*codenames: str) -> list[Permission]:
    found = list(Permission.objects.filter(codename__in=codenames))
    missing = set(codenames) - {p.codename for p in found}
    if missing:
        raise LookupError(f"permissions not found: {', '.join(sorted(missing))}")
    return found


def _grant_pages(group: Group, page: Page, *types: str) -> None:
    for permission in _permissions(*(f"{kind}_page" for kind in types)):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_media(group: Group) -> None:
    root = Collection.get_first_root_node()
    for permission in _permissions(*MEDIA_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def editors_group_for(partner: "Partner") -> Group:
    group, _ = Group.objects.get_or_create(name=f"{EDITORS_GROUP_PREFIX}{partner.short_name}")
    return group


def ensure_groups() -> None:
    """Create or complete the groups; safe to run again (it only adds what is missing).

    Moderators and counsellors exist from the first provisioning; each partner's editors group
    gets its rights on the curriculum and the e-library once the catalogue has brought them.
    """
    from cms.library.models import LibraryIndexPage
    from cms.modules.models import CurriculumPage
    from cms.project.models import Partner

    home = Page.objects.get(depth=2, locale__language_code="en")
    curriculum = CurriculumPage.objects.filter(locale__language_code="en").first()
    library = LibraryIndexPage.objects.filter(locale__language_code="en").first()
    access_admin = _permissions("access_admin")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    moderators.permissions.add(
        *access_admin,
        *_permissions(
            *(
                f"{action}_{model}"
                for model in SNIPPET_MODELS
                for action in ("add", "change", "view")
            )
        ),
    )
    _grant_pages(moderators, home, "add", "change", "publish", "lock", "unlock")
    _grant_media(moderators)

    counsellors, _ = Group.objects.get_or_create(name=COUNSELLORS_GROUP)
    counsellors.permissions.add(
        *access_admin, *_permissions(*(f"view_{model}" for model in SNIPPET_MODELS))
    )
    for group in (moderators, counsellors):
        group.permissions.add(*_permissions(*PRINT_PERMISSIONS))

    for partner in Partner.objects.filter(locale__language_code="en", editors_group__isnull=False):
        group = partner.editors_group
        group.permissions.add(*access_admin)
        if curriculum is not None:  # partners come with the catalogue, which has a curriculum
            _grant_pages(group, curriculum, "add", "change")
        if library is not None:
            # Any page permission opens the e-library in the explorer; its pages only moderators
            # change (cms.core.permissions.SharedPage), so editors read it.
            _grant_pages(group, library, "add")
        _grant_media(group)

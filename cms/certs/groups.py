"""The "Certificate moderators" group: may see every certificate in the admin and revoke one."""

from typing import Any

from django.contrib.auth.models import Group, Permission

CERTIFICATE_MODERATORS_GROUP = "Certificate moderators"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("certs", "view_certificate"),
    ("certs", "revoke_certificate"),
]


def ensure_certificate_moderators(**kwargs: Any) -> Group:
    group, _created = Group.objects.get_or_create(name=CERTIFICATE_MODERATORS_GROUP)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    return group

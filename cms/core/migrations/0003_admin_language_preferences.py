"""Admin language preferences stored under a content locale's code (``pt``) take Wagtail's name
for that language (``pt-pt``), which the account page offers."""

from django.conf import settings
from django.db import migrations


def to_admin_names(apps, schema_editor):
    profiles = apps.get_model("wagtailusers", "UserProfile")
    for code, admin_code in settings.ADMIN_LANGUAGE_ALIASES.items():
        profiles.objects.filter(preferred_language=code).update(preferred_language=admin_code)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_catalogue_record"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(to_admin_names, migrations.RunPython.noop)]

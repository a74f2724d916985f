"""Printed files move from the public media to the private storage."""

from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import cms.printing.storage


def move_printed_files(apps, schema_editor):
    """Each finished job's PDF goes to the private storage; the shared certificate parts
    (annex, versos) left in the public media are deleted: they are printed again on demand."""
    private = storages[cms.printing.storage.PRIVATE_STORAGE]
    for name in apps.get_model("printing", "PrintJob").objects.exclude(result="").values_list(
        "result", flat=True
    ):
        if default_storage.exists(name):
            if not private.exists(name):
                with default_storage.open(name, "rb") as source:
                    private.save(name, source)
            default_storage.delete(name)
    for folder in ("print/annex", "print/verso"):
        if default_storage.exists(folder):
            for name in default_storage.listdir(folder)[1]:
                default_storage.delete(f"{folder}/{name}")


class Migration(migrations.Migration):
    dependencies = [
        ("printing", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="printjob",
            name="result",
            field=models.FileField(
                blank=True, storage=cms.printing.storage.private_storage, upload_to="print/"
            ),
        ),
        migrations.RunPython(move_printed_files, migrations.RunPython.noop),
    ]

"""The Celery application: Redis carries the work, the database holds the truth.

Without REDIS_URL tasks run eagerly in the calling process, so the demo renders PDFs with no
broker at all.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

app = Celery("migrantech")
app.config_from_object("django.conf:settings", namespace="CELERY")
# No related name: the "tasks" package itself holds the tasks (Celery reads None so; its stubs
# take a string only).
app.autodiscover_tasks(["tasks"], related_name=None, force=True)  # type: ignore[arg-type]

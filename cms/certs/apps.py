from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CertsConfig(AppConfig):
    name = "cms.certs"
    label = "certs"
    verbose_name = "Certificates"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the learners' signals)
        from .groups import ensure_certificate_moderators

        # Not only after our own migrations: the permissions come from several apps.
        post_migrate.connect(ensure_certificate_moderators, dispatch_uid="certs.moderators")

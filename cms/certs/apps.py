from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CertsConfig(AppConfig):
    name = "cms.certs"
    label = "certs"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the learners' signals)
        from .groups import ensure_certificate_moderators

        # Not only after our own migrations: the permissions come from several apps.
        post_migrate.connect(ensure_certificate_moderators, dispatch_uid="certs.moderators")

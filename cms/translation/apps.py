from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "cms.translation"
    label = "translation"
    verbose_name = _("Translation workflow")

    def ready(self) -> None:
        from wagtail.signals import workflow_approved

        from .review import confirm_approval

        workflow_approved.connect(confirm_approval, dispatch_uid="translation_confirm_approval")

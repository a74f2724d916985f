from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintingConfig(AppConfig):
    name = "cms.printing"
    label = "printing"
    verbose_name = _("Print pipeline")

    def ready(self) -> None:
        # Each content app declares its printable documents in its own ``printing`` module.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("printing")

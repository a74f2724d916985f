from django.apps import AppConfig


class ModulesConfig(AppConfig):
    name = "cms.modules"
    label = "modules"
    verbose_name = "E-modules"

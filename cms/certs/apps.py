from django.apps import AppConfig


class CertsConfig(AppConfig):
    name = "cms.certs"
    label = "certs"
    verbose_name = "Certificates"

"""Provisioning: what every database of this site needs besides its content, in one command.

``manage.py provision`` (run by the release step, ``bin/demo`` and the test set-up) creates or
completes the content locales, the site's home page, the admin's groups and their permissions,
each target locale's translators, reviewers and review workflow, and the certificate
moderators. It only adds what is missing, so it is safe to run at every release. Content
(partners and their editors groups, the curriculum) comes from the catalogue loader.
"""

from django.db import transaction

from cms.certs.groups import ensure_certificate_moderators
from cms.core.locales import ensure_content_locales, source_locale
from cms.translation.setup import ensure_locale_trees, ensure_translation_setup

from .catalogue.context import ensure_home
from .groups import ensure_groups


def provision() -> None:
    with transaction.atomic():
        ensure_content_locales()
        ensure_home(source_locale())
        ensure_groups()
        ensure_translation_setup()
        ensure_locale_trees()
        ensure_certificate_moderators()

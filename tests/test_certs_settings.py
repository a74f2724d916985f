"""Production refuses to start without a real certificate signing key."""

import secrets

from cms.certs.keys import DEVELOPMENT_SIGNING_KEY

from .test_settings import run_manage

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "cms.migrantech.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_production_refuses_to_start_without_a_signing_key():
    result = run_manage("check", **PRODUCTION, CERTIFICATE_SIGNING_KEY="")
    assert result.returncode != 0
    assert "CERTIFICATE_SIGNING_KEY" in result.stderr


def test_production_refuses_the_published_development_key():
    result = run_manage("check", **PRODUCTION, CERTIFICATE_SIGNING_KEY=DEVELOPMENT_SIGNING_KEY)
    assert result.returncode != 0
    assert "development key" in result.stderr

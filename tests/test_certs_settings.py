"""Production refuses to start without a real certificate signing key and a real secret key."""

import base64
import secrets

import pytest
from cryptography.hazmat.primitives import serialization

from cms.certs.keys import DEVELOPMENT_SIGNING_KEY, b64url, load_private_key, raw_public_bytes
from cms.settings.base import DEVELOPMENT_SECRET_KEY

from .test_settings import run_manage

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "cms.migrantech.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
REAL_KEY = base64.b64encode(secrets.token_bytes(32)).decode()


def test_production_refuses_to_start_without_a_signing_key():
    result = run_manage("check", **PRODUCTION, CERTIFICATE_SIGNING_KEY="")
    assert result.returncode != 0
    assert "CERTIFICATE_SIGNING_KEY" in result.stderr


def test_production_refuses_the_published_development_key():
    result = run_manage("check", **PRODUCTION, CERTIFICATE_SIGNING_KEY=DEVELOPMENT_SIGNING_KEY)
    assert result.returncode != 0
    assert "development key" in result.stderr


def development_key_written_otherwise() -> list[str]:
    """The development key as PEM, and as base64 without padding and in the URL-safe alphabet."""
    key = load_private_key(DEVELOPMENT_SIGNING_KEY)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return [
        pem,
        DEVELOPMENT_SIGNING_KEY.rstrip("="),
        b64url(base64.b64decode(DEVELOPMENT_SIGNING_KEY)),
    ]


def test_production_refuses_the_development_key_however_it_is_written():
    for written in development_key_written_otherwise():
        result = run_manage("check", **PRODUCTION, CERTIFICATE_SIGNING_KEY=written)
        assert result.returncode != 0, written
        assert "development key" in result.stderr


def test_production_refuses_the_development_key_among_the_retired_ones():
    development = b64url(raw_public_bytes(load_private_key(DEVELOPMENT_SIGNING_KEY).public_key()))
    result = run_manage(
        "check",
        **PRODUCTION,
        CERTIFICATE_SIGNING_KEY=REAL_KEY,
        CERTIFICATE_RETIRED_PUBLIC_KEYS=development,
    )
    assert result.returncode != 0
    assert "development key" in result.stderr


@pytest.mark.parametrize("secret_key", [DEVELOPMENT_SECRET_KEY, "short-but-random-9f2c"])
def test_production_refuses_the_development_or_a_weak_secret_key(secret_key):
    result = run_manage(
        "check", **{**PRODUCTION, "SECRET_KEY": secret_key}, CERTIFICATE_SIGNING_KEY=REAL_KEY
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "ImproperlyConfigured" in result.stderr

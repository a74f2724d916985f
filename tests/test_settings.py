"""Production settings are secure by default; services are the real ones under CI."""

import base64
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "PROMETHEUS_MULTIPROC_DIR"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.migrantech.org",
        DATABASE_URL="sqlite:////tmp/migrantech-deploy-check.sqlite3",
        REDIS_URL="redis://127.0.0.1:6379/0",
        CERTIFICATE_SIGNING_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


OBJECT_STORAGE = {
    "AWS_STORAGE_BUCKET_NAME": "migrantech-media",
    "AWS_PRIVATE_STORAGE_BUCKET_NAME": "migrantech-private",
    "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
    "AWS_S3_CUSTOM_DOMAIN": "media.migrantech.org",
}


def test_production_settings_with_object_storage_pass_the_deployment_check():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING'); "
        "print(settings.MEDIA_URL, settings.STORAGES['private']['OPTIONS']['bucket_name'], "
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][-1])",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.migrantech.org",
        DATABASE_URL="sqlite:////tmp/migrantech-deploy-check.sqlite3",
        REDIS_URL="redis://127.0.0.1:6379/0",
        CERTIFICATE_SIGNING_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
        **OBJECT_STORAGE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split()[-3:] == [
        "https://media.migrantech.org/",
        "migrantech-private",
        "https://media.migrantech.org",
    ]


@pytest.mark.parametrize(
    ("private_bucket", "message"),
    [("", "AWS_PRIVATE_STORAGE_BUCKET_NAME"), ("migrantech-media", "anyone may read")],
)
def test_object_storage_needs_a_private_bucket_of_its_own(private_bucket, message):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        **{**OBJECT_STORAGE, "AWS_PRIVATE_STORAGE_BUCKET_NAME": private_bucket},
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_production_refuses_to_start_without_redis():
    """Web processes must share one API cache, or a publish leaves some serving old pages."""
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.migrantech.org",
    )
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr


def test_production_refuses_metrics_that_would_count_one_worker_only():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.migrantech.org",
        REDIS_URL="redis://127.0.0.1:6379/0",
        METRICS_TOKEN="a-scraper-token-0123456789",
    )
    assert result.returncode != 0
    assert "PROMETHEUS_MULTIPROC_DIR" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        ALLOWED_HOSTS="cms.migrantech.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.skipif(not os.environ.get("CI"), reason="the real services are required under CI")
def test_under_ci_the_database_and_cache_are_the_real_services(db):
    assert connection.vendor == "postgresql"
    assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    cache.set("migrantech-ci-probe", "ok", 10)
    assert cache.get("migrantech-ci-probe") == "ok"

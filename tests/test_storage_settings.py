"""Object storage from the environment: which buckets, which addresses, and what the print
fetcher accepts from them (no S3 server needed: see test_storage_object for the real one)."""

import environ
import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.core.object_storage import MediaStorage, PrivateStorage, storage_settings
from cms.printing.fetcher import stored_media_name

MEDIA, PRIVATE = "migrantech-media", "migrantech-private"


def configured(monkeypatch, **variables):
    monkeypatch.setenv("AWS_PRIVATE_STORAGE_BUCKET_NAME", PRIVATE)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return storage_settings(environ.Env(), MEDIA)


def test_a_cdn_serves_the_media_and_never_the_private_files(monkeypatch):
    objects = configured(monkeypatch, AWS_S3_CUSTOM_DOMAIN="media.migrantech.org")
    assert objects.media_url == "https://media.migrantech.org/"
    assert objects.media_origin == "https://media.migrantech.org"
    media = MediaStorage(**objects.storages["default"]["OPTIONS"])
    private = PrivateStorage(**objects.storages["private"]["OPTIONS"])
    assert media.url("images/a.png") == "https://media.migrantech.org/images/a.png"
    assert media.bucket_name == MEDIA and private.bucket_name == PRIVATE
    assert (media.file_overwrite, media.querystring_auth, media.default_acl) == (False, False, None)
    assert media.object_parameters == {"CacheControl": "public, max-age=31536000"}
    assert private.custom_domain is None and private.querystring_auth
    assert private.object_parameters == {"CacheControl": "private, no-store"}
    assert private.querystring_expire == 300


def test_an_s3_compatible_endpoint_with_a_prefix(monkeypatch):
    objects = configured(
        monkeypatch,
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud/",
        AWS_S3_REGION_NAME="fr-par",
        AWS_LOCATION="/migrantech/",
        PRIVATE_URL_EXPIRE_SECONDS="60",
    )
    assert objects.media_url == f"https://s3.fr-par.scw.cloud/{MEDIA}/migrantech/"
    options = objects.storages["private"]["OPTIONS"]
    assert options["addressing_style"] == "path" and options["location"] == "migrantech"
    assert options["querystring_expire"] == 60
    assert "access_key" not in options and "secret_key" not in options


def test_aws_itself(monkeypatch):
    objects = configured(monkeypatch, AWS_S3_REGION_NAME="eu-west-3")
    assert objects.media_url == f"https://{MEDIA}.s3.eu-west-3.amazonaws.com/"


def test_the_private_bucket_is_required_and_apart(monkeypatch):
    monkeypatch.delenv("AWS_PRIVATE_STORAGE_BUCKET_NAME", raising=False)
    with pytest.raises(ImproperlyConfigured, match="AWS_PRIVATE_STORAGE_BUCKET_NAME"):
        storage_settings(environ.Env(), MEDIA)
    monkeypatch.setenv("AWS_PRIVATE_STORAGE_BUCKET_NAME", MEDIA)
    with pytest.raises(ImproperlyConfigured, match="anyone may read"):
        storage_settings(environ.Env(), MEDIA)


def test_the_print_fetcher_reads_media_at_the_buckets_address_only(monkeypatch, settings):
    objects = configured(monkeypatch, AWS_S3_ENDPOINT_URL="http://127.0.0.1:8333")
    settings.STORAGES = {**settings.STORAGES, "default": objects.storages["default"]}
    base = objects.media_url
    assert stored_media_name(f"{base}images/sign%C3%A9.max-300x110.png") == (
        "images/signé.max-300x110.png"
    )
    for refused in (
        f"{base}images/../../{PRIVATE}/print/x.pdf",
        f"{base}images/a.png?X-Amz-Signature=1",
        f"{base}",
        f"http://127.0.0.1:8333/{PRIVATE}/print/x.pdf",
        "http://169.254.169.254/latest/meta-data/",
    ):
        assert stored_media_name(refused) is None, refused


def test_with_media_on_local_disk_the_fetcher_reads_no_bucket():
    assert stored_media_name("http://127.0.0.1:8333/migrantech-media/images/a.png") is None

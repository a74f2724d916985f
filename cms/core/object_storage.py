"""Files in S3-compatible object storage (django-storages), for sites on several machines.

Two buckets, never one: the **media** bucket holds what anyone may read (images, their
renditions, documents) and the **private** bucket what only our views may hand out after their
permission checks (printed packs, answer keys, certificates and their cached parts). Keeping them
apart means one bucket-wide rule per bucket: the media bucket allows anonymous reads (or sits
behind a CDN), the private one refuses them, whatever a file is called.

- Media files are stored under unique names (an upload never replaces another file) and carry
  ``Cache-Control: public, max-age=…`` (a year by default): their address changes when they do.
- Private files carry ``Cache-Control: private, no-store``; the web process streams them to
  whoever may have them, and their only address is a presigned one that expires in minutes.

Both buckets may be shared with other sites: ``AWS_LOCATION`` puts our files under a prefix.
Everything comes from the environment (``storage_settings``); the credentials are read by the
S3 client itself from ``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY`` (or the machine's role)
and are never copied into the settings.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage

ONE_YEAR = 365 * 24 * 60 * 60
SPOOL_BYTES = 5 * 1024 * 1024
"""A file read from a bucket is kept in memory up to this size, then on local disk."""


class MediaStorage(S3Storage):
    """The media bucket: public reads, unique names, long-lived caching."""

    def get_default_settings(self) -> dict[str, Any]:
        return {
            **super().get_default_settings(),
            "default_acl": None,  # the bucket's policy decides, not an ACL on each object
            "querystring_auth": False,
            "file_overwrite": False,
            "max_memory_size": SPOOL_BYTES,
            "object_parameters": {"CacheControl": f"public, max-age={ONE_YEAR}"},
        }


class PrivateStorage(S3Storage):
    """The private bucket: no public address, short presigned links, never cached."""

    def get_default_settings(self) -> dict[str, Any]:
        return {
            **super().get_default_settings(),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            "custom_domain": None,  # a CDN would serve it to anyone
            "cloudfront_key_id": None,
            "cloudfront_key": None,
            # Printed files have names made of what they hold (a job, a content key): writing
            # one again replaces it.
            "file_overwrite": True,
            "max_memory_size": SPOOL_BYTES,
            "object_parameters": {"CacheControl": "private, no-store"},
        }


@dataclass(frozen=True)
class ObjectStorage:
    storages: dict[str, dict[str, Any]]
    media_url: str
    """Where the media files are read: the CDN's or the media bucket's address, with a slash."""

    @property
    def media_origin(self) -> str:
        parts = urlsplit(self.media_url)
        return f"{parts.scheme}://{parts.netloc}"


def storage_settings(env: Any, media_bucket: str) -> ObjectStorage:
    """``STORAGES`` entries and ``MEDIA_URL`` for the buckets the environment names."""
    private_bucket = env.str("AWS_PRIVATE_STORAGE_BUCKET_NAME", default="")
    if not private_bucket:
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set: set AWS_PRIVATE_STORAGE_BUCKET_NAME too, a bucket "
            "that refuses anonymous reads, for printed files and certificates."
        )
    if private_bucket == media_bucket:
        raise ImproperlyConfigured(
            "AWS_PRIVATE_STORAGE_BUCKET_NAME must not be the media bucket, which anyone may read."
        )
    endpoint = env.str("AWS_S3_ENDPOINT_URL", default="").rstrip("/")
    region = env.str("AWS_S3_REGION_NAME", default="")
    custom_domain = env.str("AWS_S3_CUSTOM_DOMAIN", default="")
    protocol = env.str("AWS_S3_URL_PROTOCOL", default="https:")
    location = env.str("AWS_LOCATION", default="").strip("/")
    common = {
        "location": location,
        "endpoint_url": endpoint or None,
        "region_name": region or None,
        # S3-compatible servers (SeaweedFS, MinIO…) name the bucket in the path.
        "addressing_style": env.str(
            "AWS_S3_ADDRESSING_STYLE", default="path" if endpoint else "virtual"
        ),
        "signature_version": "s3v4",
        # A bucket that does not answer fails a request (and /health/ready) in seconds.
        "client_config": Config(
            connect_timeout=5, read_timeout=60, retries={"max_attempts": 3, "mode": "standard"}
        ),
    }
    max_age = env.int("MEDIA_CACHE_MAX_AGE", default=ONE_YEAR)
    media = {
        **common,
        "bucket_name": media_bucket,
        "custom_domain": custom_domain or None,
        "url_protocol": protocol,
        "object_parameters": {"CacheControl": f"public, max-age={max_age}"},
    }
    private = {
        **common,
        "bucket_name": private_bucket,
        "querystring_expire": env.int("PRIVATE_URL_EXPIRE_SECONDS", default=300),
    }
    if custom_domain:
        media_url = f"{protocol}//{custom_domain}/"
    elif endpoint:
        media_url = f"{endpoint}/{media_bucket}/"
    else:
        host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
        media_url = f"https://{media_bucket}.{host}/"
    if location:
        media_url += f"{location}/"
    return ObjectStorage(
        storages={
            "default": {"BACKEND": "cms.core.object_storage.MediaStorage", "OPTIONS": media},
            "private": {"BACKEND": "cms.core.object_storage.PrivateStorage", "OPTIONS": private},
        },
        media_url=media_url,
    )

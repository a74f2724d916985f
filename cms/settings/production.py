"""Production: every secret must come from the environment; HTTPS everywhere.

``manage.py check --deploy`` passes with no warnings once SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL, REDIS_URL and CERTIFICATE_SIGNING_KEY hold real values.
"""

from django.core.exceptions import ImproperlyConfigured

from cms.certs.keys import DEVELOPMENT_KEY_ID, is_development_key, key_id, load_public_key

from .base import *  # noqa: F403
from .base import DEVELOPMENT_SECRET_KEY, env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    # Django's deploy check only warns; a guessable key signs sessions, preview links and ids.
    raise ImproperlyConfigured(
        "SECRET_KEY is the development key or too weak: use 50 random characters or more."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if not REDIS_URL:  # noqa: F405
    # Without Redis each web process would keep its own API cache (stale pages after a publish)
    # and print jobs would render inside web requests.
    raise ImproperlyConfigured("Set the REDIS_URL environment variable.")
if METRICS_TOKEN and not env.str("PROMETHEUS_MULTIPROC_DIR", default=""):  # noqa: F405
    # gunicorn runs several worker processes: /metrics would count only the one that answers.
    raise ImproperlyConfigured(
        "METRICS_TOKEN is set: set PROMETHEUS_MULTIPROC_DIR too (docs/deployment.md, Metrics)."
    )
CERTIFICATE_SIGNING_KEY = env.str("CERTIFICATE_SIGNING_KEY")
if not CERTIFICATE_SIGNING_KEY.strip():
    raise ImproperlyConfigured("Set the CERTIFICATE_SIGNING_KEY environment variable.")
# By key id, not by text: the same key written another way (PEM, no padding) is still public.
# Loading it also stops the start on a malformed key, rather than the first issue.
if is_development_key(CERTIFICATE_SIGNING_KEY):
    raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY is the published development key.")
if any(
    key_id(load_public_key(text)) == DEVELOPMENT_KEY_ID
    for text in CERTIFICATE_RETIRED_PUBLIC_KEYS  # noqa: F405
):
    raise ImproperlyConfigured(
        "CERTIFICATE_RETIRED_PUBLIC_KEYS holds the published development key: what it signed "
        "proves nothing."
    )
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", default=[f"https://{h}" for h in ALLOWED_HOSTS]
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail relaxes it for its own preview frame

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

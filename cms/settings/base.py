"""Settings shared by every environment, read from the environment (12-factor).

Every value a deployment may change comes from an environment variable with a safe default for a
developer's machine; ``production.py`` removes the defaults that are unsafe in production.
"""

from pathlib import Path
from tempfile import gettempdir

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy

from cms.certs.keys import DEVELOPMENT_SIGNING_KEY
from cms.core.language_names import translated_languages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
DEVELOPMENT_SECRET_KEY = "insecure-development-key-change-me"  # noqa: S105 - refused in production
"""For developers' machines only: production refuses it."""
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "cms.core",
    "cms.project",
    "cms.modules",
    "cms.library",
    "cms.guide",
    "cms.learners",
    "cms.certs",
    "cms.printing",
    "cms.translation",
    "cms.site",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "axes",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

REQUEST_METRICS_MIDDLEWARE = "cms.core.request_metrics.RequestMetricsMiddleware"
MIDDLEWARE = [
    # Outermost, so that it counts and times every answer, the early ones below included.
    REQUEST_METRICS_MIDDLEWARE,
    # /health/live and /health/ready, answered before the host check and the HTTPS redirect.
    "cms.core.health.HealthMiddleware",
    # First, so that every response it covers (redirects, errors, files) carries its headers.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Cached content API GETs are answered here, with the headers above and gzipped once when
    # stored: nothing below (sessions, CSRF, authentication, URL resolution, DRF) concerns them.
    "cms.core.api.caching.CachedAPIMiddleware",
    "cms.core.media_ranges.MediaFilesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Outside LocaleMiddleware: takes its "Vary: Accept-Language" off the learners' app's files.
    "cms.core.learners_app.AppFilesSameInEveryLanguage",
    "django.middleware.locale.LocaleMiddleware",
    "cms.core.api.language.APILanguageMiddleware",
    "cms.core.api.problems.APIProblemMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.core.admin_language_middleware.AdminLanguageMiddleware",
    "cms.core.current_request.CurrentRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Cross-origin reads and learner calls from any front end (django-cors-headers). Nothing relies
# on cookies there (learners send a bearer token), so credentials are never allowed and the
# default is any origin; CORS_ALLOWED_ORIGINS (comma-separated origins) narrows it.
CORS_URLS_REGEX = r"^/(api/v1/|documents/|media/)"
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_ALL_ORIGINS = not CORS_ALLOWED_ORIGINS
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "if-none-match",
    "if-modified-since",
    "range",
)
CORS_EXPOSE_HEADERS = (
    "etag",
    "retry-after",
    "location",
    "content-language",
    "content-range",
    "accept-ranges",
)
CORS_PREFLIGHT_MAX_AGE = 24 * 60 * 60

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# No transaction per request: the views that write say where theirs starts and ends.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database of the demo and of developers' machines: write-ahead logging lets
    # readers go on while one request writes; immediate transactions take the write lock when
    # they begin, so that a save and Wagtail's autosave queue up (for up to `timeout` seconds)
    # instead of one of them failing with "database is locked" halfway through.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_TIMEOUT_SECONDS", default=20),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "migrantech",
        },
        # Rate-limit counters, apart so that they can be cleared without touching anything else.
        "throttles": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "migrantech-throttles",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "throttles": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "throttles",
        },
    }

# Admin sign-in is throttled (django-axes): after AXES_FAILURE_LIMIT failures for one user name
# from one address, that pair waits AXES_COOLOFF_TIME hours. With Redis the counters live in the
# throttles cache, shared by every web process; without it (a developer's machine, the demo) in
# the database. Either way no log of sign-ins is kept.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
if REDIS_URL:
    AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    AXES_CACHE = "throttles"
else:
    AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_DISABLE_ACCESS_LOG = True
AXES_FAILURE_LIMIT = env.int("ADMIN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env.int("API_NUM_PROXIES", default=0)
AXES_COOLOFF_MESSAGE = gettext_lazy(
    "Too many failed sign-ins with this user name. Wait an hour, then try again."
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; the targets are the partners' and the learners' languages.
# CONTENT_LOCALES may narrow or extend the list without a code change (codes from LANGUAGES_KNOWN).
LANGUAGES_KNOWN = {
    "en": "English",
    "fr": "Français",
    "nl": "Nederlands",
    "pt": "Português",
    "tr": "Türkçe",
    "ar": "العربية",
    "fa": "دری / فارسی",
    "uk": "Українська",
}
CONTENT_LOCALES = env.list("CONTENT_LOCALES", default=list(LANGUAGES_KNOWN))
LANGUAGE_CODE = "en"
# Each language under its own name, for people picking their own language (and for the API);
# the admin names content languages in the reader's language (cms.core.language_names).
LANGUAGES = [(code, LANGUAGES_KNOWN.get(code, code)) for code in CONTENT_LOCALES]
WAGTAIL_CONTENT_LANGUAGES = translated_languages(LANGUAGES)
LANGUAGES_BIDI = ["ar", "fa", "he", "ur"]
# The admin speaks the content languages; where Wagtail names one differently (it has only
# European and Brazilian Portuguese), the admin uses Wagtail's name, and a stored preference
# for the content language is read as that (cms.core.admin_languages). Our own catalogue in
# locale/pt/ still serves "pt-pt", as gettext falls back from pt_PT to pt.
ADMIN_LANGUAGE_ALIASES = {"pt": "pt-pt"}
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (ADMIN_LANGUAGE_ALIASES.get(code, code), name) for code, name in LANGUAGES
]
WAGTAIL_I18N_ENABLED = True
# Machine translation for translators' first drafts: DeepL when a key is given, or any
# wagtail-localize translator class named in MACHINE_TRANSLATOR_CLASS.
if env.str("DEEPL_API_KEY", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.str("DEEPL_API_KEY")},
    }
elif env.str("MACHINE_TRANSLATOR_CLASS", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": env.str("MACHINE_TRANSLATOR_CLASS")}
# wagtail-localize's editor texts missing upstream (Persian, Turkish…): delete that folder and
# its line once wagtail-localize ships them (its README.md).
LOCALE_PATHS = [BASE_DIR / "locale", PROJECT_DIR / "translation" / "localize_js_locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded files served by Django itself: only on a developer's machine or the demo, where no web
# server or object storage sits in front.
SERVE_MEDIA = False
# Printed files (certificates, answer keys) go to the "private" storage, outside MEDIA_ROOT:
# nothing serves it at a public address; views that check who asks read it (cms.printing.storage).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "cms.printing.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Object storage (S3 API, django-storages) for several machines: set AWS_STORAGE_BUCKET_NAME and
# every uploaded or printed file goes to two buckets instead of the folders above (which then
# hold nothing). The media bucket (images, renditions, documents) is read by anyone, at its own
# address or a CDN's (AWS_S3_CUSTOM_DOMAIN); the private bucket (printed packs, answer keys,
# certificates and their cached parts) must refuse anonymous reads: only our views read it,
# after their permission checks. The credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (or the machine's role) and never appear in the settings.
# docs/deployment.md says how to set it up.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
OBJECT_STORAGE = bool(AWS_STORAGE_BUCKET_NAME)
if OBJECT_STORAGE:
    from cms.core.object_storage import storage_settings

    _objects = storage_settings(env, AWS_STORAGE_BUCKET_NAME)
    STORAGES = {**STORAGES, **_objects.storages}
    MEDIA_URL = _objects.media_url
    # Wagtail sends documents from the bucket (a redirect after its own checks).
    WAGTAILDOCS_SERVE_METHOD = "redirect"
# Printed files are rendered on local disk before they are stored: this folder holds those
# renderings and local copies of the certificate parts kept in the private bucket.
PRINT_WORK_DIR = env.path("PRINT_WORK_DIR", default=Path(gettempdir()) / "migrantech-print")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "MigranTech"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt", "vtt", "mp3", "ogg", "mp4", "webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# No SVG: an SVG can carry script (see cms.core.images, which also decodes every upload whole).
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.images.CheckedImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# A job is acknowledged only once done, and requeued if its worker dies; each worker takes one
# job at a time and its processes are replaced once they grow (WeasyPrint keeps caches).
CELERY_IMPORTS = ["tasks.printing", "tasks.certs", "tasks.health"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_MAX_TASKS_PER_CHILD", default=50)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_MAX_MEMORY_PER_CHILD_KB", default=600_000)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
CELERY_BEAT_SCHEDULE = {
    "sweep-print-jobs": {
        "task": "tasks.printing.sweep_print_jobs",
        "schedule": env.float("PRINT_SWEEP_SECONDS", default=60.0),
    },
    "issue-missing-certificates": {
        "task": "tasks.certs.issue_missing_certificates",
        "schedule": env.float("CERTIFICATE_SWEEP_SECONDS", default=300.0),
    },
    "sweep-certificate-parts": {
        "task": "tasks.certs.sweep_certificate_parts",
        "schedule": 24 * 60 * 60.0,
    },
    "worker-heartbeat": {
        "task": "tasks.health.worker_heartbeat",
        "schedule": env.float("WORKER_HEARTBEAT_SECONDS", default=30.0),
        # A heartbeat nobody ran in time says nothing any more: never run it late.
        "options": {"expires": env.float("WORKER_HEARTBEAT_SECONDS", default=30.0)},
    },
}
# Health (cms.core.health): a worker heartbeat older than this counts as no worker; whether
# /health/ready then answers 503 (by default the web processes stay in service).
WORKER_HEARTBEAT_MAX_AGE_SECONDS = env.int("WORKER_HEARTBEAT_MAX_AGE_SECONDS", default=120)
HEALTH_READY_REQUIRES_WORKER = env.bool("HEALTH_READY_REQUIRES_WORKER", default=False)
# Prometheus metrics at /metrics (cms.site.metrics), for scrapers that send this bearer token;
# without one the address does not exist.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
# A certificate verso unused this long is removed from the print cache (printed again if needed).
CERTIFICATE_PART_UNUSED_DAYS = env.int("CERTIFICATE_PART_UNUSED_DAYS", default=30)

# The print pipeline (cms.printing): bounds of one rendering and when a job counts as stuck.
PRINT_TIME_LIMIT_SECONDS = env.int("PRINT_TIME_LIMIT_SECONDS", default=300)
PRINT_MEMORY_LIMIT_MB = env.int("PRINT_MEMORY_LIMIT_MB", default=2048)
PRINT_LEASE_SECONDS = env.int("PRINT_LEASE_SECONDS", default=90)
PRINT_QUEUE_PATIENCE_SECONDS = env.int("PRINT_QUEUE_PATIENCE_SECONDS", default=600)
# Without a Celery worker (no REDIS_URL), render print jobs in a thread beside the web request
# instead of inside it (developer machines and the demo; tests keep rendering in the request).
PRINT_IN_BACKGROUND_THREAD = env.bool("PRINT_IN_BACKGROUND_THREAD", default=False)

# Certificates (cms.certs): the Ed25519 key that signs them (base64 raw seed or PEM) and the
# public keys of former signing keys, still trusted for what they signed. The default is the
# published development key, which production refuses.
CERTIFICATE_SIGNING_KEY = env.str("CERTIFICATE_SIGNING_KEY", default=DEVELOPMENT_SIGNING_KEY)
CERTIFICATE_RETIRED_PUBLIC_KEYS = env.list("CERTIFICATE_RETIRED_PUBLIC_KEYS", default=[])

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "cms.core.api.problems.api_exception_handler",
    # JSON bodies of bounded size and depth (cms.core.api.parsers); forms for the browsable API.
    "DEFAULT_PARSER_CLASSES": [
        "cms.core.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Staff reach the API with their admin session; no password is ever sent to it (no Basic).
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    # How many proxies in front of the app append to X-Forwarded-For: rate limits per client
    # address must not trust an address a client wrote itself.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MigranTech content API",
    "DESCRIPTION": "Published MigranTech content in every locale (guide: frontend_contract/).",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["cms.core.api.schema.only_public_api"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per shared choice set, so the schema (and `check --deploy`) has no collisions.
    "ENUM_NAME_OVERRIDES": {
        "CompetenceKindEnum": "cms.project.models.Competence.Kind",
        "AssetStatusEnum": "cms.translation.api.serializers.ASSET_CHOICES",
    },
}
# The content API (cms.core.api): how long clients may reuse a response without asking again,
# and how long a headless preview link stays valid.
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=60)
PREVIEW_TOKEN_MAX_AGE = env.int("PREVIEW_TOKEN_MAX_AGE", default=60 * 60)
# Each web process keeps the cached responses it served (at most this many bytes of bodies) and
# trusts the content generation it last read for this long unless Redis announces a new one
# (cms.core.api.caching, cms.core.api.generation).
API_LOCAL_CACHE_BYTES = env.int("API_LOCAL_CACHE_BYTES", default=32 * 1024 * 1024)
API_GENERATION_RECHECK_SECONDS = env.float("API_GENERATION_RECHECK_SECONDS", default=1.0)
# A CDN in front of the API (cms.core.api.cdn): on publish, the addresses that changed are purged
# through wagtail.contrib.frontend_cache, from FRONTEND_CACHE_API_ORIGIN (the API's public scheme
# and host). Backends: FRONTEND_CACHE_PURGE_URL (PURGE requests, e.g. Varnish or nginx),
# Cloudflare (zone id and API token), CloudFront (distribution id; AWS credentials from the
# environment). None configured: nothing is purged (the demo).
FRONTEND_CACHE_API_ORIGIN = env.str("FRONTEND_CACHE_API_ORIGIN", default=WAGTAILADMIN_BASE_URL)
WAGTAILFRONTENDCACHE: dict[str, dict[str, object]] = {}
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["purge-receiver"] = {
        "BACKEND": "cms.core.api.cdn.PurgeReceiverBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
        "TIMEOUT": env.float("FRONTEND_CACHE_PURGE_TIMEOUT", default=5.0),
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# The API's addresses carry no language prefix to rewrite: ?locale= variants are listed instead.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
# Learners (cms.learners): rate limits ("<count>/<second|minute|hour|day>") for registering and
# signing in per client address, and for starting and submitting evaluations per learner; the
# seconds a submission may arrive after an evaluation's time limit (the network is slow at times).
LEARNER_THROTTLE_RATES = {
    "registration": env.str("LEARNER_REGISTRATION_RATE", default="30/hour"),
    "sign-in": env.str("LEARNER_SIGN_IN_RATE", default="30/hour"),
    "attempts": env.str("LEARNER_ATTEMPT_RATE", default="60/hour"),
    "submissions": env.str("LEARNER_SUBMISSION_RATE", default="60/hour"),
}
LEARNER_SUBMISSION_GRACE_SECONDS = env.int("LEARNER_SUBMISSION_GRACE_SECONDS", default=15)
# Headless preview opens the front end: PREVIEW_URL, or per locale PREVIEW_URLS ("ar=https://…").
PREVIEW_URL = env.str("PREVIEW_URL", default=f"{WAGTAILADMIN_BASE_URL}/app/")
PREVIEW_URLS = env.dict("PREVIEW_URLS", default={})
# Where a person reads an item: the canonical `url` of every API item ({type}, {id}, {slug},
# {locale}); by default the reference reader.
FRONTEND_ITEM_URL = env.str(
    "FRONTEND_ITEM_URL",
    default=f"{WAGTAILADMIN_BASE_URL}/reader/?locale={{locale}}#{{type}}/{{id}}",
)
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": PREVIEW_URL}}
# The learners' app, built by bin/bootstrap into LEARNERS_APP_ROOT for the API at
# LEARNERS_APP_API_URL (relative: this origin); its pages allow no other origin.
LEARNERS_APP_ROOT = BASE_DIR / "frontend_contract" / "app" / "dist"
LEARNERS_APP_API_URL = env.str("LEARNERS_APP_API_URL", default="/api/v1/")

# Content-Security-Policy on every response (django-csp): scripts only from our own files, never
# inline, so injected HTML cannot run script on the admin's origin; front ends and embedded media
# talk only to the origins named here. Inline styles stay allowed: the Wagtail admin sets them.
CSP_CONNECT_ORIGINS = env.list("CSP_CONNECT_ORIGINS", default=[])
"""Origins pages may fetch from besides our own, e.g. the content API's when it is elsewhere."""
CSP_MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=[]) + (
    [_objects.media_origin] if OBJECT_STORAGE else []
)
"""Origins of images, audio and video served from elsewhere (a storage bucket, a CDN)."""
CSP_FRAME_ORIGINS = env.list("CSP_FRAME_ORIGINS", default=[])
"""Origins the admin may frame besides ours: an external preview front end, video embeds."""
# The admin's dashboard would ask releases.wagtail.org for the latest version from every
# editor's browser: a third-party call the policy refuses; upgrades are followed in the project.
WAGTAIL_ENABLE_UPDATE_CHECK = False
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_ORIGINS],
        "media-src": [SELF, "blob:", *CSP_MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, *CSP_CONNECT_ORIGINS],
        "frame-src": [SELF, *CSP_FRAME_ORIGINS],
        "worker-src": [SELF, "blob:"],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # One line per background task and per page action drowns what matters.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint's step-by-step lines feed the print progress bar, not the logs.
        "weasyprint.progress": {"level": "INFO", "handlers": [], "propagate": False},
    },
}

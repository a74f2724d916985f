"""A developer's machine: debug on, embedded SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# The demo runs with DEBUG off (visitors see the real error pages) and still serves its uploads.
SERVE_MEDIA = True
PRINT_IN_BACKGROUND_THREAD = env.bool("PRINT_IN_BACKGROUND_THREAD", default=True)

"""OpenAPI generation covers our public API only, not Wagtail's internal admin endpoints."""

from typing import Any

PUBLIC_API_PREFIX = "/api/"


def only_public_api(endpoints: list[tuple[str, Any, Any, Any]], **kwargs: Any) -> list:
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIX)]

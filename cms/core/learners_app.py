"""Serves the learners' app (frontend_contract/app/, built into its dist/ folder by bin/bootstrap)
at /app/, the default preview front end; /reader/, the old reference reader's address, redirects.

The app is static files. Its pages carry a strict Content-Security-Policy of their own (scripts,
styles, fonts and workers from this origin only, content and media from the API it was built
for), so that even API text that got past both sanitisers could not run script here. The built
page carries its script and style inline (the app's boot.ts, which starts the first screen's
requests, then its stylesheet and its code: on a slow network they arrive while those requests
are under way); each is allowed by its SHA-256 hash, read from the built page: no other inline
script or style runs.
"""

import base64
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils.cache import patch_vary_headers
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.static import serve

NOT_BUILT = (
    "The learners' app is not built: run bin/bootstrap (npm ci and the build in "
    "frontend_contract/app/)."
)


INLINE = {
    "script": re.compile(r"<script(?: [^>]*)?>(.*?)</script>", re.DOTALL),
    "style": re.compile(r"<style>(.*?)</style>", re.DOTALL),
}
_hashes: dict[tuple[Path, int], dict[str, list[str]]] = {}


def inline_hashes(kind: str) -> list[str]:
    """The CSP sources (``'sha256-…'``) of the built page's inline scripts or styles (``kind``),
    kept per build."""
    page = settings.LEARNERS_APP_ROOT / "index.html"
    try:
        key = (page, page.stat().st_mtime_ns)
    except FileNotFoundError:
        return []
    if key not in _hashes:
        _hashes.clear()
        text = page.read_text(encoding="utf-8")
        _hashes[key] = {
            name: [
                f"'sha256-{base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()}'"
                for code in pattern.findall(text)
            ]
            for name, pattern in INLINE.items()
        }
    return _hashes[key][kind]


def content_security_policy() -> str:
    api = urlsplit(settings.LEARNERS_APP_API_URL)
    api_origin = f"{api.scheme}://{api.netloc}" if api.netloc else ""
    content = f"'self' {api_origin}".strip()
    return "; ".join(
        [
            "default-src 'none'",
            " ".join(["script-src 'self'", *inline_hashes("script")]),
            " ".join(["style-src 'self'", *inline_hashes("style")]),
            "font-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            f"connect-src {content}",
            f"img-src {content} blob: data:",
            f"media-src {content} blob:",
            "frame-ancestors 'self'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


@xframe_options_sameorigin
def learners_app(request: HttpRequest, path: str = "index.html") -> HttpResponseBase:
    """A file of the built app; the app's pages and service worker are always revalidated."""
    if not (settings.LEARNERS_APP_ROOT / "index.html").exists():
        return HttpResponse(NOT_BUILT, status=503, content_type="text/plain; charset=utf-8")
    response = serve(request, path, document_root=str(settings.LEARNERS_APP_ROOT))
    response["Content-Security-Policy"] = content_security_policy()
    if path in {"index.html", "sw.js", "manifest.webmanifest"}:
        response["Cache-Control"] = "no-cache"
    else:
        response["Cache-Control"] = "public, max-age=3600"
    return response


class AppFilesSameInEveryLanguage:
    """The app's files (/app/…) are the same whatever language the browser asks for: they leave
    without the ``Vary: Accept-Language`` that LocaleMiddleware, inside this one, adds to every
    response. The app's service worker looks its precached shell up by address; a ``Vary`` on a
    header the browser sets (``Accept-Language: ar-SA,…``) made it miss when offline."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.path.startswith("/app/") and response.has_header("Vary"):
            kept = [
                header.strip()
                for header in response["Vary"].split(",")
                if header.strip() and header.strip().lower() != "accept-language"
            ]
            del response["Vary"]
            if kept:
                patch_vary_headers(response, kept)
        return response


def old_reader(request: HttpRequest, path: str = "") -> HttpResponseRedirect:
    """The reference reader's old address: the app, with the same query (a preview token)."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect("/app/" + (f"?{query}" if query else ""))

"""Links on paper: a QR code to scan, and an address short enough to type by hand.

Print cannot play a video or follow a link, so each one is printed as a QR code of the real
address and, under it, a short address. Long addresses get a code on our own site
(``/l/<code>/``) that redirects to them; only addresses we printed are ever redirected to.
"""

import base64
import hashlib
from urllib.parse import urljoin, urlsplit

import segno
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext

from .models import ShortLink

TYPEABLE_LENGTH = 36
"""Addresses up to this many characters (without https:// and www.) are printed as they are."""


def absolute_url(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def qr_svg(url: str) -> str:
    """The QR code as inline SVG; its title is the text alternative in the tagged PDF."""
    return segno.make(url, error="m").svg_inline(
        scale=4, border=0, omitsize=True, title=gettext("QR code: %(url)s") % {"url": url}
    )


def _typeable(url: str) -> str:
    parts = urlsplit(url)
    text = parts.netloc.removeprefix("www.") + parts.path.rstrip("/")
    return text + (f"?{parts.query}" if parts.query else "")


def short_code(url: str) -> str:
    digest = hashlib.sha256(url.encode()).digest()
    return base64.b32encode(digest).decode().lower()[:7]


def short_url(url: str) -> str:
    """``url`` as people can type it: itself if short, else a code on our site."""
    url = absolute_url(url)
    typeable = _typeable(url)
    if len(typeable) <= TYPEABLE_LENGTH:
        return typeable
    link, _created = ShortLink.objects.get_or_create(url=url, defaults={"code": short_code(url)})
    return _typeable(absolute_url(reverse("short-link", args=[link.code])))


def follow_short_link(request: HttpRequest, code: str) -> HttpResponseRedirect:
    try:
        link = ShortLink.objects.get(code=code)
    except ShortLink.DoesNotExist:
        raise Http404(gettext("No such short link.")) from None
    return HttpResponseRedirect(link.url)

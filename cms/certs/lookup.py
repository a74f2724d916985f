"""Finding a certificate by the id printed on it; anything malformed is simply not found."""

import re

from .models import Certificate

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{22}")


def find_certificate(certificate_id: str) -> Certificate | None:
    if not ID_PATTERN.fullmatch(certificate_id):
        return None
    return Certificate.objects.filter(pk=certificate_id).first()

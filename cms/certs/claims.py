"""What is signed: the claim printed in the QR code, and the record kept in the database.

Two signatures, so that erasure and tampering can be told apart:

- the **claim** is what the certificate says (id, type, title, holder's name, completion and issue
  dates, the platform). It travels in the QR code with its signature, so paper can be checked
  offline against the published public key;
- the **record** is everything certified about the certificate as stored: the claim's fields
  except the name, plus the subject, locale, snapshot of the modules and their completion dates,
  and a *salted hash* of the name. Erasing the name (and its salt) leaves the record's signature
  valid, while changing any certified field, or the name, breaks one signature or the other.

Both are compact canonical JSON (RFC 8785), signed with Ed25519.
"""

import hashlib
import secrets
from datetime import UTC, datetime
from typing import Any

import rfc8785

PLATFORM = "2020-1-FR01-KA204-080342 / migrantech.org"
CLAIM_VERSION = 1


def canonical(data: Any) -> bytes:
    return rfc8785.dumps(data)


def new_salt() -> str:
    return secrets.token_hex(16)


def holder_digest(name: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{name}".encode()).hexdigest()


def instant(moment: datetime) -> str:
    """A moment as signed: UTC, to the second (databases differ below that)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def day(moment: datetime) -> str:
    return moment.astimezone(UTC).date().isoformat()


def claim(
    *,
    certificate_id: str,
    type: int,
    title: str,
    holder: str,
    completed_at: datetime,
    issued_at: datetime,
) -> dict[str, Any]:
    return {
        "v": CLAIM_VERSION,
        "id": certificate_id,
        "type": type,
        "title": title,
        "holder": holder,
        "completed": day(completed_at),
        "issued": day(issued_at),
        "platform": PLATFORM,
    }


def record(
    *,
    certificate_id: str,
    type: int,
    subject_id: int | None,
    title: str,
    locale: str,
    holder_digest: str,
    completed_at: datetime,
    issued_at: datetime,
    snapshot: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "v": CLAIM_VERSION,
        "id": certificate_id,
        "type": type,
        "subject": subject_id,
        "title": title,
        "locale": locale,
        "holder_digest": holder_digest,
        "completed_at": instant(completed_at),
        "issued_at": instant(issued_at),
        "snapshot": snapshot,
        "platform": PLATFORM,
    }

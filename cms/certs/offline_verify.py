"""Check a printed MigranTech certificate without the Internet: the text of its QR code and the
project's public key are enough.

    python -m cms.certs.offline_verify "<text scanned from the QR code>" --public-key key.pem

The QR code holds the certificate's verification address; after ``#`` come the signed claim
(base64url of its JSON), its Ed25519 signature and the id of the key that made it, separated by
dots. This file depends on nothing but the Python standard library and ``cryptography``, so it
can be copied and run on its own. It prints VALID or INVALID and the claim, and exits 0 or 1.

A claim signed by the published development key (developers' machines and tests) is INVALID
whatever key is given: anyone can sign with it, so it is not a real certificate.
"""

import argparse
import base64
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

DEVELOPMENT_PUBLIC_KEY = "s-MspUnUeCbOnob1ySdsVZSB_IFtXFwlSMBDrABdYQU"
"""The published development key's public half (raw, base64url); its key id below."""
DEVELOPMENT_KEY_ID = "is3rax7n70dhszY9"
NOT_REAL = "signed by the published development key: this is not a real certificate"


@dataclass(frozen=True)
class Outcome:
    valid: bool
    reason: str
    claim: dict[str, Any] | None


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load_public_key(text: str) -> Ed25519PublicKey:
    """A PEM public key, or the key's raw 32 bytes in base64 (the JWK's ``x``)."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_public_key(text.encode())
    else:
        key = Ed25519PublicKey.from_public_bytes(_decode(text.replace("+", "-").replace("/", "_")))
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _signed_by_development_key(signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(_decode(DEVELOPMENT_PUBLIC_KEY)).verify(
            signature, message
        )
    except InvalidSignature:
        return False
    return True


def verify_qr_text(text: str, key: Ed25519PublicKey) -> Outcome:
    address, _, fragment = text.strip().partition("#")
    parts = fragment.split(".")
    if len(parts) != 3:
        return Outcome(False, "the text holds no signed claim", None)
    encoded_claim, encoded_signature, signing_key_id = parts
    try:
        message = _decode(encoded_claim)
        claim = json.loads(message)
        signature = _decode(encoded_signature)
    except ValueError:
        return Outcome(False, "the signed claim is damaged", None)
    if signing_key_id == DEVELOPMENT_KEY_ID or _raw(key) == _decode(DEVELOPMENT_PUBLIC_KEY):
        return Outcome(False, NOT_REAL, claim if isinstance(claim, dict) else None)
    try:
        key.verify(signature, message)
    except InvalidSignature:
        if _signed_by_development_key(signature, message):
            return Outcome(False, NOT_REAL, claim)
        return Outcome(False, "the signature does not match the claim", claim)
    if not isinstance(claim, dict) or f"/{claim.get('id')}/" not in urlsplit(address).path + "/":
        return Outcome(False, "the claim is not about the certificate at this address", claim)
    return Outcome(True, "signed by the MigranTech project", claim)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("qr_text", help="the text read from the certificate's QR code")
    parser.add_argument(
        "--public-key", required=True, type=Path, help="the project's public key (PEM file)"
    )
    arguments = parser.parse_args(argv)
    outcome = verify_qr_text(arguments.qr_text, load_public_key(arguments.public_key.read_text()))
    print(f"{'VALID' if outcome.valid else 'INVALID'}: {outcome.reason}")
    if outcome.claim is not None:
        print(json.dumps(outcome.claim, indent=2, ensure_ascii=False))
    return 0 if outcome.valid else 1


if __name__ == "__main__":
    sys.exit(main())

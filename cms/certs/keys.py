"""The Ed25519 key that signs certificates, and the public keys that check them.

The private key comes from the ``CERTIFICATE_SIGNING_KEY`` setting (the environment variable of
the same name): the 32-byte raw seed in base64, or a PEM (PKCS#8) private key. Each key is known
by a key id derived from its public key, so a certificate names the key that signed it and keys
can be rotated: ``CERTIFICATE_RETIRED_PUBLIC_KEYS`` keeps the public keys of former signing keys,
so the certificates they signed still verify.
"""

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_SIGNING_KEY = "bWlncmFudGVjaC1kZXZlbG9wbWVudC1rZXktbm90LXM="
"""A fixed, published, NOT SECRET key for developers' machines and tests (production refuses it).

It is the base64 of the 32 bytes ``migrantech-development-key-not-s``; anything it signs
proves nothing.
"""

DEVELOPMENT_KEY_ID = "is3rax7n70dhszY9"
"""The key id of the development key: however the key is written (PEM, base64 with or without
padding, URL-safe alphabet), it is the same key, and production refuses it by this id."""

MULTICODEC_ED25519_PUBLIC = b"\xed\x01"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load_private_key(text: str) -> Ed25519PrivateKey:
    """A private key from its PEM or its base64 raw 32-byte seed."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY must be an Ed25519 key.")
        return key
    try:
        seed = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=False)
    except ValueError as error:
        raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY is neither PEM nor base64.") from error
    if len(seed) != 32:
        raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY must hold a 32-byte Ed25519 seed.")
    return Ed25519PrivateKey.from_private_bytes(seed)


def load_public_key(text: str) -> Ed25519PublicKey:
    """A public key from its PEM or its base64 raw 32 bytes."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_public_key(text.encode())
        if not isinstance(key, Ed25519PublicKey):
            raise ImproperlyConfigured("Certificate public keys must be Ed25519 keys.")
        return key
    raw = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_")
    return Ed25519PublicKey.from_public_bytes(raw)


def raw_public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """A short, stable name for a public key: the start of its SHA-256, in base64url."""
    return b64url(hashlib.sha256(raw_public_bytes(key)).digest()[:12])


@dataclass(frozen=True)
class PublicKey:
    key: Ed25519PublicKey
    kid: str
    current: bool

    @property
    def pem(self) -> str:
        return self.key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")

    @property
    def jwk(self) -> dict[str, str]:
        return {
            "kty": "OKP",
            "crv": "Ed25519",
            "x": b64url(raw_public_bytes(self.key)),
            "kid": self.kid,
            "use": "sig",
            "alg": "EdDSA",
        }

    @property
    def multibase(self) -> str:
        """The key as a Multikey ``publicKeyMultibase`` (base58btc of the multicodec bytes)."""
        return "z" + base58(MULTICODEC_ED25519_PUBLIC + raw_public_bytes(self.key))


def base58(data: bytes) -> str:
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = alphabet[remainder] + encoded
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + encoded


@lru_cache(maxsize=4)
def _signing_key(text: str) -> Ed25519PrivateKey:
    return load_private_key(text)


def signing_key() -> Ed25519PrivateKey:
    return _signing_key(settings.CERTIFICATE_SIGNING_KEY)


def current_key_id() -> str:
    return key_id(signing_key().public_key())


def is_development_key(private_key_text: str) -> bool:
    return key_id(load_private_key(private_key_text).public_key()) == DEVELOPMENT_KEY_ID


def public_keys() -> list[PublicKey]:
    """The current key first, then the retired ones that still verify older certificates."""
    current = signing_key().public_key()
    keys = [PublicKey(current, key_id(current), current=True)]
    for text in settings.CERTIFICATE_RETIRED_PUBLIC_KEYS:
        retired = load_public_key(text)
        keys.append(PublicKey(retired, key_id(retired), current=False))
    return keys


def public_key(kid: str) -> PublicKey | None:
    return next((key for key in public_keys() if key.kid == kid), None)


def sign(message: bytes) -> tuple[str, str]:
    """The base64url signature of ``message`` and the id of the key that made it."""
    return b64url(signing_key().sign(message)), current_key_id()


def verify(message: bytes, signature: str, kid: str) -> bool:
    key = public_key(kid)
    if key is None:
        return False
    try:
        key.key.verify(from_b64url(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True

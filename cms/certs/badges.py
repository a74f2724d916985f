"""Certificates as Open Badges 3.0: OpenBadgeCredentials with a Data Integrity proof.

The proof uses the ``eddsa-jcs-2022`` cryptosuite (W3C VC Data Integrity EdDSA): the credential
and the proof options are each canonicalised with JCS (RFC 8785) and hashed with SHA-256; the
Ed25519 signature of the two hashes, in base58btc, is the ``proofValue``. The proof options
hashed are exactly the published proof without its ``proofValue`` (no ``@context`` added), which
is what independent verifiers rebuild. ``proof`` is an array, as 1EdTech's JSON Schema requires.

The issuer is the project's profile, a controller document whose Multikey verification methods
are the published certificate keys; its contexts define every term it uses, so JSON-LD
processors in safe mode (Digital Bazaar's verifier frames it) read ``assertionMethod`` and
``verificationMethod``.
"""

import hashlib
from typing import Any

from cryptography.exceptions import InvalidSignature
from django.urls import reverse
from django.utils import translation

from cms.printing.links import absolute_url

from . import keys, texts
from .claims import PLATFORM, canonical, instant
from .keys import base58
from .models import Certificate
from .verification import verification_url

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
CONTROLLER_TERMS = {
    # The two terms of a controller document that the credentials and Multikey contexts leave
    # undefined, with the IRIs of W3C Controlled Identifiers 1.0 (https://www.w3.org/ns/cid/v1).
    "assertionMethod": {
        "@id": "https://w3id.org/security#assertionMethod",
        "@type": "@id",
        "@container": "@set",
    },
    "verificationMethod": {
        "@id": "https://w3id.org/security#verificationMethod",
        "@type": "@id",
    },
}
CRYPTOSUITE = "eddsa-jcs-2022"
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def issuer_id() -> str:
    return absolute_url(reverse("certificate-issuer"))


def issuer_profile() -> dict[str, Any]:
    """The project as an issuer, with one Multikey verification method per published key."""
    methods = [
        {
            "id": f"{issuer_id()}#{key.kid}",
            "type": "Multikey",
            "controller": issuer_id(),
            "publicKeyMultibase": key.multibase,
        }
        for key in keys.public_keys()
    ]
    return {
        "@context": [*CONTEXTS, MULTIKEY_CONTEXT, CONTROLLER_TERMS],
        "id": issuer_id(),
        "type": ["Profile"],
        "name": "MigranTech",
        "url": "https://migrantech.org",
        "description": f"Erasmus+ project {PLATFORM}",
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def criteria(certificate: Certificate) -> str:
    with translation.override(certificate.locale):
        if certificate.type == Certificate.Type.MODULE:
            lead = str(texts.FOR_COMPLETING_THE_COURSE)
        elif certificate.type == Certificate.Type.ALL_MODULES:
            lead = str(texts.FOR_COMPLETING_ALL_MODULES)
        else:
            lead = str(texts.COURSE_COMPLETION)
        return f"{lead}: {certificate.title}. {texts.PROPOSED_BY}. {texts.DISCLAIMER}"


def credential(certificate: Certificate) -> dict[str, Any]:
    """The unsigned OpenBadgeCredential for ``certificate``."""
    url = verification_url(certificate)
    modules = ", ".join(entry["title"] for entry in certificate.snapshot)
    return {
        "@context": CONTEXTS,
        "id": url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.title,
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": "MigranTech",
            "url": "https://migrantech.org",
        },
        "validFrom": instant(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": certificate.holder_name,
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.holder_name,
                }
            ],
            "activityEndDate": instant(certificate.completed_at),
            "achievement": {
                "id": f"{url}#achievement",
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.title,
                "description": modules,
                "criteria": {"narrative": criteria(certificate)},
                "inLanguage": certificate.locale,
            },
        },
    }


def _hash_data(document: dict[str, Any], proof_options: dict[str, Any]) -> bytes:
    proof_hash = hashlib.sha256(canonical(proof_options)).digest()
    return proof_hash + hashlib.sha256(canonical(document)).digest()


def sign_credential(document: dict[str, Any], created: str) -> dict[str, Any]:
    """``document`` with an ``eddsa-jcs-2022`` Data Integrity proof."""
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": f"{issuer_id()}#{keys.current_key_id()}",
        "proofPurpose": "assertionMethod",
    }
    signature = keys.signing_key().sign(_hash_data(document, options))
    return {**document, "proof": [{**options, "proofValue": "z" + base58(signature)}]}


def from_base58(text: str) -> bytes:
    number = 0
    for character in text:
        number = number * 58 + ALPHABET.index(character)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def verify_credential(signed: dict[str, Any]) -> bool:
    """Check a credential's one ``eddsa-jcs-2022`` proof against the published keys."""
    proofs = signed.get("proof")
    if not isinstance(proofs, list) or len(proofs) != 1 or not isinstance(proofs[0], dict):
        return False
    proof = dict(proofs[0])
    proof_value = proof.pop("proofValue", "")
    if proof.get("cryptosuite") != CRYPTOSUITE or not proof_value.startswith("z"):
        return False
    kid = str(proof.get("verificationMethod", "")).rpartition("#")[2]
    key = keys.public_key(kid)
    if key is None:
        return False
    document = {name: value for name, value in signed.items() if name != "proof"}
    try:
        key.key.verify(from_base58(proof_value[1:]), _hash_data(document, proof))
    except (InvalidSignature, ValueError):
        return False
    return True


def badge(certificate: Certificate) -> dict[str, Any]:
    return sign_credential(credential(certificate), instant(certificate.issued_at))

"""API tokens and recovery codes: secrets shown once, of which only hashes are stored.

A token is a long random string held by one device; its SHA-256 is enough to find it again and
useless to anyone who reads the database. A recovery code is what a learner writes down to sign
in on another device: six groups of four capitals and digits, without the characters people
confuse (0/O, 1/I/L, 2/Z, 5/S, 8/B). Its first two groups find the learner; the other four are
a secret checked with Django's password hasher, so a copy of the table cannot be tried offline
at speed.
"""

import hashlib
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction

from .models import Learner, LearnerToken, RecoveryCode

TOKEN_PREFIX = "mtl_"  # noqa: S105 (says what a string is; the secret follows it)
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
GROUP_LENGTH = 4
LOOKUP_GROUPS = 2
SECRET_GROUPS = 4
NEW_CODE_TRIES = 5


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(learner: Learner) -> str:
    """A new token for ``learner``; the caller hands it to the device and forgets it."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    LearnerToken.objects.create(learner=learner, key_hash=_token_hash(token))
    return token


def token_of(token: str) -> LearnerToken | None:
    """The stored token (with its learner) that ``token`` is, if it was not revoked."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    return (
        LearnerToken.objects.select_related("learner").filter(key_hash=_token_hash(token)).first()
    )


def _random_groups(count: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(count * GROUP_LENGTH))


def _grouped(characters: str) -> str:
    return "-".join(
        characters[start : start + GROUP_LENGTH]
        for start in range(0, len(characters), GROUP_LENGTH)
    )


def normalised_code(typed: str) -> str:
    """What a person typed, without spaces, dashes or lower case."""
    return "".join(character for character in typed.upper() if character.isalnum())


def issue_recovery_code(learner: Learner) -> str:
    """A new recovery code for ``learner`` (replacing any earlier one), formatted for people."""
    secret = _random_groups(SECRET_GROUPS)
    RecoveryCode.objects.filter(learner=learner).delete()
    for _ in range(NEW_CODE_TRIES):
        lookup = _random_groups(LOOKUP_GROUPS)
        try:
            with transaction.atomic():
                RecoveryCode.objects.create(
                    learner=learner, lookup=lookup, secret_hash=make_password(secret)
                )
        except IntegrityError:
            continue  # another learner's code starts the same way: draw again
        return _grouped(lookup + secret)
    raise RuntimeError("no free recovery code found; the alphabet or length is too small")


def learner_with_code(typed: str) -> Learner | None:
    """The learner whose recovery code ``typed`` is, however it was spaced or cased."""
    code = normalised_code(typed)
    split = LOOKUP_GROUPS * GROUP_LENGTH
    if len(code) != (LOOKUP_GROUPS + SECRET_GROUPS) * GROUP_LENGTH:
        return None
    stored = RecoveryCode.objects.select_related("learner").filter(lookup=code[:split]).first()
    if stored is None or not check_password(code[split:], stored.secret_hash):
        return None
    return stored.learner

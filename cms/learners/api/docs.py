"""The OpenAPI description of the learners' endpoints, with an example of each exchange."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)

from cms.core.api.openapi import ID_SCHEMA, locale_parameters, problem
from cms.core.api.problems import PROBLEM_CONTENT_TYPE

from .serializers import (
    AttemptSerializer,
    LearnerInputSerializer,
    LearnerSerializer,
    ProgressSerializer,
    ReadingInputSerializer,
    ReadingSerializer,
    RecoveryCodeSerializer,
    RegistrationSerializer,
    ResultSerializer,
    SignedInSerializer,
    SignInSerializer,
    SubmissionSerializer,
)

LEARNER = {
    "id": "3f0c8a9e-5b1d-4c49-9d0e-6a1f3f1c2b7d",
    "display_name": "Amina Yusuf",
    "locale": "fr",
    "email": "",
    "created_at": "2026-12-03T09:12:30.512Z",
}
EXAMPLE_TOKEN = "mtl_Vb0m1yQ2c7…"  # noqa: S105 (shortened, not a real token)
WHEN = "2026-12-03T09:20:00Z"

UNAUTHORIZED = {(401, PROBLEM_CONTENT_TYPE): problem("No valid token: sign in (again).")}
TOO_MANY = {(429, PROBLEM_CONTENT_TYPE): problem("Too many requests; see Retry-After (seconds).")}
BAD = {(400, PROBLEM_CONTENT_TYPE): problem("A field or parameter the API cannot use.")}


# Made-up questions and ids: no example may hold a real question's answer.
TRUE_FALSE_ID = "00000000-0000-4000-8000-00000000a001"
BLANK_ID = "00000000-0000-4000-8000-00000000a002"


def _example(name: str, value: Any, **kwargs: Any) -> OpenApiExample:
    return OpenApiExample(name, value=value, **kwargs)


learner_schema = extend_schema_view(
    create=extend_schema(
        summary="Register a learner",
        description="Only a display name (the name on certificates) and, optionally, a locale "
        "and an email. Answers a token for this device and a recovery code to sign in on "
        "another one, each shown once.",
        request=LearnerInputSerializer,
        responses={201: RegistrationSerializer, **BAD, **TOO_MANY},
        auth=[],
        examples=[
            _example(
                "Register", {"display_name": "Amina Yusuf", "locale": "fr"}, request_only=True
            ),
            _example(
                "Registered",
                {
                    "learner": LEARNER,
                    "token": EXAMPLE_TOKEN,
                    "recovery_code": "KX7M-PQ3D-9TWA-HN4C-RE6F-YJ3K",
                },
                response_only=True,
                status_codes=["201"],
            ),
        ],
    ),
    sign_in=extend_schema(
        summary="Sign in on another device with the recovery code",
        request=SignInSerializer,
        responses={
            200: SignedInSerializer,
            **BAD,
            (401, PROBLEM_CONTENT_TYPE): problem("The recovery code is not right."),
            **TOO_MANY,
        },
        auth=[],
        examples=[
            _example(
                "Sign in", {"recovery_code": "kx7m pq3d 9twa hn4c re6f yj3k"}, request_only=True
            ),
            _example("Signed in", {"learner": LEARNER, "token": EXAMPLE_TOKEN}, response_only=True),
        ],
    ),
    me=extend_schema(
        summary="The signed-in learner",
        responses={200: LearnerSerializer, **UNAUTHORIZED},
        examples=[_example("Learner", LEARNER)],
    ),
    data=extend_schema(
        summary="Download all the learner's data (JSON)",
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="Every section kept."),
            **UNAUTHORIZED,
        },
        examples=[
            _example(
                "Data",
                {
                    "exported_at": WHEN,
                    "profile": LEARNER,
                    "tokens": [{"id": 12, "created_at": LEARNER["created_at"]}],
                    "recovery_code": {"created_at": LEARNER["created_at"]},
                    "attempts": [
                        {
                            "id": "0b6f2d1e-8c43-4f7a-a1d5-2e9b7c4d3f10",
                            "module": 61,
                            "locale": "fr",
                            "started_at": "2026-12-03T09:14:00Z",
                            "deadline": "2026-12-03T09:29:00Z",
                            "submitted_at": WHEN,
                            "status": "submitted",
                            "answers": {BLANK_ID: ["mois"]},
                            "score": 4,
                            "total_points": 4,
                            "passed": True,
                        }
                    ],
                    "completions": [{"module": 61, "completed_at": WHEN}],
                    "readings": [{"module": 61, "read_at": "2026-12-03T09:13:10Z"}],
                    "certificates": [],
                },
            )
        ],
    ),
    progress=extend_schema(
        summary="Modules, categories, pathways and the course: what is done",
        parameters=locale_parameters()[:1],
        responses={200: ProgressSerializer, **BAD, **UNAUTHORIZED},
        examples=[
            _example(
                "Progress",
                {
                    "locale": "fr",
                    "modules": [
                        {"id": 61, "title": "Créer et tenir un planning", "completed_at": WHEN}
                    ],
                    "read_modules": [
                        {
                            "id": 61,
                            "title": "Créer et tenir un planning",
                            "read_at": "2026-12-03T09:13:10Z",
                        },
                        {
                            "id": 64,
                            "title": "Utiliser un agenda en ligne",
                            "read_at": "2026-12-03T09:40:00Z",
                        },
                    ],
                    "categories": [
                        {
                            "id": 5,
                            "title": "Compétences numériques",
                            "done": 1,
                            "read": 2,
                            "total": 6,
                            "completed_at": None,
                        }
                    ],
                    "pathways": [
                        {
                            "id": 48,
                            "title": "Créer son entreprise",
                            "done": 1,
                            "read": 1,
                            "total": 8,
                            "completed_at": None,
                        }
                    ],
                    "overall": {"done": 1, "read": 2, "total": 40, "completed_at": None},
                },
            )
        ],
    ),
    reading=extend_schema(
        summary="Record that the learner opened a module",
        description="Idempotent: the first reading of a module is kept, and sending it again "
        "(a reading made offline, sent when the connection returns) changes nothing; an earlier "
        "`read_at` than the one kept replaces it. Answers 201 for a new reading, 200 for one "
        "already recorded. Readings count in `learners/me/progress/` (`read`).",
        request=ReadingInputSerializer,
        responses={
            201: ReadingSerializer,
            200: ReadingSerializer,
            **BAD,
            **UNAUTHORIZED,
            (404, PROBLEM_CONTENT_TYPE): problem("No published module has this id."),
        },
        examples=[
            _example(
                "Read offline", {"module": 61, "read_at": "2026-12-03T09:13:10Z"}, request_only=True
            ),
            _example(
                "Recorded",
                {"module": 61, "read_at": "2026-12-03T09:13:10Z"},
                response_only=True,
                status_codes=["201", "200"],
            ),
        ],
    ),
    recovery_code=extend_schema(
        summary="A new recovery code, when the learner lost theirs",
        request=None,
        responses={201: RecoveryCodeSerializer, **UNAUTHORIZED},
        examples=[_example("New code", {"recovery_code": "QW3E-RT4Y-UP6A-DF7G-HJ9K-MN3C"})],
    ),
    sign_out=extend_schema(
        summary="Sign out this device (revoke its token)",
        request=None,
        responses={204: None, **UNAUTHORIZED},
    ),
    sign_out_everywhere=extend_schema(
        summary="Sign out every device (revoke all tokens)",
        request=None,
        responses={204: None, **UNAUTHORIZED},
    ),
)

QUESTIONNAIRE = {
    "title": "Exemple de questionnaire",
    "instructions": "Répondez à toutes les questions.",
    "pass_mark": 50,
    "time_limit_minutes": 15,
    "total_points": 2,
    "questions": [
        {
            "type": "true_false",
            "id": TRUE_FALSE_ID,
            "value": {"prompt": "Exemple : une semaine compte huit jours.", "points": 1},
            "locale": "fr",
        },
        {
            # Not translated yet: the source's text, marked as such.
            "type": "fill_in_blank",
            "id": BLANK_ID,
            "value": {
                "prompt": "Example: complete the sentence.",
                "points": 1,
                "text": "A year has twelve ___.",
                "blanks": 1,
            },
            "locale": "en",
        },
    ],
    "field_locales": {},
}

module_attempt_schema = extend_schema_view(
    create=extend_schema(
        summary="Start the module's evaluation",
        description="Any locale's page id of the module. The questions come without their "
        "answers, in ?locale= (else the given page's language, else the learner's); each "
        "question is marked with the locale its text is in (the source's where it is not "
        "translated yet), the title and instructions by `field_locales`.",
        parameters=[
            OpenApiParameter(
                "module_id", ID_SCHEMA, OpenApiParameter.PATH, description="The module's id."
            ),
            *locale_parameters()[:1],
        ],
        request=None,
        responses={
            201: AttemptSerializer,
            **BAD,
            **UNAUTHORIZED,
            (404, PROBLEM_CONTENT_TYPE): problem("No such module, or it has no evaluation."),
            **TOO_MANY,
        },
        examples=[
            _example(
                "Attempt",
                {
                    "id": "0b6f2d1e-8c43-4f7a-a1d5-2e9b7c4d3f10",
                    "module": 61,
                    "locale": "fr",
                    "fallback": False,
                    "started_at": "2026-12-03T09:14:00Z",
                    "deadline": "2026-12-03T09:29:00Z",
                    "questionnaire": QUESTIONNAIRE,
                },
                status_codes=["201"],
            )
        ],
    )
)

attempt_schema = extend_schema_view(
    submit=extend_schema(
        summary="Submit the answers: score, pass or fail, corrections after a pass",
        description="Graded on the server. A late submission (after the deadline and a short "
        "grace) is kept but does not count (409 time-is-up); a second submission of the same "
        "attempt is refused (409 already-submitted).",
        parameters=[
            OpenApiParameter(
                "id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The attempt's id."
            )
        ],
        request=SubmissionSerializer,
        responses={
            200: ResultSerializer,
            (400, PROBLEM_CONTENT_TYPE): problem("An answer cannot be read (named in errors)."),
            **UNAUTHORIZED,
            (404, PROBLEM_CONTENT_TYPE): problem("The learner has no attempt with this id."),
            (409, PROBLEM_CONTENT_TYPE): problem("Already submitted, or time is up."),
            **TOO_MANY,
        },
        examples=[
            _example(
                "Answers",
                {"answers": {TRUE_FALSE_ID: True, BLANK_ID: ["mois"]}},
                request_only=True,
            ),
            _example(
                "Failed: the score alone",
                {
                    "attempt": "0b6f2d1e-8c43-4f7a-a1d5-2e9b7c4d3f10",
                    "score": 0,
                    "total_points": 2,
                    "percent": 0.0,
                    "pass_mark": 50,
                    "passed": False,
                    "module_completed": False,
                    "questions": [],
                    "mistakes": [],
                },
                response_only=True,
                status_codes=["200"],
            ),
            _example(
                "Passed: outcomes and corrections",
                {
                    "attempt": "0b6f2d1e-8c43-4f7a-a1d5-2e9b7c4d3f10",
                    "score": 1,
                    "total_points": 2,
                    "percent": 50.0,
                    "pass_mark": 50,
                    "passed": True,
                    "module_completed": True,
                    "questions": [
                        {
                            "id": TRUE_FALSE_ID,
                            "type": "true_false",
                            "points": 1,
                            "earned": 0,
                            "right": False,
                        },
                        {
                            "id": BLANK_ID,
                            "type": "fill_in_blank",
                            "points": 1,
                            "earned": 1,
                            "right": True,
                        },
                    ],
                    "mistakes": [
                        {
                            "id": TRUE_FALSE_ID,
                            "type": "true_false",
                            "locale": "fr",
                            "prompt": "Exemple : une semaine compte huit jours.",
                            "correct_answer": {"text": "Faux", "value": False},
                            "explanation": "Une semaine compte sept jours.",
                        }
                    ],
                },
                response_only=True,
                status_codes=["200"],
            ),
        ],
    )
)

# The PATCH and DELETE of /learners/me/ are separate methods: each carries its own description.
update_me = extend_schema(
    summary="Change the display name, locale or email",
    request=LearnerInputSerializer(partial=True),
    responses={200: LearnerSerializer, **BAD, **UNAUTHORIZED},
    examples=[
        _example("Change the language", {"locale": "ar"}, request_only=True),
        _example("Changed", {**LEARNER, "locale": "ar"}, response_only=True),
    ],
)
erase_me = extend_schema(
    summary="Erase the account and everything kept about the learner",
    responses={204: None, **UNAUTHORIZED},
)

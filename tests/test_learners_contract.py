"""The learners' endpoints in the OpenAPI document: signed with the learner token, and each
exchange with an example that validates against its own schema."""

import jsonschema
import pytest
import yaml

from cms.site.contract import CONTRACT_DIR

OPERATIONS = {
    "POST /api/v1/learners/",
    "POST /api/v1/learners/sign-in/",
    "GET /api/v1/learners/me/",
    "PATCH /api/v1/learners/me/",
    "DELETE /api/v1/learners/me/",
    "GET /api/v1/learners/me/data/",
    "GET /api/v1/learners/me/progress/",
    "POST /api/v1/learners/me/recovery-code/",
    "POST /api/v1/learners/me/sign-out/",
    "POST /api/v1/learners/me/sign-out-everywhere/",
    "POST /api/v1/modules/{module_id}/attempts/",
    "POST /api/v1/attempts/{id}/submit/",
}


def learner_operations():
    document = yaml.safe_load((CONTRACT_DIR / "openapi.yaml").read_text())
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if f"{method.upper()} {path}" in OPERATIONS:
                yield document, f"{method.upper()} {path}", operation


def test_the_learner_endpoints_are_documented():
    assert {label for _document, label, _operation in learner_operations()} == OPERATIONS


@pytest.mark.parametrize(
    ("label", "operation", "document"),
    [(label, operation, document) for document, label, operation in learner_operations()],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_each_learner_operation_is_signed_and_exemplified(label, operation, document):
    open_to_all = label in {"POST /api/v1/learners/", "POST /api/v1/learners/sign-in/"}
    assert ("security" not in operation) == open_to_all, label
    assert "429" in operation["responses"] or not open_to_all, label
    for status, response in operation["responses"].items():
        for media in response.get("content", {}).values():
            examples = media.get("examples", {})
            if status.startswith("2"):
                assert examples, f"{label} {status} has no example"
            validator = jsonschema.Draft202012Validator(
                {**media["schema"], "components": document["components"]}
            )
            for name, example in examples.items():
                errors = [e.message for e in validator.iter_errors(example["value"])]
                assert not errors, (label, status, name, errors[:3])

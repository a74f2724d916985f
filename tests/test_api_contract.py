"""frontend_contract/ agrees with the code: the OpenAPI document and the block schemas are what
the code generates, and every example response validates against them."""

import functools
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml

from cms.site.contract import CONTRACT_DIR, block_schemas, examples, openapi_yaml, streams

REGENERATE = "run `manage.py export_api_contract` and commit frontend_contract/"
LEARNER_PATHS = re.compile(r"^/api/v1/(learners/|attempts/|modules/\{\}/attempts/)")


# The checked-in files are read once per run, not once per example (the OpenAPI document is
# 200 kB of YAML); nothing below changes what they hold.
@functools.cache
def openapi():
    return yaml.safe_load((CONTRACT_DIR / "openapi.yaml").read_text())


def test_openapi_yaml_is_what_the_code_generates():
    assert (CONTRACT_DIR / "openapi.yaml").read_text() == openapi_yaml(), REGENERATE


def test_every_block_type_has_its_checked_in_json_schema():
    generated = block_schemas()
    assert len(generated) == sum(len(stream.child_blocks) for stream in streams().values())
    for relative, schema in generated.items():
        path = CONTRACT_DIR / relative
        assert path.exists(), f"{relative} is missing: {REGENERATE}"
        assert json.loads(path.read_text()) == schema, f"{relative} drifted: {REGENERATE}"
        jsonschema.Draft202012Validator.check_schema(schema)


def response_validator(document, request, status, content_type):
    path = urlsplit(request.split(" ", 1)[1]).path
    for template, operations in document["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path):
            response = operations["get"]["responses"][str(status)]
            schema = response["content"][content_type]["schema"]
            return jsonschema.Draft202012Validator(
                {**schema, "components": document["components"]},
                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
            )
    raise AssertionError(f"{path} is not in the OpenAPI document")


@functools.cache
def block_validators():
    return {
        (path.parent.name, json.loads(path.read_text())["properties"]["type"]["const"]): (
            jsonschema.Draft202012Validator(json.loads(path.read_text()))
        )
        for path in (CONTRACT_DIR / "blocks").glob("*/*.schema.json")
    }


def check_example(document, validators, name, example):
    validator = response_validator(
        document, example["request"], example["status"], example["content_type"]
    )
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(example["body"])
    ]
    assert not errors, (name, errors[:5])
    body = example["body"]
    for field, folder in (("body", "module-body"), ("chapters", "learning-guide-chapters")):
        for block in body.get(field, []) if isinstance(body, dict) else []:
            validators[(folder, block["type"])].validate(block)
    for block in body.get("items", []) if isinstance(body, dict) else []:
        validators[("infographic-items", block["type"])].validate(block)


CHECKED_IN = sorted((CONTRACT_DIR / "examples").glob("*.json"))


def test_there_is_an_example_for_every_endpoint():
    documented = {re.sub(r"\{[^}]+\}", "{}", path) for path in openapi()["paths"]}
    exemplified = set()
    for path in CHECKED_IN:
        request = json.loads(path.read_text())["request"]
        exemplified.add(re.sub(r"/\d+/", "/{}/", urlsplit(request.split(" ", 1)[1]).path))
    without_example = documented - exemplified - {"/api/v1/preview/"}
    without_example = {path for path in without_example if not path.startswith("/api/v1/trans")}
    without_example = {p for p in without_example if "print-jobs" not in p}
    # Learners' endpoints need a token and change state: their examples live in the OpenAPI
    # document itself (checked by tests/test_learners_contract.py).
    without_example = {p for p in without_example if not LEARNER_PATHS.match(p)}
    assert not without_example


@pytest.mark.parametrize("path", CHECKED_IN, ids=[p.stem for p in CHECKED_IN])
def test_each_checked_in_example_validates(path: Path):
    check_example(openapi(), block_validators(), path.stem, json.loads(path.read_text()))


@pytest.mark.django_db
@pytest.mark.catalogue
def test_the_responses_of_today_validate_too():
    document, validators = openapi(), block_validators()
    for name, example in examples().items():
        check_example(document, validators, name, example)


@pytest.mark.django_db
def test_the_schema_and_its_docs_are_served_without_any_cdn(client):
    served = yaml.safe_load(client.get("/api/v1/schema/").content)
    assert set(served["paths"]) == set(openapi()["paths"])
    for page in ("/api/v1/docs/", "/api/v1/redoc/"):
        response = client.get(page)
        assert response.status_code == 200
        html = response.content.decode()
        assert "/static/drf_spectacular_sidecar/" in html
        assert "cdn." not in html and "unpkg" not in html

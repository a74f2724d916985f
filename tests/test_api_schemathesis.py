"""The live API, with the demo catalogue, against its own OpenAPI document (schemathesis):
no server errors and no response that breaks the schema, for generated valid and invalid
requests to every operation. Bounded: a few examples per operation, derandomised."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from tests import live_server

live_api_server = live_server.live_api_server
# The server needs the test database, which is only set up for tests that ask for it.
pytestmark = pytest.mark.django_db

CONTENT_API = r"^/api/v1/(?!translation-status|print-jobs)"
EXAMPLES_PER_OPERATION = 12


def check_operation(operation, mode):
    @given(operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case):
        case.call_and_validate()

    run()


def test_the_api_keeps_its_contract(live_api_server):
    schema = schemathesis.openapi.from_url(f"{live_api_server.url}/api/v1/schema/")
    operations = [
        result.ok() for result in schema.include(path_regex=CONTENT_API).get_all_operations()
    ]
    assert len(operations) >= 20
    failures = {}
    for operation in operations:
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            try:
                check_operation(operation, mode)
            except Unsatisfiable:
                assert mode == schemathesis.GenerationMode.NEGATIVE  # no parameter to get wrong
            except Exception as failure:
                failures[f"{operation.label} ({mode.value})"] = str(failure)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())

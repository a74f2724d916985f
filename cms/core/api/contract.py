"""The front-end contract in ``frontend_contract/``, written from the code so the two agree.

- ``openapi.yaml``: the OpenAPI 3.1 document drf-spectacular generates from the views;
- ``blocks/<stream>/<type>.schema.json``: one JSON Schema per StreamField block type, from the
  same definitions that serialise the blocks (``cms.core.api.blocks``);
- ``examples/<name>.json``: real responses of each endpoint for the loaded catalogue.

``manage.py export_api_contract`` writes them; the tests fail when the checked-in files drift.
"""

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from wagtail import blocks

from .streams import SHARED_DEFINITIONS, stream_item_schema

CONTRACT_DIR = Path(settings.BASE_DIR) / "frontend_contract"
SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
EXAMPLE_HOST = "127.0.0.1:8000"
"""The demo server (bin/demo): the address examples show."""


def openapi_document() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def openapi_yaml() -> str:
    return OpenApiYamlRenderer().render(openapi_document(), renderer_context={}).decode()


def streams() -> dict[str, blocks.StreamBlock]:
    """The StreamFields the API serves, by the folder their block schemas go in."""
    from cms.guide.models import InfographicPage, LearningGuidePage
    from cms.modules.blocks import ModuleBodyBlock

    return {
        "module-body": ModuleBodyBlock(),
        "learning-guide-chapters": LearningGuidePage.chapters.field.stream_block,
        "infographic-items": InfographicPage.items.field.stream_block,
    }


def _local_ref(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}"}


def block_schemas() -> dict[str, dict]:
    """``{relative path: JSON Schema}`` for every block type of every served StreamField."""
    schemas = {}
    for folder, stream in streams().items():
        for name, block in stream.child_blocks.items():
            path = f"blocks/{folder}/{name}.schema.json"
            schema = stream_item_schema(name, block, _local_ref, with_locale=True)
            schemas[path] = {
                "$schema": SCHEMA_DRAFT,
                "$id": f"https://migrantech.org/api/v1/{path}",
                **schema,
                "$defs": SHARED_DEFINITIONS,
            }
    return schemas


def block_schema_text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


EXAMPLES: dict[str, str] = {
    "locales": "/api/v1/locales/",
    "sections-list": "/api/v1/sections/",
    "section-detail": "/api/v1/sections/{section}/",
    "catalogue": "/api/v1/catalogue/",
    "catalogue-ar": "/api/v1/catalogue/?locale=ar",
    "modules-list": "/api/v1/modules/?page_size=3",
    "modules-filtered": "/api/v1/modules/?partner=amsed&level=A2&page_size=2",
    "module-detail": "/api/v1/modules/{showcase}/",
    "module-detail-fa": "/api/v1/modules/{showcase}/?locale=fa",
    "categories-list": "/api/v1/categories/?page_size=1",
    "category-detail": "/api/v1/categories/{category}/",
    "pathways-list": "/api/v1/pathways/",
    "pathway-detail": "/api/v1/pathways/{pathway}/",
    "good-practices-list": "/api/v1/library/good-practices/?objective=employment&page_size=2",
    "good-practice-detail": "/api/v1/library/good-practices/{good_practice}/",
    "certification-tools-list": "/api/v1/library/certification-tools/?page_size=2",
    "certification-tool-detail": "/api/v1/library/certification-tools/{certification_tool}/",
    "infographics-list": "/api/v1/infographics/",
    "infographic-detail": "/api/v1/infographics/{infographic}/",
    "learning-guide": "/api/v1/learning-guide/",
    "project": "/api/v1/project/",
    "partners": "/api/v1/partners/",
    "partner-detail": "/api/v1/partners/{partner}/",
    "competences": "/api/v1/competences/?locale=fr",
    "competence-detail": "/api/v1/competences/{competence}/?locale=ar",
    "search": "/api/v1/search/?q=job&page_size=5",
    "problem-unknown-locale": "/api/v1/modules/?locale=xx",
    "problem-bad-filter": "/api/v1/library/good-practices/?type=film",
    "problem-page-out-of-range": "/api/v1/modules/?page=99",
    "certificate-keys": "/api/v1/certificates/keys/",
    "certificate-issuer": "/api/v1/certificates/issuer/",
    # Certificates belong to learners, so the demo has none: an unknown id answers a problem.
    "problem-unknown-certificate": "/api/v1/certificates/0000000000000000000000/verification/",
}


def _example_ids() -> dict[str, int]:
    from cms.guide.models import InfographicPage
    from cms.library.models import CertificationToolPage, GoodPracticePage
    from cms.modules.models import CategoryPage, CurriculumPage, ModulePage, PathwayPage
    from cms.project.models import Competence, Partner

    def first(model: Any, **filters: Any) -> int:
        found = model.objects.live().filter(locale__language_code="en", **filters)
        return found.order_by("path").values_list("pk", flat=True)[0]

    return {
        "showcase": first(ModulePage, slug="teamwork-1"),
        "category": first(CategoryPage),
        "pathway": first(PathwayPage),
        "good_practice": first(GoodPracticePage),
        "certification_tool": first(CertificationToolPage),
        "infographic": first(InfographicPage),
        "section": first(CurriculumPage),
        "partner": Partner.objects.filter(locale__language_code="en").order_by("pk")[0].pk,
        "competence": Competence.objects.filter(locale__language_code="en").order_by("pk")[0].pk,
    }


def examples() -> dict[str, dict]:
    """Each example request with the response it gets now, from the loaded catalogue."""
    client = Client(HTTP_HOST=EXAMPLE_HOST)
    ids = _example_ids()
    results = {}
    for name, template in EXAMPLES.items():
        path = template.format(**ids)
        response = client.get(path)
        results[name] = {
            "request": f"GET {path}",
            "status": response.status_code,
            "content_type": response["Content-Type"],
            "body": response.json(),
        }
    return results


def write_contract(directory: Path = CONTRACT_DIR, *, with_examples: bool = True) -> list[Path]:
    written = [directory / "openapi.yaml"]
    written[0].write_text(openapi_yaml())
    for relative, schema in block_schemas().items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block_schema_text(schema))
        written.append(path)
    if with_examples:
        (directory / "examples").mkdir(exist_ok=True)
        for name, example in examples().items():
            path = directory / "examples" / f"{name}.json"
            path.write_text(json.dumps(example, indent=2, ensure_ascii=False) + "\n")
            written.append(path)
    return written

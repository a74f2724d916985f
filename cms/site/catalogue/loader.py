"""Load the whole catalogue in one transaction: everything or nothing."""

from collections.abc import Callable
from pathlib import Path

import jsonschema
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.site.groups import ensure_groups

from . import schemas
from .context import LoadContext, ProgressFactory, ensure_home
from .kinds.curriculum import load_curriculum, load_modules, load_pathways
from .kinds.guide import load_infographics, load_learning_guide
from .kinds.library import load_certification_tools, load_good_practices
from .kinds.project import load_competences, load_partners, load_project
from .kinds.translations import load_translations
from .records import LoadReport, Upserter
from .source import CatalogueError, DataFile, read_data_file

DEFAULT_DATA_DIR = Path(settings.BASE_DIR) / "catalogue"

Step = Callable[[DataFile, LoadContext], object]

FILES: list[tuple[str, dict, list[Step]]] = [
    ("partners.yaml", schemas.PARTNERS, [load_partners]),
    ("competences.yaml", schemas.COMPETENCES, [load_competences]),
    ("project.yaml", schemas.PROJECT, [load_project]),
    ("curriculum.yaml", schemas.CURRICULUM, [load_curriculum]),
    ("modules.yaml", schemas.MODULES, [load_modules]),
    ("good_practices.yaml", schemas.GOOD_PRACTICES, [load_good_practices]),
    ("certification_tools.yaml", schemas.CERTIFICATION_TOOLS, [load_certification_tools]),
    ("infographics.yaml", schemas.INFOGRAPHICS, [load_infographics]),
    ("learning_guide.yaml", schemas.LEARNING_GUIDE, [load_learning_guide]),
]
"""Each data file, its schema, and what loads it, in dependency order."""

DEFERRED_STEPS: dict[str, list[Step]] = {"curriculum.yaml": [load_pathways]}
"""Steps that need files read later (pathways list modules), run after all the others."""


def read_and_check(data_dir: Path) -> dict[str, DataFile]:
    """Parse and schema-check every file before anything is written; report all problems."""
    files, problems = {}, []
    for name, schema, _steps in FILES:
        try:
            data_file = read_data_file(data_dir / name, f"{data_dir.name}/{name}")
        except CatalogueError as error:
            problems.extend(error.problems)
            continue
        validator = jsonschema.Draft202012Validator(schema)
        errors = sorted(validator.iter_errors(data_file.data), key=lambda e: list(e.absolute_path))
        problems.extend(data_file.problem(list(e.absolute_path), e.message) for e in errors)
        files[name] = data_file
    problems.extend(_duplicate_slugs(files))
    if problems:
        raise CatalogueError(problems)
    return files


def _duplicate_slugs(files: dict[str, DataFile]) -> list:
    problems = []
    for data_file in files.values():
        for key, entries in data_file.data.items():
            if not isinstance(entries, list):
                continue
            seen: set[str] = set()
            for index, entry in enumerate(entries):
                slug = entry.get("slug")
                if slug in seen:
                    problems.append(data_file.problem([key, index, "slug"], "slug used twice"))
                seen.add(slug)
    return problems


def load_catalogue(
    data_dir: Path = DEFAULT_DATA_DIR,
    *,
    force: bool = False,
    progress: ProgressFactory = lambda items, _label, _total: items,
) -> LoadReport:
    files = read_and_check(data_dir)
    report = LoadReport()
    with transaction.atomic(), disable_reference_index_auto_update():
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        ctx = LoadContext(
            data_dir=data_dir,
            upserter=Upserter(force=force, report=report),
            progress=progress,
            locale=locale,
            home=ensure_home(locale),
        )
        for name, _schema, steps in FILES:
            for step in steps:
                step(files[name], ctx)
        for name, steps in DEFERRED_STEPS.items():
            for step in steps:
                step(files[name], ctx)
        ensure_groups()
        load_translations(ctx)
        _update_reference_index(report.written)
    return report


def _update_reference_index(objects: list) -> None:
    """Once per object at the end, rather than on each of the saves a publish makes."""
    for obj in objects:
        ReferenceIndex.create_or_update_for_object(obj)

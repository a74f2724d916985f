"""The catalogue loader: the whole curriculum from the seed documents, loaded safely."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from cms.guide.models import InfographicPage, LearningGuidePage
from cms.library.models import CertificationToolPage, GoodPracticePage
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from cms.project.models import Partner, ProjectPage
from cms.site.catalogue.loader import DEFAULT_DATA_DIR, load_catalogue
from cms.site.catalogue.source import CatalogueError
from tests.api_helpers import fresh_json

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

SEED_FACTS = Path(__file__).resolve().parent / "data" / "seed_facts.yaml"


def data(name: str) -> dict:
    return yaml.safe_load((DEFAULT_DATA_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the data files that a test may break."""
    return Path(shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "catalogue"))


def edit_yaml(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_whole_catalogue_is_live_in_english():
    live_en = {"live": True, "locale__language_code": "en"}
    assert CategoryPage.objects.filter(**live_en).count() == 5
    assert PathwayPage.objects.filter(**live_en).count() == 2
    assert ModulePage.objects.filter(**live_en).count() == 40
    assert GoodPracticePage.objects.filter(**live_en).count() == 40
    assert CertificationToolPage.objects.filter(**live_en).count() == 11
    assert InfographicPage.objects.filter(**live_en).count() == 2
    assert LearningGuidePage.objects.filter(**live_en).count() == 1
    assert ProjectPage.objects.filter(**live_en).count() == 1
    assert Partner.objects.filter(locale__language_code="en").count() == 4


def test_the_40_modules_are_the_39_certificate_titles_and_access_to_rights():
    titles = [m.title for m in ModulePage.objects.filter(locale__language_code="en")]
    assert len(titles) == len(set(titles)) == 40
    assert titles.count("The computer and its features") == 1
    assert "Access to rights" in titles
    assert {"Teamwork 1", "Market-Knowledge", "Teleworking/working from home"} <= set(titles)


def test_the_digital_skills_category_is_the_certificate_one():
    category = CategoryPage.objects.get(slug="digital-skills", locale__language_code="en")
    modules = {m.title: m.partner.short_name for m in ModulePage.objects.child_of(category)}
    assert modules == {
        "The computer and its features": "AMSED",
        "Looking for a job on the Internet": "AMSED",
        "Use of the cell phone": "AMSED",
        "How to create and keep a schedule": "Factor Social",
        "Teleworking/working from home": "AMSED",
        "E-reputation": "AMSED",
    }


def test_partners_carry_their_certificate_signatories():
    signatories = {
        p.country: p.signatory_name for p in Partner.objects.filter(locale__language_code="en")
    }
    assert signatories == {
        "FR": "Djilali KABECHE",
        "BE": "Etienne DEVOS",
        "PT": "Nuno MARQUES",
        "TR": "Figen SEYHAN",
    }


@pytest.mark.parametrize(
    "entry", data("good_practices.yaml")["good_practices"], ids=lambda e: e["slug"]
)
def test_every_good_practice_carries_all_its_sections(entry):
    page = GoodPracticePage.objects.get(slug=entry["slug"], locale__language_code="en")
    assert page.title == entry["name"]
    for section in (
        "objectives_and_target_group",
        "content_and_modalities",
        "propositions",
        "expert_comments",
    ):
        assert entry[section].strip(), f"{section} is empty in the data file"
        assert getattr(page, section) == entry[section].strip()
    assert [s.value for s in page.strengths] == entry["strengths"]
    assert [w.value for w in page.weaknesses] == entry["weaknesses"]
    assert entry["strengths"] or entry["weaknesses"] or entry["strengths_and_weaknesses_notes"]


def test_good_practices_follow_the_manual():
    """Each practice's expert comments open with the manual's own words (quoted in
    tests/data/seed_facts.yaml, which names the manual)."""
    facts = yaml.safe_load(SEED_FACTS.read_text(encoding="utf-8"))
    openings = facts["good_practice_expert_comments_open_with"]
    entries = data("good_practices.yaml")["good_practices"]
    assert {entry["slug"] for entry in entries} == set(openings)
    for entry in entries:
        words = " ".join(re.sub(r"<[^>]+>", " ", entry["expert_comments"]).split())
        assert words.lower().startswith(openings[entry["slug"]].lower()), entry["slug"]


def test_loading_again_changes_nothing():
    revisions_before = Revision.objects.count()
    pages_before = Page.objects.count()
    report = load_catalogue()
    assert Revision.objects.count() == revisions_before
    assert Page.objects.count() == pages_before
    assert not {"created", "updated"} & {outcome for (_kind, outcome) in report.counts}


def test_an_editors_change_is_kept_unless_forced():
    module = ModulePage.objects.get(slug="teamwork-1", locale__language_code="en")
    module.title = "Teamwork 1: working together"
    module.save_revision().publish()

    report = load_catalogue()
    assert report.kept == ["module:teamwork-1"]
    module.refresh_from_db()
    assert module.title == "Teamwork 1: working together"

    load_catalogue(force=True)
    module.refresh_from_db()
    assert module.title == "Teamwork 1"


def test_a_bad_field_is_reported_with_file_line_entry_and_field(data_dir):
    edit_yaml(data_dir / "modules.yaml", "language_level: A2", "language_level: Z9")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data_dir)
    problem = caught.value.problems[0]
    assert problem.file == "catalogue/modules.yaml"
    lines = (data_dir / "modules.yaml").read_text().splitlines()
    assert "Z9" in lines[problem.line - 1]
    assert problem.entry == "the-computer-and-its-features"
    assert problem.field == "language_level"
    assert "'Z9' is not one of" in problem.message


def test_invalid_yaml_names_the_line(data_dir):
    edit_yaml(data_dir / "partners.yaml", "  - slug: amsed", "  - slug: [amsed")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data_dir)
    assert caught.value.problems[0].file == "catalogue/partners.yaml"
    assert "not valid YAML" in caught.value.problems[0].message
    assert caught.value.problems[0].line is not None


def test_a_broken_block_is_reported_inside_the_module_body(data_dir):
    edit_yaml(
        data_dir / "modules.yaml",
        "                  - text: Working alone all day\n                    correct: false",
        "                  - text: Working alone all day\n                    correct: true",
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data_dir)
    problem = caught.value.problems[0]
    assert problem.entry == "teamwork-1"
    assert problem.field.startswith("body[") and problem.field.endswith(".options")
    assert problem.message == "Tick exactly one right option."


def test_a_failed_load_leaves_nothing_half_written(data_dir):
    edit_yaml(data_dir / "partners.yaml", "Familles du Monde asbl (FAMIDO) is", "FAMIDO is")
    edit_yaml(data_dir / "infographics.yaml", "icon: team", "icon: no-such-icon")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data_dir, force=True)
    assert caught.value.problems[0].file == "catalogue/infographics.yaml"
    partner = Partner.objects.get(slug="familles-du-monde", locale__language_code="en")
    assert "Familles du Monde asbl (FAMIDO) is" in partner.description


def test_the_command_explains_that_nothing_changed(data_dir):
    edit_yaml(data_dir / "modules.yaml", "category: digital-skills", "category: cooking")
    with pytest.raises(CommandError) as caught:
        call_command("load_catalogue", data_dir=data_dir, no_progress=True)
    message = str(caught.value)
    assert "nothing was changed" in message
    assert "catalogue/modules.yaml:" in message
    assert "unknown category “cooking”" in message


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/e-modules/",
        "/e-modules/soft-skills/",
        "/e-modules/first-steps-to-work/",
        "/e-library/",
        "/e-library/certification-tools/",
        "/e-library/certification-tools/ecvet/",
        "/learning-guide/",
        "/cross-cutting-skills/",
        "/project/",
    ],
)
def test_every_page_type_of_the_catalogue_renders_at_its_address(client, path):
    response = client.get(path)
    assert response.status_code == 200, path


def test_the_api_counts_match_the_catalogue(client):
    assert fresh_json(client, "modules/?page_size=100")["count"] == 40
    assert fresh_json(client, "library/good-practices/?page_size=100")["count"] == 40
    assert fresh_json(client, "library/certification-tools/")["count"] == 11
    assert fresh_json(client, "infographics/")["count"] == 2
    assert len(fresh_json(client, "partners/")) == 4

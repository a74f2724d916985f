"""Each kind of printed document, checked by what a reader finds in the PDF."""

import pytest
from django.db import transaction

from cms.guide.models import InfographicPage
from cms.library.models import GoodPracticePage
from cms.modules.models import CategoryPage, PathwayPage

from .factories import (
    CategoryPageFactory,
    GoodPracticePageFactory,
    InfographicPageFactory,
    LearningGuidePageFactory,
    ModulePageFactory,
    PathwayPageFactory,
    TrainerFactory,
    every_block,
)
from .print_helpers import (
    FOOTER,
    alternate_texts,
    assert_in_order,
    flat,
    fonts,
    layout_lines,
    module,
    outline,
    render,
    text,
)

pytestmark = pytest.mark.django_db

FILL_IN = {
    "type": "fill_in_blank",
    "value": {
        "prompt": "Complete the sentence.",
        "explanation": "A colleague is someone you work with.",
        "points": 1,
        "text": "A ___ is a person you work with.",
        "answers": ["colleague|co-worker"],
    },
}
ORDERING = {
    "type": "ordering",
    "value": {
        "prompt": "Put the steps of a good team morning in order.",
        "explanation": "First meet, then share the goal.",
        "points": 1,
        "items": ["The team meets for five minutes.", "Everyone hears the common goal."],
    },
}


def build_documents() -> None:
    """Soft skills: Teamwork 1 (every block type, a fill-in-the-blank and an ordering question
    in its evaluation, linked to a good practice), then Teamwork 2, Trauma and E-reputation; a
    pathway; a good practice; the learning guide; an infographic."""
    trainer = TrainerFactory()
    soft_skills = CategoryPageFactory(slug="soft-skills", title="Soft skills")
    body = every_block()
    kind, evaluation = body[-1]
    body[-1] = (kind, {**evaluation, "questions": [*evaluation["questions"], FILL_IN, ORDERING]})
    # On the host of Teamwork 1's "To go further" link, so the module links to it.
    GoodPracticePageFactory(title="123 Tests", website="https://example.org/")
    teamwork = ModulePageFactory(
        parent=soft_skills,
        slug="teamwork-1",
        title="Teamwork 1",
        body=body,
        partner=trainer.partner,
        trainers=[trainer],
        objectives=[("item", "To understand what teamwork is.")],
    )
    others = [
        ModulePageFactory(parent=soft_skills, slug=slug, title=title)
        for slug, title in [
            ("teamwork-2", "Teamwork 2"),
            ("trauma", "Trauma"),
            ("e-reputation", "E-reputation"),
        ]
    ]
    PathwayPageFactory(
        parent=soft_skills.get_parent(), slug="first-steps-to-work", modules=[others[2], teamwork]
    )
    LearningGuidePageFactory(
        chapters=[
            ("chapter", {"title": "What is MigranTech?", "sections": [every_block()[0][1]]}),
            ("chapter", {"title": "How to use the platform", "sections": [every_block()[0][1]]}),
        ]
    )
    InfographicPageFactory(title="Skills employers look for")


@pytest.fixture(scope="module", autouse=True)
def documents(django_db_setup, django_db_blocker):
    """Built once for the file's tests, which print them, and rolled back after the last one."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_documents()
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("print")


@pytest.fixture(scope="module")
def handout(django_db_setup, django_db_blocker, folder):
    with django_db_blocker.unblock():
        return render(folder, "module", [module("teamwork-1").pk])


@pytest.fixture(scope="module")
def handout_with_key(django_db_setup, django_db_blocker, folder):
    with django_db_blocker.unblock():
        return render(folder, "module", [module("teamwork-1").pk], answer_key=True)


@pytest.fixture(scope="module")
def category_pack(django_db_setup, django_db_blocker, folder):
    with django_db_blocker.unblock():
        soft_skills = CategoryPage.objects.get(slug="soft-skills", locale__language_code="en")
        return render(folder, "category", [soft_skills.pk]), soft_skills


def questions_of(slug):
    """(block type, question value) of every question in a module's questionnaires."""
    return [
        (question.block_type, question.value)
        for block in module(slug).body
        if block.block_type in {"evaluation", "self_evaluation"}
        for question in block.value["questions"]
    ]


def test_the_handout_has_the_module_content_in_reading_order(handout):
    body = text(handout)
    assert_in_order(
        body,
        [
            "Soft skills",
            "Teamwork 1",
            "Written by",
            "Learning objectives",
            "To understand what teamwork is.",
            "What you will learn",
            "Words to know",
            "Word What it means Example",
            "Video: a kitchen team",
            "What is said in the video",
            "Amina plans the work.",
            "Podcast: asking for help",
            "Habits of a good team member",
            "Your first week",
            "Working alone all day",
            "A weekly plan",
            "To go further",
            "example.org/teamwork",
            "Check yourself",
            "Evaluation",
            "To pass: 60 % of the points.",
        ],
    )


def test_videos_and_links_are_printed_as_qr_codes_with_an_address_to_type(handout):
    alternates = alternate_texts(handout)
    assert "QR code: https://example.org/teamwork" in alternates
    # The video file (kitchen.webm; storage may add a suffix to a name already taken).
    video_codes = [alt for alt in alternates if "/kitchen" in alt and alt.endswith(".webm")]
    assert len(video_codes) == 1
    assert "/l/" in text(handout).split("Video: a kitchen team")[1].split("What is said")[0]


def answer_zones(body, questions):
    """The text printed for each question: from its prompt to the next one."""
    starts = [body.find(question["prompt"]) for _kind, question in questions]
    assert -1 not in starts
    ends = [*starts[1:], len(body)]
    return [body[start:end] for start, end in zip(starts, ends, strict=True)]


def test_the_learner_handout_contains_no_answer(handout):
    body = flat(text(handout))
    assert "Answer key" not in body
    questions = questions_of("teamwork-1")
    for (kind, question), zone in zip(questions, answer_zones(body, questions), strict=True):
        assert question["explanation"] not in zone, question["prompt"]
        if kind == "fill_in_blank":
            assert not any(
                variant in zone for answer in question["answers"] for variant in answer.split("|")
            )
        if kind == "ordering":
            positions = [zone.find(item) for item in question["items"]]
            assert -1 not in positions
            assert positions != sorted(positions), "steps printed in the right order"
        if kind == "matching":
            rights = [zone.find(pair["right"]) for pair in question["pairs"]]
            assert -1 not in rights
            assert rights != sorted(rights), "pairs printed already matched"


def test_the_answer_key_is_a_separate_appendix_with_every_answer(handout, handout_with_key):
    body = flat(text(handout_with_key))
    key = body.split(" Answer key ", 1)[1]
    assert "co-worker" in key
    for _kind, question in questions_of("teamwork-1"):
        assert_in_order(key, [question["prompt"], question["explanation"]])
    assert "The team meets for five minutes. · Everyone hears the common goal." in key
    assert "The team meets. · Everyone says their task. · The work starts." in key
    # The key pairs each left item with the letter the learner's sheet prints beside its match.
    questions = questions_of("teamwork-1")
    zones = answer_zones(flat(text(handout)), questions)
    ((pairs, zone),) = [
        (q["pairs"], zone)
        for (kind, q), zone in zip(questions, zones, strict=True)
        if kind == "matching"
    ]
    letters = [zone[zone.index(f" {pair['right']}") - 1] for pair in pairs]
    assert len(set(letters)) == len(pairs) and letters != sorted(letters)
    expected = " · ".join(f"{number} – {letter}" for number, letter in enumerate(letters, 1))
    assert expected in key
    assert len(handout_with_key.pages) > len(handout.pages)
    level, title, page = outline(handout_with_key)[-2]
    assert (level, title) == (1, "Answer key")
    assert handout_with_key.pages[page].extract_text().startswith("Answer key\n")


def test_the_handout_bookmarks_follow_its_headings(handout):
    entries = outline(handout)
    assert entries[0][:2] == (1, "Teamwork 1")
    titles = [title for level, title, _page in entries if level == 2]
    assert_in_order(
        "\n".join(titles),
        ["Learning objectives", "Words to know", "Video: a kitchen team", "Evaluation"],
    )
    pages = [page for _level, _title, page in entries]
    assert pages == sorted(pages)


def test_the_pdf_is_tagged_titled_in_its_language_with_embedded_project_fonts(handout):
    root = handout.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert handout.metadata.title == "Teamwork 1"
    assert b'pdfuaid:part="1"' in handout.xmp_metadata.stream.get_data()
    used = fonts(handout)
    assert used and all(used.values()), used
    assert all(name.startswith(("Noto-Sans", "Noto-Naskh-Arabic")) for name in used), used


def test_a_category_pack_has_a_cover_contents_and_each_module_on_a_new_page(category_pack):
    reader, category = category_pack
    modules = [page.title for page in category.get_children().live().specific()]
    assert len(modules) > 3
    assert reader.pages[0].extract_text().splitlines()[:2] == [
        "MigranTech · Category",
        "Soft skills",
    ]
    level_one = [(title, page) for level, title, page in outline(reader) if level == 1]
    assert [title for title, _page in level_one] == ["Contents", *modules]
    contents = reader.pages[level_one[0][1]].extract_text()
    for title, page in level_one[1:]:
        assert reader.pages[page].extract_text().startswith(f"Soft skills\n{title}\n"), title
        assert f"{title} . ." in contents and contents.split(title, 1)[1].split("\n")[0].endswith(
            f" {page + 1}"
        ), f"contents gives the wrong page for {title}"
    assert len(reader.pages) >= len(modules) + 2


def test_pack_pages_carry_the_module_title_and_page_n_of_total(category_pack):
    reader, _category = category_pack
    total = len(reader.pages)
    openings = {page: title for level, title, page in outline(reader) if level == 1}
    current = None
    for index in range(1, total):
        lines = layout_lines(reader, index)
        assert FOOTER.match(lines[-1]).groups() == (str(index + 1), str(total))
        if index in openings:
            current = openings[index]
        elif current:
            assert lines[0] == current, f"page {index + 1}: header {lines[0]!r}"


def test_good_practices_linked_from_the_modules_can_be_attached(django_db_blocker, folder):
    with django_db_blocker.unblock():
        reader = render(folder, "module", [module("teamwork-1").pk], good_practices=True)
    body = text(reader)
    assert_in_order(
        body,
        ["In the e-library", "123 Tests", "Good practices from the e-library", "123 Tests"],
    )
    appendix = body.split("Good practices from the e-library", 1)[1]
    assert_in_order(appendix, ["123 Tests", "Strengths", "Weaknesses"])


def test_a_pathway_pack_follows_the_pathway_order(django_db_blocker, folder):
    with django_db_blocker.unblock():
        pathway = PathwayPage.objects.get(slug="first-steps-to-work", locale__language_code="en")
        order = [link.module.title for link in pathway.pathway_modules.order_by("sort_order")]
        reader = render(folder, "pathway", [pathway.pk])
    assert [title for level, title, _ in outline(reader) if level == 1][1:] == order


def test_a_selection_keeps_the_order_chosen(django_db_blocker, folder):
    with django_db_blocker.unblock():
        chosen = [module("trauma"), module("teamwork-2"), module("e-reputation")]
        reader = render(folder, "selection", [page.pk for page in chosen])
    titles = [title for level, title, _ in outline(reader) if level == 1]
    assert titles == ["Contents", *[page.title for page in chosen]]


def test_the_e_library_catalogue_has_a_sheet_per_good_practice(django_db_blocker, folder):
    with django_db_blocker.unblock():
        practices = list(
            GoodPracticePage.objects.live().filter(locale__language_code="en").order_by("path")
        )
        reader = render(folder, "library", [])
    level_one = [title for level, title, _ in outline(reader) if level == 1]
    assert level_one == ["Contents", *[practice.title for practice in practices]]
    # The sheet: from its heading to the running title at the foot of its page.
    first = text(reader).split(f"\n{practices[0].title}\n")[1]
    assert_in_order(
        first,
        [
            "Objectives and target group",
            "Content and how it works",
            "Strengths",
            "Weaknesses",
            "Ideas for our platform",
        ],
    )


def test_the_learning_guide_prints_every_chapter(django_db_blocker, folder):
    with django_db_blocker.unblock():
        from cms.guide.models import LearningGuidePage

        guide = LearningGuidePage.objects.get(locale__language_code="en")
        chapters = [chapter.value["title"] for chapter in guide.chapters]
        reader = render(folder, "guide", [])
    assert [title for level, title, _ in outline(reader) if level == 1] == ["Contents", *chapters]
    assert "What is MigranTech?" in text(reader)


def test_an_infographic_is_a_one_page_poster(django_db_blocker, folder):
    with django_db_blocker.unblock():
        infographic = InfographicPage.objects.filter(locale__language_code="en").first()
        items = [item.value["title"] for item in infographic.items]
        reader = render(folder, "poster", [infographic.pk])
    assert len(reader.pages) == 1
    assert_in_order(text(reader), [infographic.title, *items])


def test_recordings_in_other_languages_are_listed_under_the_podcast(tmp_path):
    page = module("teamwork-1")
    body = page.body
    audio = next(block for block in body if block.block_type == "audio")
    audio.value["other_languages"] = [{"language": "fr", "file": audio.value["audio_file"]}]
    page.body = body
    page.save_revision().publish()
    reader = render(tmp_path, "module", [page.pk])
    podcast = flat(text(reader)).split("Podcast: asking for help", 1)[1]
    assert podcast.index("Also recorded in: français") < podcast.index("What is said")

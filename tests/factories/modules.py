"""Pages of the modules app: curriculum, categories, modules (with body blocks), pathways."""

import factory
import wagtail_factories
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue

from cms.modules.models import CategoryPage, CurriculumPage, ModulePage, PathwayModule, PathwayPage

from .pages import home_page, locale
from .project import PartnerFactory


def section(heading: str = "Working together", body: str = "<p>Share the tasks.</p>") -> tuple:
    """A text section of a module's body, as ``body=[section(), …]`` takes it."""
    return ("section", {"heading": heading, "body": body})


def evaluation(questions: list[dict], pass_mark: int = 60, **fields: object) -> tuple:
    """A graded evaluation block; ``questions`` are stored question blocks
    (``{"type": "true_false", "value": {…}}``)."""
    value = {"title": "Evaluation", "instructions": "Answer every question.", **fields}
    value |= {"pass_mark": pass_mark, "questions": questions}
    return ("evaluation", value)


def _parse(value: object) -> None:
    """Parse every nested stream of a body, so that saving stores it as the admin does (lists of
    items with ids) rather than as the raw dicts it was given."""
    if isinstance(value, StreamValue):
        for child in value:
            _parse(child.value)
    elif isinstance(value, StructValue):
        for item in value.values():
            _parse(item)
    elif isinstance(value, ListValue):
        for item in value:
            _parse(item)


class CurriculumPageFactory(wagtail_factories.PageFactory):
    title = "Curriculum"
    slug = factory.Sequence(lambda n: f"curriculum-{n}")
    locale = factory.LazyFunction(locale)
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = CurriculumPage


class CategoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    description = "Modules about working with others."
    colour = "#1f4e79"
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(CurriculumPageFactory)

    class Meta:
        model = CategoryPage


class ModulePageFactory(wagtail_factories.PageFactory):
    """A published module; ``body`` takes (block type, value) pairs, e.g. ``[section()]``."""

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    summary = "What this module teaches, in two sentences."
    partner = factory.SubFactory(PartnerFactory)
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(CategoryPageFactory)
    body = factory.LazyFunction(lambda: [section()])

    class Meta:
        model = ModulePage
        skip_postgeneration_save = True

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        """A live revision like the catalogue's; ``published=False`` leaves a draft."""
        if not create:
            return
        _parse(page.body)
        if extracted is False:
            page.live = False
            page.save()
            page.save_revision()
        else:
            page.save_revision().publish()


class PathwayPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pathway {n}")
    slug = factory.Sequence(lambda n: f"pathway-{n}")
    description = "A path through modules."
    colour = "#5b2a86"
    locale = factory.LazyFunction(locale)
    parent = factory.SubFactory(CurriculumPageFactory)

    class Meta:
        model = PathwayPage
        skip_postgeneration_save = True

    @factory.post_generation
    def modules(page, create, extracted, **kwargs):
        """``modules=[…]``: the pathway's modules, in this order."""
        if create and extracted:
            for order, module in enumerate(extracted):
                PathwayModule.objects.create(pathway=page, module=module, sort_order=order)


SUBTITLES = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n"


def every_block() -> list[tuple]:
    """A module body holding one block of every type, with its pictures and files, for the tests
    that render, print or translate each kind of block. Its texts are the ones tests look for."""
    from .media import DocumentFactory, ImageFactory

    picture = ImageFactory(title="Team picture", file__width=1200, file__height=800)
    video = DocumentFactory(title="Kitchen video", file__filename="kitchen.webm", file__data=b"v")
    sound = DocumentFactory(title="Podcast", file__filename="podcast.ogg", file__data=b"a")
    english = DocumentFactory(file__filename="kitchen.en.vtt", file__data=SUBTITLES)
    french = DocumentFactory(file__filename="kitchen.fr.vtt", file__data=SUBTITLES)
    template = DocumentFactory(
        title="Weekly plan template", file__data=b"%PDF-1.4\n" + b"%" * 2000 + b"\n%%EOF\n"
    )
    single = {
        "type": "single_choice",
        "value": {
            "prompt": "Who plans the work?",
            "explanation": "The organiser plans.",
            "points": 1,
            "options": [
                {"text": "The organiser", "correct": True},
                {"text": "The checker", "correct": False},
                {"text": "Nobody", "correct": False},
            ],
        },
    }
    ordering = {
        "type": "ordering",
        "value": {
            "prompt": "Put the steps of the morning meeting in order.",
            "explanation": "Plan first, then share, then start.",
            "points": 1,
            "items": ["The team meets.", "Everyone says their task.", "The work starts."],
        },
    }
    matching = {
        "type": "matching",
        "value": {
            "prompt": "Match each role with what it does.",
            "explanation": "The organiser plans; the checker checks.",
            "points": 2,
            "pairs": [
                {"left": "Organiser", "right": "Plans who does what"},
                {"left": "Checker", "right": "Checks the details"},
            ],
        },
    }
    return [
        section("What you will learn", "<p>Teams share one <strong>common goal</strong>.</p>"),
        (
            "vocabulary",
            {
                "title": "Words to know",
                "terms": [
                    {
                        "term": "colleague",
                        "definition": "A person you work with.",
                        "example": "My colleague helps me.",
                    }
                ],
            },
        ),
        ("image", {"image": picture, "alt_text": "Three people at one table.", "caption": ""}),
        (
            "video",
            {
                "title": "Video: a kitchen team",
                "video_file": video,
                "video_url": "",
                "subtitles": [
                    {"language": "en", "file": english},
                    {"language": "fr", "file": french},
                ],
                "transcript": "<p>Amina plans the work.</p>",
            },
        ),
        (
            "audio",
            {
                "title": "Podcast: asking for help",
                "audio_file": sound,
                "audio_url": "",
                "other_languages": [],
                "transcript": "<p>Asking is not a weakness.</p>",
            },
        ),
        (
            "card_deck",
            {
                "title": "Habits of a good team member",
                "cards": [
                    {"title": "Know the goal", "text": "Ask what must be finished today."},
                    {
                        "title": "Ask for help",
                        "text": "Asking early saves time.",
                        "image": picture,
                        "image_alt_text": "Two colleagues talking.",
                    },
                ],
            },
        ),
        (
            "scenario_game",
            {
                "title": "Your first week",
                "introduction": "Your choices move the meter.",
                "starting_score": 50,
                "steps": [
                    {
                        "situation": "You did not understand your task.",
                        "choices": [
                            {
                                "text": "I ask again.",
                                "consequence": "You do it right.",
                                "score_change": 15,
                                "feedback": "Asking is normal.",
                            },
                            {
                                "text": "I say nothing.",
                                "consequence": "You do the wrong task.",
                                "score_change": -10,
                                "feedback": "Ask when something is not clear.",
                            },
                        ],
                    }
                ],
            },
        ),
        (
            "case_study",
            {
                "title": "Working alone all day",
                "situation": "<p>Omar never talks to his team.</p>",
                "questions": ["What could Omar do?"],
                "takeaway": "<p>Talk to your team every day.</p>",
            },
        ),
        (
            "template_download",
            {
                "title": "A weekly plan",
                "description": "Write who does what.",
                "document": template,
            },
        ),
        (
            "further_resources",
            {
                "title": "To go further",
                "resources": [
                    {
                        "title": "Teamwork at work",
                        "url": "https://example.org/teamwork",
                        "language": "en",
                        "country": "",
                        "description": "",
                    }
                ],
            },
        ),
        ("self_evaluation", {"title": "Check yourself", "questions": [ordering]}),
        evaluation([single, matching]),
    ]

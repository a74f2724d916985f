"""The shared block library: bad input is refused with a message an editor understands.

Good input passes too. Errors are followed down ``block_errors`` to the field that carries them.
"""

import copy
import os
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

from cms.core.blocks import QuestionStreamBlock
from cms.core.localize_workarounds import OptionalCharBlock, OptionalTextBlock, OptionalURLBlock
from cms.modules.blocks import ModuleBodyBlock
from cms.modules.models import ModulePage

BODY = ModuleBodyBlock()
QUESTIONS = QuestionStreamBlock()

pytestmark = pytest.mark.django_db

ALT_TEXT = "Describe the picture for people who cannot see it."
ONE_SOURCE = "Give either a file or a link, not both and not neither."

# Valid raw values, as they are stored in the database.
SECTION = {"heading": "Your rights at work", "body": "<p>You have the right to a contract.</p>"}
TERM = {
    "term": "CV",
    "definition": "A short list of your work and your studies.",
    "example": "I sent my CV to the bakery.",
    "image": None,
    "image_alt_text": "",
    "audio": None,
}
VOCABULARY = {"title": "Vocabulary", "terms": [TERM]}
CARD = {"title": "Be on time", "text": "Arrive five minutes early.", "image": None}
CARD_DECK = {"title": "Interview tips", "cards": [CARD, {**CARD, "title": "Dress neatly"}]}
GOOD_CHOICE = {
    "text": "Ask politely why",
    "consequence": "Your manager explains the rush.",
    "score_change": 10,
    "feedback": "Asking calmly shows you care about the work.",
}
BAD_CHOICE = {**GOOD_CHOICE, "text": "Walk out", "score_change": -20}
STEP = {"situation": "Your manager asks you to stay late.", "choices": [GOOD_CHOICE, BAD_CHOICE]}
SCENARIO = {
    "title": "A hard first week",
    "introduction": "You start a new job in a warehouse.",
    "starting_score": 50,
    "steps": [STEP],
}
CASE_STUDY = {
    "title": "Amina's first job",
    "situation": "<p>Amina starts work in a bakery without a contract.</p>",
    "questions": ["What should Amina ask for?"],
    "takeaway": "<p>Always ask for a written contract.</p>",
}
RESOURCE = {
    "title": "Work permits",
    "url": "https://example.org/permits",
    "language": "fr",
    "country": "Belgium",
    "description": "",
}
FURTHER_RESOURCES = {"title": "To go further", "resources": [RESOURCE]}

QUESTION = {"prompt": "Which one is right?", "explanation": "Because the law says so.", "points": 1}
SINGLE = {**QUESTION, "options": [{"text": "Yes", "correct": True}, {"text": "No"}]}
MULTIPLE = {
    **QUESTION,
    "options": [{"text": "A", "correct": True}, {"text": "B", "correct": True}, {"text": "C"}],
}
TRUE_FALSE = {**QUESTION, "answer": "false"}
FILL_IN = {**QUESTION, "text": "I send my ___ with a ______ letter.", "answers": ["CV", "cover"]}
ORDERING = {**QUESTION, "items": ["Read the offer", "Write your CV", "Send it"]}
MATCHING = {
    **QUESTION,
    "pairs": [{"left": "CV", "right": "Your work history"}, {"left": "Payslip", "right": "Pay"}],
}
VALID_QUESTIONS = {
    "single_choice": SINGLE,
    "multiple_choice": MULTIPLE,
    "true_false": TRUE_FALSE,
    "fill_in_blank": FILL_IN,
    "ordering": ORDERING,
    "matching": MATCHING,
}
SELF_EVALUATION = {
    "title": "Check yourself",
    "questions": [{"type": "single_choice", "value": SINGLE}],
}
EVALUATION = {
    "title": "Evaluation",
    "instructions": "Answer every question.",
    "pass_mark": 60,
    "time_limit_minutes": None,
    "questions": [{"type": name, "value": value} for name, value in VALID_QUESTIONS.items()],
}


def build(block, raw):
    return block.to_python(copy.deepcopy(raw))


def clean_error(block, raw):
    value = build(block, raw)
    with pytest.raises(ValidationError) as info:
        block.clean(value)
    return info.value


def messages_at(error, *path):
    """The messages shown at ``path``, checking that no other child on the way is in error."""
    for key in path:
        assert list(error.block_errors) == [key]
        assert not error.non_block_errors
        error = error.block_errors[key]
    if hasattr(error, "non_block_errors"):
        assert not error.block_errors
        return [message for e in error.non_block_errors.as_data() for message in e.messages]
    return error.messages


def basename(document):
    return os.path.basename(document.file.name)


@pytest.fixture
def media():
    def document(name, content=b"data"):
        return Document.objects.create(title=name, file=ContentFile(content, name=name))

    return SimpleNamespace(
        image=Image.objects.create(title="Desk", file=get_test_image_file()),
        document=document,
        vtt=document("subs.vtt", b"WEBVTT\n\n"),
        mp4=document("interview.mp4"),
        mp3=document("episode.mp3"),
        txt=document("notes.txt"),
        pdf=document("cv-template.pdf", b"%PDF-1.4\n"),
    )


def valid_blocks(media):
    """A valid raw value for every block type a module body can hold."""
    pictured_term = {
        **TERM,
        "image": media.image.pk,
        "image_alt_text": "A CV",
        "audio": media.mp3.pk,
    }
    return {
        "section": SECTION,
        "image": {"image": media.image.pk, "alt_text": "A woman at a desk", "caption": None},
        "video": {
            "title": "Interview tips",
            "video_file": media.mp4.pk,
            "video_url": "",
            "subtitles": [{"language": "en", "file": media.vtt.pk}],
            "transcript": "<p>Hello and welcome.</p>",
        },
        "audio": {
            "title": "Podcast",
            "audio_file": None,
            "audio_url": "https://podcasts.example.org/episode-1",
            "transcript": "<p>Hello.</p>",
        },
        "vocabulary": {**VOCABULARY, "terms": [TERM, pictured_term]},
        "card_deck": CARD_DECK,
        "scenario_game": SCENARIO,
        "case_study": CASE_STUDY,
        "template_download": {
            "title": "CV template",
            "description": "Fill in your details.",
            "document": media.pdf.pk,
        },
        "further_resources": FURTHER_RESOURCES,
        "self_evaluation": SELF_EVALUATION,
        "evaluation": EVALUATION,
    }


@pytest.mark.parametrize("name", list(BODY.child_blocks))
def test_each_module_body_block_accepts_good_input(name, media):
    block = BODY.child_blocks[name]
    block.clean(build(block, valid_blocks(media)[name]))


def test_a_module_body_holding_every_block_type_cleans(media):
    raw = [{"type": name, "value": value} for name, value in valid_blocks(media).items()]
    cleaned = BODY.clean(build(BODY, raw))
    assert sorted(child.block_type for child in cleaned) == sorted(BODY.child_blocks)


def test_a_video_from_a_link_and_audio_from_a_file_are_accepted(media):
    video = {**valid_blocks(media)["video"], "video_file": None, "video_url": "https://ex.org/v"}
    audio = {**valid_blocks(media)["audio"], "audio_file": media.mp3.pk, "audio_url": ""}
    BODY.clean(build(BODY, [{"type": "video", "value": video}, {"type": "audio", "value": audio}]))


@pytest.mark.parametrize("name", list(VALID_QUESTIONS))
def test_each_question_type_accepts_good_input(name):
    QUESTIONS.clean(build(QUESTIONS, [{"type": name, "value": VALID_QUESTIONS[name]}]))


def too_long(limit):
    return f"Ensure this value has at most {limit} characters (it has {limit + 1})."


def min_items(count):
    return f"The minimum number of items is {count}"


REQUIRED = "This field is required."
METER = "At least one choice must raise the employability meter."
FLAT_STEP = {**STEP, "choices": [BAD_CHOICE, {**GOOD_CHOICE, "score_change": 0}]}
WRONG_FILE = "Choose a {allowed} file (this one is “{txt}”)."
FIVE_MB = 5 * 1024 * 1024

# (id, block, changes to its valid value: a dict or a function of the media, error path, message)
# fmt: off
BAD_BLOCKS = [
    ("section-heading-too-long", "section", {"heading": "x" * 121}, ["heading"], too_long(120)),
    ("section-without-body", "section", {"body": ""}, ["body"], REQUIRED),
    ("image-without-alt-text", "image", {"alt_text": ""}, ["alt_text"], REQUIRED),
    ("image-caption-too-long", "image", {"caption": "x" * 241}, ["caption"], too_long(240)),
    ("video-file-and-link", "video", {"video_url": "https://example.org/v"}, [], ONE_SOURCE),
    ("video-neither-file-nor-link", "video", {"video_file": None}, [], ONE_SOURCE),
    ("audio-neither-file-nor-link", "audio", {"audio_url": ""}, [], ONE_SOURCE),
    ("audio-file-and-link", "audio", lambda m: {"audio_file": m.mp3.pk}, [], ONE_SOURCE),
    ("video-file-not-mp4-or-webm", "video", lambda m: {"video_file": m.txt.pk},
     ["video_file"], WRONG_FILE.format(allowed=".mp4 / .webm", txt="{txt}")),
    ("subtitles-not-vtt", "video", lambda m: {"subtitles": [{"language": "en", "file": m.txt.pk}]},
     ["subtitles", 0, "file"], WRONG_FILE.format(allowed=".vtt", txt="{txt}")),
    ("two-subtitle-tracks-in-one-language", "video",
     lambda m: {"subtitles": [{"language": "fr", "file": m.vtt.pk}] * 2},
     ["subtitles"], "Each language may have only one subtitle track."),
    ("audio-file-not-mp3-or-ogg", "audio", lambda m: {"audio_file": m.txt.pk, "audio_url": ""},
     ["audio_file"], WRONG_FILE.format(allowed=".mp3 / .ogg", txt="{txt}")),
    ("vocabulary-without-terms", "vocabulary", {"terms": []}, ["terms"], min_items(1)),
    ("term-picture-without-description", "vocabulary",
     lambda m: {"terms": [{**TERM, "image": m.image.pk, "image_alt_text": None}]},
     ["terms", 0, "image_alt_text"], ALT_TEXT),
    ("term-recording-not-mp3-or-ogg", "vocabulary",
     lambda m: {"terms": [{**TERM, "audio": m.txt.pk}]},
     ["terms", 0, "audio"], WRONG_FILE.format(allowed=".mp3 / .ogg", txt="{txt}")),
    ("card-deck-with-one-card", "card_deck", {"cards": [CARD]}, ["cards"], min_items(2)),
    ("card-deck-with-13-cards", "card_deck", {"cards": [CARD] * 13},
     ["cards"], "The maximum number of items is 12"),
    ("card-text-over-280-characters", "card_deck", {"cards": [CARD, {**CARD, "text": "x" * 281}]},
     ["cards", 1, "text"], too_long(280)),
    ("card-picture-without-description", "card_deck",
     lambda m: {"cards": [CARD, {**CARD, "image": m.image.pk, "image_alt_text": "  "}]},
     ["cards", 1, "image_alt_text"], ALT_TEXT),
    ("scenario-step-where-no-choice-raises-the-meter", "scenario_game",
     {"steps": [STEP, FLAT_STEP]}, ["steps", 1, "choices"], METER),
    ("scenario-score-change-over-100", "scenario_game",
     {"steps": [{**STEP, "choices": [{**GOOD_CHOICE, "score_change": 101}, BAD_CHOICE]}]},
     ["steps", 0, "choices", 0, "score_change"], "Ensure this value is less than or equal to 100."),
    ("scenario-without-steps", "scenario_game", {"steps": []}, ["steps"], min_items(1)),
    ("case-study-without-questions", "case_study", {"questions": []}, ["questions"], min_items(1)),
    ("template-without-file", "template_download", {"document": None}, ["document"], REQUIRED),
    ("template-over-5-mb", "template_download",
     lambda m: {"document": m.document("big.pdf", b"x" * (FIVE_MB + 1)).pk},
     ["document"], "Choose a file under 5 MB: many learners pay for their data."),
    ("no-further-resources", "further_resources", {"resources": []}, ["resources"], min_items(1)),
    ("resource-with-a-bad-link", "further_resources",
     {"resources": [{**RESOURCE, "url": "permits"}]}, ["resources", 0, "url"],
     "Enter a valid URL."),
    ("resource-in-an-unknown-language", "further_resources",
     {"resources": [{**RESOURCE, "language": "xx"}]}, ["resources", 0, "language"],
     "Select a valid choice. xx is not one of the available choices."),
    ("quiz-without-questions", "self_evaluation", {"questions": []}, ["questions"], min_items(1)),
    ("evaluation-pass-mark-zero", "evaluation", {"pass_mark": 0},
     ["pass_mark"], "Ensure this value is greater than or equal to 1."),
    ("evaluation-over-three-hours", "evaluation", {"time_limit_minutes": 181},
     ["time_limit_minutes"], "Ensure this value is less than or equal to 180."),
]
# fmt: on


@pytest.mark.parametrize(
    ("name", "changes", "path", "message"),
    [pytest.param(*case, id=case_id) for case_id, *case in BAD_BLOCKS],
)
def test_bad_block_input_is_refused_with_a_clear_message(name, changes, path, message, media):
    changes = changes(media) if callable(changes) else changes
    error = clean_error(BODY.child_blocks[name], {**valid_blocks(media)[name], **changes})
    assert messages_at(error, *path) == [message.format(txt=basename(media.txt))]


TICK_ONE = "Tick exactly one right option."
EACH_ONCE = "Each item may appear only once on each side."
TWO_BLANKS = "The sentence has 2 blanks: give exactly one answer each."
TWO_OPTIONS = [{"text": "A"}, {"text": "B"}]

# (id, question type, changes to its valid value, field in error, message)
# fmt: off
BAD_QUESTIONS = [
    ("single-none-ticked", "single_choice", {"options": TWO_OPTIONS}, "options", TICK_ONE),
    ("single-two-ticked", "single_choice",
     {"options": [{"text": "A", "correct": True}, {"text": "B", "correct": True}]},
     "options", TICK_ONE),
    ("single-one-option", "single_choice",
     {"options": [{"text": "A", "correct": True}]}, "options", min_items(2)),
    ("multiple-none-ticked", "multiple_choice",
     {"options": TWO_OPTIONS}, "options", "Tick at least one right option."),
    ("true-false-neither", "true_false", {"answer": "maybe"},
     "answer", "Select a valid choice. maybe is not one of the available choices."),
    ("question-worth-no-points", "true_false", {"points": 0},
     "points", "Ensure this value is greater than or equal to 1."),
    ("fill-in-without-a-blank", "fill_in_blank", {"text": "I send my CV.", "answers": ["CV"]},
     "text", "Put ___ where the learner writes the answer."),
    ("fill-in-2-blanks-1-answer", "fill_in_blank", {"answers": ["CV"]}, "answers", TWO_BLANKS),
    ("fill-in-2-blanks-3-answers", "fill_in_blank",
     {"answers": ["CV", "cover", "letter"]}, "answers", TWO_BLANKS),
    ("ordering-with-a-repeated-step", "ordering",
     {"items": ["Write your CV", "Send it", "Write your CV"]},
     "items", "Each step must be different, or the order cannot be checked."),
    ("matching-repeated-left", "matching",
     {"pairs": [{"left": "CV", "right": "A"}, {"left": "CV", "right": "B"}]}, "pairs", EACH_ONCE),
    ("matching-repeated-right", "matching",
     {"pairs": [{"left": "CV", "right": "A"}, {"left": "Job", "right": "A"}]}, "pairs", EACH_ONCE),
]
# fmt: on


@pytest.mark.parametrize(
    ("question_type", "changes", "field", "message"),
    [pytest.param(*case, id=case_id) for case_id, *case in BAD_QUESTIONS],
)
def test_bad_question_is_refused_with_a_clear_message(question_type, changes, field, message):
    stream = [
        {"type": "true_false", "value": TRUE_FALSE},
        {"type": question_type, "value": {**VALID_QUESTIONS[question_type], **changes}},
    ]
    error = clean_error(QUESTIONS, stream)
    assert messages_at(error, 1, field) == [message]


def test_a_bad_question_in_a_module_body_is_reported_on_its_options():
    questions = [
        {"type": "ordering", "value": ORDERING},
        {"type": "single_choice", "value": {**SINGLE, "options": TWO_OPTIONS}},
    ]
    quiz = {**SELF_EVALUATION, "questions": questions}
    error = clean_error(
        BODY, [{"type": "section", "value": SECTION}, {"type": "self_evaluation", "value": quiz}]
    )
    assert isinstance(error, StreamBlockValidationError)
    assert isinstance(error.block_errors[1], StructBlockValidationError)
    assert isinstance(error.block_errors[1].block_errors["questions"], StreamBlockValidationError)
    assert messages_at(error, 1, "questions", 1, "options") == ["Tick exactly one right option."]


def test_a_module_body_holds_at_most_one_graded_evaluation():
    body = [{"type": "evaluation", "value": EVALUATION}] * 2
    error = clean_error(BODY, body)
    assert messages_at(error) == [
        "Evaluation questionnaire (graded): The maximum number of items is 1"
    ]


def test_a_draft_scenario_step_with_empty_scores_is_reported_not_crashed():
    # Saving a draft relaxes required fields, so a score may still be empty.
    empty = {**GOOD_CHOICE, "score_change": None}
    block = BODY.child_blocks["scenario_game"]
    unscored = build(block, {**SCENARIO, "steps": [{**STEP, "choices": [empty, empty]}]})
    with pytest.raises(ValidationError) as info:
        block.clean_deferred(unscored)
    assert messages_at(info.value, "steps", 0, "choices") == [
        "At least one choice must raise the employability meter."
    ]
    half_done = {**STEP, "choices": [GOOD_CHOICE, empty]}
    block.clean_deferred(build(block, {**SCENARIO, "steps": [half_done]}))


@pytest.mark.parametrize("block_class", [OptionalCharBlock, OptionalTextBlock, OptionalURLBlock])
def test_an_empty_optional_text_is_stored_as_an_empty_string(block_class):
    block = block_class()
    assert block.get_default() == ""
    assert block.to_python(None) == ""
    assert block.get_prep_value(None) == ""
    assert block.clean(block.to_python(None)) == ""


@pytest.mark.parametrize("block_class", [OptionalCharBlock, OptionalTextBlock])
def test_an_optional_text_offers_a_segment_only_when_filled_in(block_class):
    block = block_class()
    assert block.get_translatable_segments("") == []
    assert block.get_translatable_segments(None) == []
    [segment] = block.get_translatable_segments("Bring your passport.")
    assert isinstance(segment, StringSegmentValue)
    assert (segment.path, segment.render_text()) == ("", "Bring your passport.")


def test_an_optional_url_is_never_offered_for_translation():
    assert OptionalURLBlock().get_translatable_segments("https://example.org") == []


def test_translating_an_image_without_caption_does_not_crash(media):
    field = ModulePage._meta.get_field("body")
    image = {"image": media.image.pk, "alt_text": "A woman at a desk"}
    raw = [
        {"type": "image", "id": "no-caption", "value": image},
        {"type": "image", "id": "null-caption", "value": {**image, "caption": None}},
        {"type": "image", "id": "captioned", "value": {**image, "caption": "At the job centre"}},
    ]
    value = field.to_python(copy.deepcopy(raw))
    segments = StreamFieldSegmentExtractor(field).handle_stream_block(value)
    strings = [(s.path, s.render_text()) for s in segments if isinstance(s, StringSegmentValue)]
    assert strings == [
        ("no-caption.alt_text", "A woman at a desk"),
        ("null-caption.alt_text", "A woman at a desk"),
        ("captioned.alt_text", "A woman at a desk"),
        ("captioned.caption", "At the job centre"),
    ]

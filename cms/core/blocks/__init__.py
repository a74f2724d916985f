"""The shared block library: every page type builds its StreamFields from these blocks."""

from .activities import EvaluationQuestionnaireBlock, ScenarioGameBlock, SelfEvaluationQuizBlock
from .content import (
    CardDeckBlock,
    CaseStudyBlock,
    FurtherResourcesBlock,
    SectionBlock,
    TemplateDownloadBlock,
    VocabularyBlock,
)
from .media import AudioBlock, ImageFigureBlock, VideoBlock
from .questions import QuestionStreamBlock

__all__ = [
    "AudioBlock",
    "CardDeckBlock",
    "CaseStudyBlock",
    "EvaluationQuestionnaireBlock",
    "FurtherResourcesBlock",
    "ImageFigureBlock",
    "QuestionStreamBlock",
    "ScenarioGameBlock",
    "SectionBlock",
    "SelfEvaluationQuizBlock",
    "TemplateDownloadBlock",
    "VideoBlock",
    "VocabularyBlock",
]

"""The certificate's wording in each language, where grammar depends on a number."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from cms.certs.printing import duration


def modules(*hours: str) -> list:
    return [SimpleNamespace(duration_hours=Decimal(h)) for h in hours]


@pytest.mark.parametrize(
    ("locale", "hours", "expected"),
    [
        ("en", ("1",), "Duration: 1 hour"),
        ("en", ("3",), "Duration: 3 hours"),
        ("en", ("1", "0.5"), "Duration: 1.5 hours"),
        ("fr", ("1",), "Durée : 1 heure"),
        ("ar", ("3",), "المدة: 3 ساعات"),  # 3 to 10: the plural
        ("ar", ("3", "3", "3", "3"), "المدة: 12 ساعة"),  # 11 and more: the singular
        ("uk", ("3",), "Тривалість: 3 години"),
        ("uk", ("3", "3"), "Тривалість: 6 годин"),
    ],
)
def test_the_duration_takes_the_plural_its_number_needs(locale, hours, expected):
    with translation.override(locale):
        assert duration(modules(*hours)) == expected

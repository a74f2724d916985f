"""Direction per run on paper: left-to-right runs kept whole inside right-to-left text.

In an Arabic or Dari document, a project reference, a URL, a short link, a date with Latin digits
or a duration is a run of left-to-right text among right-to-left words. Left to the bidirectional
algorithm, its neutral characters (hyphens, dots, slashes, "+", spaces) take the direction around
them, and "2020-1-FR01-KA204-080342 · migrantech.org" prints as "FR01-KA204-080342 ·
migrantech.org-1-2020". So every such run is *isolated* (``<bdi>``, ``unicode-bidi: isolate``)
and, where it is always left to right, given ``dir="ltr"``; and it never wraps inside (a code cut
in two cannot be typed). The templates use three filters (``printing_tags``):

- ``ltr``: always left to right (codes, references, URLs, short links, Latin-digit dates);
- ``run``: a short run in the document's own direction kept on one line ("(1 point)", "3 h");
- ``bidi``: a translated sentence that may hold Latin-script runs ("مشروع Erasmus+ رقم …"): in a
  right-to-left language each such run is isolated left to right; elsewhere the text is unchanged.

WeasyPrint lays out each inline box on its own and orders sibling boxes by their parent's
direction, so an element boundary isolates its text as ``unicode-bidi: isolate`` would (a
property WeasyPrint ignores with a warning, so the style sheets leave it to ``<bdi>``, which
isolates by definition in HTML); ``white-space: nowrap`` keeps each run on one line.
"""

import re
from typing import Any

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi

_LATIN = r"A-Za-z0-9\u00C0-\u024F"
_TOKEN = rf"[{_LATIN}](?:[{_LATIN}+\-./:_@#%&?=~]*[{_LATIN}+/%])?"
LATIN_RUN = re.compile(rf"{_TOKEN}(?:[ \u00A0]+{_TOKEN})*")
"""Latin-script words and numbers, with the punctuation inside them (and a final "+" or "%"),
separated by single spaces: "Erasmus+ KA2", "2020-1-FR01-KA204-080342", "migrantech.org"."""
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")
"""Tags and character references of escaped HTML, left as they are."""


def ltr(value: Any) -> SafeString:
    """``value`` isolated, left to right, on one line."""
    return format_html('<bdi dir="ltr" class="ltr">{}</bdi>', value)


def run(value: Any) -> SafeString:
    """``value`` isolated in the surrounding direction, on one line."""
    return format_html('<bdi class="run">{}</bdi>', value)


def bidi(value: Any) -> SafeString:
    """``value`` escaped; in a right-to-left language, each Latin-script run in it isolated.

    Markup already in ``value`` (a safe string) is kept as it is, runs are looked for in plain
    text only.
    """
    escaped = conditional_escape(value)
    if not get_language_bidi():
        return escaped
    parts = _MARKUP.split(str(escaped))
    return mark_safe(  # noqa: S308 - escaped above; only <bdi> elements are added
        "".join(
            part if _MARKUP.fullmatch(part) else LATIN_RUN.sub(_isolated_run, part)
            for part in parts
        )
    )


def _isolated_run(match: re.Match[str]) -> str:
    # Runs of several words may wrap between them; a single word or code never does.
    css_class = "ltr" if " " not in match.group() else "ltr words"
    return f'<bdi dir="ltr" class="{css_class}">{match.group()}</bdi>'

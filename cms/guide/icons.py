"""The line-art icons infographics may use: the SVG files shipped in ``static/guide/icons``."""

from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent / "static" / "guide" / "icons"


def icon_choices() -> list[tuple[str, str]]:
    return [(path.stem, path.stem.replace("-", " ")) for path in sorted(ICON_DIR.glob("*.svg"))]

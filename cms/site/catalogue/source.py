"""Reading data files so that every error can name the file, the line, the entry and the field."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PathItem = str | int


class CatalogueError(Exception):
    """A problem in the data files, with where to find it."""

    def __init__(self, problems: Sequence["Problem"]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.entry:
            parts.append(f"entry “{self.entry}”")
        if self.field:
            parts.append(f"field “{self.field}”")
        return f"{', '.join(parts)}: {self.message}"


class LineDict(dict):
    """A mapping that remembers the line of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            self.construct_object(key, deep=True): key.start_mark.line + 1 for key, _ in node.value
        }
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        items = LineList(super().construct_sequence(node, deep=True))
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)
_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence
)


def line_of(node: Any, path: Sequence[PathItem]) -> int | None:
    """The line of the deepest node along ``path`` that the file has."""
    line = getattr(node, "line", None) or None
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


@dataclass
class DataFile:
    """One parsed data file; ``display_name`` is how errors name it."""

    path: Path
    display_name: str
    data: Any

    def problem(self, path: Sequence[PathItem], message: str) -> Problem:
        """A problem at ``path`` (e.g. ``["modules", 3, "summary"]``) in this file."""
        entry = None
        field_path = list(path)
        if len(path) >= 2 and isinstance(path[1], int):
            container = self.data.get(path[0], []) if isinstance(self.data, dict) else []
            if path[1] < len(container) and isinstance(container[path[1]], dict):
                entry = str(container[path[1]].get("slug") or f"#{path[1] + 1}")
            field_path = list(path[2:])
        elif path:
            field_path = list(path[1:])
        field = _format_field_path(field_path) or None
        return Problem(self.display_name, line_of(self.data, path), entry, field, message)


def _format_field_path(path: Sequence[PathItem]) -> str:
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def read_data_file(path: Path, display_name: str) -> DataFile:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError:
        raise CatalogueError([Problem(display_name, None, None, None, "file not found")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else None
        message = f"not valid YAML: {error.problem or error}"
        raise CatalogueError([Problem(display_name, line, None, None, message)]) from None
    return DataFile(path=path, display_name=display_name, data=data)

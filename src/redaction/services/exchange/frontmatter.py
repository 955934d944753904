"""YAML front matter: split a Markdown file into its header fields and body, and write one back.

The header sits between a first line ``---`` and the next ``---`` (or ``...``) line. Every
scalar is read as text (PyYAML's BaseLoader: no "yes" -> True, no "1984" -> 1984, no dates
turned into objects), lists stay lists, and each key keeps its 1-based line in the file so that
an error can point at it. :func:`render` writes values so that :func:`parse` returns exactly the
same strings, whatever they contain (colons, quotes, accents, several lines, nothing at all).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

_OPEN = re.compile(r"---[ \t]*\r?\n?")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")


class FrontMatterError(ValueError):
    """Something is wrong at ``line`` (1-based, counted in the whole file)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


Value = str | list[str]


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed file: header values (text or list of text), the line of each key, the body."""

    values: dict[str, Value]
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


def _line_of(mark: yaml.Mark | None, first_line: int) -> int:
    return first_line + (mark.line if mark is not None else 0)


def _scalar(node: yaml.Node, first_line: int, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise FrontMatterError(_line_of(node.start_mark, first_line), f"{key} must be text")
    return str(node.value)


def _header(text: str, first_line: int) -> tuple[dict[str, Value], dict[str, int]]:
    try:
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "unreadable YAML"
        raise FrontMatterError(_line_of(mark, first_line), f"malformed front matter: {problem}") from None
    except RecursionError:
        raise FrontMatterError(
            first_line, "malformed front matter: lists or mappings nested too deeply"
        ) from None
    except yaml.reader.ReaderError as exc:
        # A control character: PyYAML's own message runs over two lines and names "<unicode string>".
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise FrontMatterError(
            first_line + text.count("\n", 0, exc.position),
            f"malformed front matter: the control character U+{code:04X} is not allowed in it",
        ) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "unreadable YAML"
        raise FrontMatterError(first_line, f"malformed front matter: {first}") from None
    if root is None:
        return {}, {}
    if not isinstance(root, yaml.MappingNode):
        raise FrontMatterError(
            _line_of(root.start_mark, first_line), "front matter must be 'key: value' lines"
        )
    values: dict[str, Value] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = _line_of(key_node.start_mark, first_line)
        key = _scalar(key_node, first_line, "a key")
        if key in values:
            raise FrontMatterError(line, f"{key!r} is given twice (first on line {lines[key]})")
        if isinstance(value_node, yaml.SequenceNode):
            values[key] = [_scalar(item, first_line, f"each item of {key}") for item in value_node.value]
        else:
            values[key] = _scalar(value_node, first_line, key)
        lines[key] = line
    return values, lines


def parse(text: str) -> Document:
    """Split ``text`` (already decoded) into front matter and body; raise FrontMatterError."""
    opening = _OPEN.match(text)
    if opening is None or opening.end() == 0 or "\n" not in opening.group():
        raise FrontMatterError(1, "no front matter: the file must start with a '---' line")
    windows = opening.group().endswith("\r\n")
    if windows:
        # A file saved on Windows: read it with plain line ends (bodies we export never get here).
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if _CLOSE.fullmatch(lines[index]):
            break
    else:
        raise FrontMatterError(1, "the front matter opened on line 1 is never closed by a '---' line")
    values, key_lines = _header("\n".join(lines[1:index]) + "\n", first_line=2)
    rest = lines[index + 1 :]
    body_line = index + 2
    if rest and rest[0] == "" and len(rest) > 1:
        rest = rest[1:]  # the blank line that customarily follows the header
        body_line += 1
    return Document(values=values, lines=key_lines, body="\n".join(rest), body_line=body_line)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Several lines read best as a literal block; PyYAML falls back to quoting when it cannot.
    # Line separators other than \n are folded by single quotes: double quotes escape them.
    style = '"' if _ODD_BREAKS.search(value) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def render(values: Mapping[str, Value], body: str) -> str:
    """The file text: front matter with ``values`` in order, a blank line, then ``body`` as is."""
    header = yaml.dump(
        dict(values),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**31 - 1,
    )
    return f"---\n{header}---\n\n{body}"

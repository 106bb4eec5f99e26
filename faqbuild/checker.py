"""Walking located YAML nodes: the Checker collects every problem of one
file, located as `file:line:col`. Used by the validators (plans, faqfile,
questions, ids); a `check_*` function reports to the Checker it is given and
returns whether the value passed; a `validate_*` function returns the model
object, or None when it reported why not.
"""

from __future__ import annotations

import functools

from pathlib import Path

from .loader import LoadError, Node, load_yaml_file
from .model import Problem
from .shapes import Shape
from .text import expected_one_of, line_col, one_line
from .vocabulary import ID_RE, MAX_ID_CHARS, MAX_TEXT_CHARS


def load_checked(path: Path, shown: str, empty: str) -> tuple[Node | None, Checker]:
    """Load a YAML file for checking: its root node (None when it could not be
    loaded, or is empty: reported as `empty`) and the Checker holding its
    problems so far. The first step of every validator of a file."""
    check = Checker(shown)
    try:
        root, found, check.source = load_yaml_file(path, shown)
    except LoadError as exc:
        check.problems += exc.problems
        return None, check
    check.problems += found
    if root is None:
        check.add_at(1, 1, empty)
    return root, check


class Checker:
    """Collects problems for one file while walking its nodes."""

    def __init__(self, shown: str, source: bytes = b""):
        self.shown = shown
        self.source = source
        self.problems: list[Problem] = []

    @functools.cached_property
    def lines(self) -> list[str]:
        """Decoded only when a problem inside a block scalar needs its indentation."""
        return self.source.decode("utf-8").split("\n")

    def add_inside(self, node: Node, text: str, index: int, message: str) -> None:
        """Locate a problem found at `index` of a scalar's text (the node's value)."""
        line_offset, col = line_col(text, index)
        line_offset -= 1
        if node.style in ("|", ">"):
            line = node.line + 1 + line_offset
            source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            col = len(source) - len(source.lstrip(" ")) + col
        else:
            line = node.line + line_offset
            if line_offset == 0:
                col = node.col + (1 if node.quoted else 0) + col - 1
        self.problems.append(Problem(self.shown, line, col, one_line(message)))

    def slug(self, node: Node, where: str, name: str, value: str) -> bool:
        """An id that names a file and an address: checked the same way wherever one is written."""
        if not ID_RE.fullmatch(value):
            self.add(node, f"{where}: {name} must be lower-case ASCII letters, digits and single hyphens, "
                           "such as \"muc-dich-ke-hoach-002\"")
            return False
        if len(value) > MAX_ID_CHARS:
            self.add(node, f"{where}: {name} is {len(value)} characters long; expected at most {MAX_ID_CHARS} "
                           "(it names the answer's file and stands in every link to it)")
            return False
        return True

    def add_at(self, line: int, col: int, message: str) -> None:
        self.problems.append(Problem(self.shown, line, col, one_line(message)))

    def add(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.shown, node.line, node.col, one_line(message)))

    def mapping(self, node: Node, where: str, shape: Shape) -> dict[str, tuple[Node, Node]] | None:
        """The node's items, if it is a mapping; each unknown and missing key is reported."""
        allowed = shape.keys
        if node.kind != "map":
            self.add(node, f"{where}: expected a mapping of keys to values; got {node.describe()}")
            return None
        items = node.value
        for name, (key, _) in items.items():
            if name not in allowed:
                self.add(key, f"{where}: unknown key {name!r}; {expected_one_of(name, sorted(allowed))}")
        for name in shape.required:
            if name not in items:
                self.add(node, f"{where}: missing required key {name!r}")
        return items

    def text(self, items: dict, name: str, where: str, required: bool = True,
             allow_empty: bool = False, single_line: bool = False) -> str | None:
        if name not in items:
            return None
        node = items[name][1]
        if node.kind != "scalar" or node.tag == "null" and required:
            self.add(node, f"{where}: {name}: expected text; got {node.describe()}")
            return None
        if node.tag == "null":
            return None
        if node.tag != "str":
            self.add(node, f"{where}: {name}: expected text in quotes; got {node.describe()} "
                           f"(write it as \"{node.value}\")")
            return None
        value = str(node.value)
        if not allow_empty and not value.strip():
            self.add(node, f"{where}: {name}: is empty; expected text")
            return None
        if len(value) > MAX_TEXT_CHARS:  # also bounds the cost of matching quotes and Markdown
            self.add(node, f"{where}: {name}: is {len(value)} characters long; expected at most "
                           f"{MAX_TEXT_CHARS} (split it up)")
            return None
        if single_line:
            # Headings and table cells: a line break would end the heading before
            # its anchor, or the table row. A block scalar's final newline is dropped.
            value = value.strip()
            if "\n" in value:
                self.add(node, f"{where}: {name}: is on {value.count(chr(10)) + 1} lines; expected one line")
                return None
        return value

    def seq(self, items: dict, name: str, where: str, required: bool = True) -> list[Node]:
        if name not in items:
            return []
        node = items[name][1]
        if node.kind != "seq":
            self.add(node, f"{where}: {name}: expected a list; got {node.describe()}")
            return []
        if required and not node.value:
            self.add(node, f"{where}: {name}: is an empty list; expected at least one item")
        return node.value

    def entries(self, items: dict, name: str, what: str) -> dict[str, tuple[Node, Node]]:
        """The items of a mapping with keys of the editor's choosing (bodies,
        the glossary): {} when absent, or reported when not a mapping."""
        if name not in items:
            return {}
        node = items[name][1]
        if node.kind != "map":
            self.add(node, f"{name}: expected a mapping of {what}; got {node.describe()}")
            return {}
        return node.value


def scalar_id(check: Checker, items: dict, name: str, where: str, example: str) -> str | None:
    if name not in items:
        return None
    node = items[name][1]
    if node.kind == "scalar" and node.tag in ("int", "float"):
        check.add(node, f"{where}: {name} must be quoted text such as {example}; got the number "
                        f"{node.value} (unquoted, YAML reads it as a number: write \"{node.value}\")")
        return None
    return check.text(items, name, where)

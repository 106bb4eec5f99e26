"""Loading YAML with positions: bytes -> a tree of located Nodes, so that
every later error can name its line and column. First stage for faq.yml
and the plans. Refuses what faq.yml never needs (anchors, aliases, tags,
merge keys, a second document) and what would make positions wrong.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from .model import Problem
from .text import BIDI_RE, INVISIBLE_RE, line_col, shorten


try:  # libyaml parses several times faster; positions are the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python PyYAML still works
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 12  # deeper YAML than this is never a valid faq.yml
MAX_NODES = 1_000_000  # 10,000 questions hold ~550,000; each costs ~0.5 KB while loading
QUOTED_STYLES = ("'", '"', "|", ">")  # YAML scalar styles that are never resolved to numbers
MAX_CHAR_PROBLEMS = 20  # located bad characters reported per file

# Characters refused on read: controls (YAML refuses them, unlocated) and line
# breaks that YAML counts but editors and str.split("\n") do not.
BAD_CHAR_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|\r(?!\n)")
MAX_INPUT_BYTES = 48 * 1024 * 1024  # faq.yml is ~250 KB; 10,000 questions ~25 MB


class Node:
    """A YAML value with where it stands: kind is 'map', 'seq' or 'scalar'.

    A plain class with slots, not a frozen dataclass like the model: a file
    of 10,000 questions holds ~550,000 of them, and a frozen dataclass's
    __init__ costs several times more (and each instance a dict)."""
    __slots__ = ("kind", "line", "col", "value", "tag", "quoted", "style")

    def __init__(self, kind: str, line: int, col: int, value: object, tag: str = "",
                 quoted: bool = False, style: str = ""):
        self.kind = kind
        self.line = line
        self.col = col
        self.value = value    # dict[str, tuple[Node, Node]] | list[Node] | str
        self.tag = tag        # for scalars: 'str', 'int', 'float', 'bool', 'null'
        self.quoted = quoted
        self.style = style    # for scalars: '', "'", '"', '|' or '>'

    def describe(self) -> str:
        """What the editor wrote, for 'got …' in messages."""
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        if self.tag == "null":
            return "nothing (null)"
        if self.tag == "str":
            return f"the text {shorten(str(self.value), 60)!r}"
        names = {"int": "number", "float": "number", "bool": "yes/no value"}
        return f"the {names.get(self.tag, self.tag)} {self.value}"


class LoadError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


def located_chars(text: str, shown: str, regex: re.Pattern, describe) -> list[Problem]:
    """A problem for each match, up to MAX_CHAR_PROBLEMS: a binary file would
    otherwise bury the report under thousands of lines."""
    problems = []
    matches = regex.finditer(text)
    for number, match in enumerate(matches):
        line, col = line_col(text, match.start())
        if number == MAX_CHAR_PROBLEMS:
            rest = regex.subn("", text[match.start():])[1]  # counted in C: a binary file has millions
            problems.append(Problem(shown, line, col, f"{rest} more such characters from here on; expected none"))
            break
        problems.append(Problem(shown, line, col, describe(match.group())))
    return problems


def describe_bad_char(char: str) -> str:
    if char == "\r":
        return "a carriage return (CR) without a line feed; expected LF or CRLF line endings"
    if char in "\x85\u2028\u2029":
        return (f"line separator U+{ord(char):04X}; expected an ordinary line break (YAML would "
                "count lines differently from every editor)")
    return f"control character U+{ord(char):04X}; expected text (is this a binary file?)"


def describe_invisible_char(char: str) -> str:
    name = unicodedata.name(char, "unnamed").lower()
    if BIDI_RE.match(char):
        return (f"bidirectional control character U+{ord(char):04X} ({name}); expected none: it can show "
                "text in another order than it is stored (delete it)")
    return (f"invisible character U+{ord(char):04X} ({name}); expected "
            "none (delete it, and retype the space if there should be one)")


def byte_line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as YAML's own marks count) of a byte offset."""
    before = data[:offset].decode("utf-8", "replace")
    return line_col(before, len(before))


def read_source(path: Path, shown: str) -> tuple[bytes, list[Problem]]:
    """Read a UTF-8 file, turning every way it can fail into a Problem, with the
    problems that do not stop the load (invisible characters). The bytes, not
    the decoded text, go on to the parser: a str of Vietnamese text takes
    twice the memory, and libyaml would encode it back to UTF-8 anyway."""
    try:
        with path.open("rb") as handle:  # bounded: --faq /dev/zero must not fill the memory
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise LoadError([Problem(shown, 1, 1, "file not found; expected a YAML file here")])
    except IsADirectoryError:
        raise LoadError([Problem(shown, 1, 1, "is a directory; expected a YAML file")])
    except OSError as exc:
        raise LoadError([Problem(shown, 1, 1, f"cannot read the file ({exc.strerror}); "
                                              "expected a readable YAML file")])
    if len(data) > MAX_INPUT_BYTES:
        raise LoadError([Problem(shown, 1, 1,
                                 f"file is larger than {MAX_INPUT_BYTES} bytes; expected at most that")])
    if data.startswith(b"\xef\xbb\xbf"):
        raise LoadError([Problem(shown, 1, 1,
                                 "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([Problem(shown, 1, 1, "file is UTF-16 (it starts with a UTF-16 byte-order mark); "
                                              "expected UTF-8: save it as UTF-8 without BOM")])
    # Columns count characters, as YAML's own marks do, never bytes.
    bad = data.find(b"\x00")
    if bad >= 0:
        line, col = byte_line_col(data, bad)
        raise LoadError([Problem(shown, line, col, "NUL byte; expected a UTF-8 text file "
                                                   "(is it UTF-16, or a binary file?)")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = byte_line_col(data, exc.start)
        raise LoadError([Problem(shown, line, col,
                                 f"byte 0x{data[exc.start]:02x} is not valid UTF-8; "
                                 "expected a UTF-8 text file (was it saved in another encoding?)")])
    # Control characters are refused by YAML itself, but unlocated; lone CRs
    # and Unicode line separators would make YAML's line numbers disagree
    # with the editor's, so every later position would be wrong.
    problems = located_chars(text, shown, BAD_CHAR_RE, describe_bad_char)
    if problems:
        raise LoadError(problems)
    # Invisible characters do not stop the load: each is reported where it
    # stands, and norm_space drops them, so one slip in a quote is one error.
    return data, located_chars(text, shown, INVISIBLE_RE, describe_invisible_char)


def parse_yaml(data: bytes, shown: str) -> tuple[Node | None, list[Problem]]:
    """Parse YAML text into located nodes (None when there is no document),
    with the structural problems found on the way (duplicate keys).

    One pass over the parser's events builds the nodes: composing first
    would walk the text twice, and would recurse in C (libyaml crashes the
    interpreter near 30,000 nested lists) and share aliased nodes (a "billion
    laughs" file expands when walked). So depth and size are bounded here,
    and aliases, anchors and tags refused, each where it is written; a file
    with any of those, or a second document, yields no nodes. Stops at the
    first node too deep: libyaml slows down quadratically with depth."""
    refused: list[Problem] = []
    problems: list[Problem] = []
    loader = _Loader(data)
    try:
        root = build_nodes(loader.get_event, shown, refused, problems)
    except yaml.MarkedYAMLError as exc:
        raise LoadError(refused + [syntax_problem(exc, data, shown)])
    except yaml.reader.ReaderError as exc:  # a character read_source does not already refuse
        line, col = byte_line_col(data, min(exc.position, len(data)))
        raise LoadError(refused + [Problem(shown, line, col,
                                           f"character U+{exc.character:04X} is not allowed in YAML; "
                                           "expected printable text")])
    except yaml.YAMLError as exc:
        raise LoadError(refused + [Problem(shown, 1, 1, f"YAML error: {' '.join(str(exc).split())}; "
                                                        "expected valid YAML")])
    finally:
        loader.dispose()
    return root, problems


def syntax_problem(exc: yaml.MarkedYAMLError, data: bytes, shown: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    lines = data.decode("utf-8").split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source[:col]:
        problem = "a tab character; YAML indentation must use spaces"
    start = exc.context_mark
    if start is not None and exc.context and (start.line, start.column) != (line - 1, col - 1):
        problem += f" ({exc.context} at line {start.line + 1}, column {start.column + 1})"
    problem = " ".join(problem.split())  # one line per problem, whatever the parser said
    return Problem(shown, line, col, f"YAML syntax error: {problem}; expected valid YAML")


def build_nodes(next_event, shown: str, refused: list[Problem], problems: list[Problem]) -> Node | None:
    """The event loop of parse_yaml: a stack of open collections, each
    [node, items, pending key]; a finished node goes into the one on top.
    It runs once per YAML value (550,000 times for 10,000 questions), so the
    common cases come first and the rare ones go to helpers."""
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    wildcard = _Loader.yaml_implicit_resolvers.get(None, [])
    resolvers = {first: found + wildcard for first, found in _Loader.yaml_implicit_resolvers.items()}
    normalize = unicodedata.normalize
    max_depth, max_nodes = MAX_DEPTH, MAX_NODES
    stack: list[list] = []
    root: Node | None = None
    documents = count = 0
    second: Problem | None = None
    # Each key's text once: 270,000 keys of some twenty names. Peak memory at
    # 10,000 questions 359 -> 339 MB (make bench budget: 10x the file, 374 MB).
    keys: dict[str, str] = {}
    while True:
        event = next_event()
        cls = event.__class__
        if cls is mapping_end or cls is sequence_end:
            node = stack.pop()[0]
        elif cls is scalar_event or cls is mapping_start or cls is sequence_start or cls is yaml.AliasEvent:
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            count += 1
            if len(stack) > max_depth or count > max_nodes:
                refused.append(Problem(shown, line, col,
                                       f"YAML is nested too deeply; expected at most {max_depth} levels"
                                       if len(stack) > max_depth else
                                       f"file holds more than {max_nodes} YAML values; expected at most {max_nodes}"))
                raise LoadError(refused)
            if cls is yaml.AliasEvent:
                refused.append(Problem(shown, line, col, f"YAML alias *{event.anchor} is not supported; "
                                                         "expected the value written out in full"))
                node = Node("scalar", line, col, "", "null")
            else:
                if event.anchor is not None or event.tag is not None:
                    refuse_anchor_and_tag(event, shown, line, col, refused)
                if cls is scalar_event:
                    value, style = event.value, event.style
                    tag = "str"
                    if event.implicit[0]:  # plain: resolved as YAML 1.1 does (yes, 12, ~ …)
                        for full_tag, regexp in resolvers.get(value[:1], wildcard):
                            if regexp.match(value):
                                tag = full_tag.rsplit(":", 1)[-1]
                                break
                        if tag == "str":
                            value = normalize("NFC", value)
                        node = Node("scalar", line, col, value, tag, False, "")
                    else:
                        node = Node("scalar", line, col, normalize("NFC", value), tag, style in QUOTED_STYLES,
                                    style or "")
                elif cls is mapping_start:
                    node = Node("map", line, col, {})
                    stack.append([node, node.value, None])
                    continue
                else:
                    node = Node("seq", line, col, [])
                    stack.append([node, node.value, None])
                    continue
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents == 2:  # the composer's "but found another document", in our words
                mark = event.start_mark
                second = Problem(shown, mark.line + 1, mark.column + 1, "YAML syntax error: a second YAML "
                                 "document starts here; expected a single document")
            continue
        elif cls is yaml.StreamEndEvent:
            if refused:
                raise LoadError(refused)
            if second is not None:
                raise LoadError([second])
            return root
        else:
            continue
        if documents > 1:
            continue  # the second document is only checked, never built
        if not stack:
            root = node
            continue
        frame = stack[-1]
        items = frame[1]
        if items.__class__ is list:
            items.append(node)
        elif frame[2] is None:
            frame[2] = node
        else:
            key, frame[2] = frame[2], None
            if key.tag == "str" and key.value not in items:
                key.value = keys.setdefault(key.value, key.value)
                items[key.value] = (key, node)
            else:
                add_pair(items, key, node, shown, problems)


def refuse_anchor_and_tag(event: yaml.NodeEvent, shown: str, line: int, col: int, refused: list[Problem]) -> None:
    if event.anchor is not None:
        refused.append(Problem(shown, line, col, f"YAML anchor &{event.anchor} is not supported; "
                                                 "expected the value written out in full where it is used"))
    if event.tag is not None:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        refused.append(Problem(shown, line, col, f"YAML tag {tag} is not supported; expected a plain "
                                                 "value (put text in quotes instead of tagging it)"))


def add_pair(mapping: dict, key: Node, value: Node, shown: str, problems: list[Problem]) -> None:
    if key.kind != "scalar" or key.tag == "null":
        problems.append(Problem(shown, key.line, key.col, f"a key must be a plain word; got {key.describe()}"))
        return
    if key.tag == "merge":  # composing keeps '<<' as a key; its meaning would be lost silently
        problems.append(Problem(shown, key.line, key.col,
                                "YAML merge keys (<<) are not supported; expected the keys written out in full"))
        return
    name = str(key.value)
    if name in mapping:
        first = mapping[name][0]
        problems.append(Problem(shown, key.line, key.col,
                                f"duplicate key {name!r} (first at line {first.line}); expected each key once"))
        return
    mapping[name] = (key, value)


def load_yaml_file(path: Path, shown: str) -> tuple[Node | None, list[Problem], bytes]:
    data, hidden = read_source(path, shown)
    try:
        root, problems = parse_yaml(data, shown)
    except LoadError as exc:
        raise LoadError(hidden + exc.problems)
    return root, hidden + problems, data

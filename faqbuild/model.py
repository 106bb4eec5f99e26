"""The model: frozen dataclasses that the validators build and the renderers
read. Nothing here parses or renders; paths and anchors are in urls.py.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from .text import whole_word_in
from .vocabulary import DEADLINE_GROUP, DEADLINE_KINDS, NAMED_SECTIONS, ROLE_LINE_LABELS


@dataclass(frozen=True)
class Problem:
    """One error or warning, located in an input file."""
    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


@dataclass(frozen=True)
class Signer:
    on_behalf: str
    title: str
    name: str


@dataclass(frozen=True)
class Section:
    plan: str
    id: str
    number: str       # numbering as printed ("1.1."), "" for named parts
    title: str        # "" when the section has none
    paragraphs: tuple[str, ...]
    depth: int        # 1 for I, II, named parts; 2 for I.1; 3 for II.1.1
    line: int = dataclasses.field(default=1, compare=False)  # in the plan file
    col: int = dataclasses.field(default=1, compare=False)

    @property
    def numbered(self) -> bool:
        return self.id not in NAMED_SECTIONS

    @property
    def label(self) -> str:
        """How a citation names the section: "mục II.1.1" or "phần Nơi nhận"."""
        return NAMED_SECTIONS.get(self.id, f"mục {self.id}")

    @functools.cached_property
    def role_lines(self) -> list[tuple[str, str]]:
        """(role, rest of line) for each "Trách nhiệm …:" line of the section."""
        lines = []
        for paragraph in [self.title, *self.paragraphs]:
            label, sep, rest = paragraph.partition(":")
            if sep and label.strip().lower() in ROLE_LINE_LABELS:
                lines.append((ROLE_LINE_LABELS[label.strip().lower()], rest))
        return lines


@dataclass(frozen=True)
class Repair:
    section: str
    printed: str
    repaired: str
    note: str


@dataclass(frozen=True)
class Slip:
    section: str
    text: str
    note: str


@dataclass(frozen=True)
class Plan:
    id: str
    source: str
    short_name: str
    document_type: str
    title: str
    issuer: str | None
    party: str | None
    number: str | None
    place_date: str | None
    handwritten: str | None
    notice: str | None      # a restriction the plan prints in its running footer, as printed
    signer: Signer
    recipients: tuple[str, ...]
    sections: tuple[Section, ...]
    repairs: tuple[Repair, ...]
    slips: tuple[Slip, ...]

    def section(self, section_id: str) -> Section | None:
        return self.section_index.get(section_id)

    @functools.cached_property
    def section_index(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}

    def leaves(self) -> tuple[Section, ...]:
        """Numbered sections with text of their own: what coverage counts."""
        return tuple(s for s in self.sections if s.numbered and s.paragraphs)

    # section id -> its citable text (what quotes are checked against), from plans.citable_text
    texts: dict[str, str] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    def text_of(self, section_id: str) -> str:
        return self.texts[section_id]


@dataclass(frozen=True)
class Citation:
    plan: str
    section: str
    quote: str | None  # as checked against the plan and shown: whitespace collapsed, NFC


@dataclass(frozen=True)
class BodyRole:
    body: str
    role: str
    plan: str


@dataclass(frozen=True)
class Deadline:
    plan: str
    wording: str
    kind: str
    month: str | None = None     # "2025-08"
    quarter: str | None = None   # "2025-Q4"
    start: int | None = None     # years
    end: int | None = None

    def sort_key(self) -> tuple:
        group = DEADLINE_GROUP[self.kind]
        if self.kind == "month":
            year, month = self.month.split("-")
            return (group, int(year), int(month), int(year), int(month))
        if self.kind == "quarter":
            year, q = self.quarter.split("-Q")
            return (group, int(year), int(q) * 3, int(year), int(q) * 3 - 2)
        if self.kind == "years":
            return (group, self.end, 12, self.start, 1)
        order = list(DEADLINE_KINDS).index(self.kind)
        return (group, order, 0, 0, 0)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: str
    topic: str
    citations: tuple[Citation, ...]
    bodies: tuple[BodyRole, ...]
    deadline: Deadline | None
    line: int
    answer_html: str = ""                 # the answer through sanitize.py; site links as written
    links: tuple[str, ...] = ()           # the answer's link targets, as the Markdown output holds them
    also_asked: tuple[str, ...] = ()      # readers' own wordings of the question, for the search only


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    short: str
    aliases: tuple[str, ...]

    def named_in(self, text: str) -> bool:
        """Whether one of the body's names stands in the text as whole words, in
        any case: "btgdv" is not in "btgdvtw". String search, not a regex: a
        case-insensitive pattern per body took 10 ms to compile, most of a check."""
        text = text.lower()
        return any(whole_word_in(name.lower(), text) for name in (self.name, *self.aliases))


@dataclass(frozen=True)
class Moved:
    """A published id that no longer names a question: where it went, or why not."""
    id: str
    moved_to: str | None    # the id of the question that now answers it
    retired: str | None     # the reason it was dropped on purpose


@dataclass(frozen=True)
class Change:
    """One entry of the change log: readers link answers from their own documents,
    so a corrected answer says when it changed and how."""
    date: str               # "2026-12-01", as written in the log (never the build's clock)
    ids: tuple[str, ...]    # the questions it changed
    what: str               # what changed, in Vietnamese

    @property
    def shown_date(self) -> str:
        year, month, day = self.date.split("-")
        return f"{day}/{month}/{year}"


@dataclass(frozen=True)
class Faq:
    questions: tuple[Question, ...]
    bodies: tuple[Body, ...]
    glossary: tuple[tuple[str, str], ...]   # (abbreviation, expansion)
    moved: tuple[Moved, ...] = ()
    published: tuple[tuple[str, str], ...] = ()   # (id, page) ever published
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (plan term, readers' words)
    register: "Register" = dataclasses.field(default_factory=lambda: Register())  # plans/duties/
    changes: tuple[Change, ...] = ()              # the change log, newest first

    def last_change(self, qid: str) -> Change | None:
        return self._last_changes.get(qid)

    @functools.cached_property
    def _last_changes(self) -> dict[str, Change]:
        latest: dict[str, Change] = {}
        for change in self.changes:  # newest first: the first entry naming an id is its latest
            for qid in change.ids:
                latest.setdefault(qid, change)
        return latest

    @functools.cached_property
    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @functools.cached_property
    def _moves(self) -> dict[str, Moved]:
        return {m.id: m for m in self.moved}

    def resolve(self, qid: str) -> Question | None:
        """The question an id leads to now, following recorded moves."""
        seen = set()
        while qid not in self._by_id and qid in self._moves and qid not in seen:
            seen.add(qid)
            qid = self._moves[qid].moved_to or ""
        return self._by_id.get(qid)


@dataclass(frozen=True)
class DutyBody:
    body: str
    role: str
    as_printed: str                  # the section's own words for the body
    with_bodies: tuple[str, ...] = ()
    line: int = dataclasses.field(default=1, compare=False)  # of its role, in the register file
    col: int = dataclasses.field(default=1, compare=False)


@dataclass(frozen=True)
class Report:
    to: tuple[str, ...]              # () when the text names no recipient
    via: str | None = None
    frequency: str | None = None     # verbatim


@dataclass(frozen=True)
class Duty:
    """One entry of the register: a duty in the plan's words, who, in which role, by when."""
    plan: str
    id: str                          # "II.1.1", "III.1-a": unique within the plan
    section: str
    text: str
    bodies: tuple[DutyBody, ...]
    time: Deadline | None
    report: Report | None
    note: str

    @property
    def key(self) -> str:
        return f"{self.plan}/{self.id}"

    def sort_key(self) -> tuple:
        return self.time.sort_key() if self.time else (9,)


@dataclass(frozen=True)
class Relation:
    plan: str
    body: str
    printed_under: str | None
    section: str
    evidence: str
    note: str


@dataclass(frozen=True)
class Group:
    """A readers' page gathering the duties of several bodies, each marked as printed."""
    id: str
    name: str
    members: tuple[str, ...]
    aliases: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Register:
    duties: tuple[Duty, ...] = ()
    relations: tuple[Relation, ...] = ()
    groups: tuple[Group, ...] = ()
    names: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (body or group id, readers' names)

    def of_body(self, body_id: str) -> list[tuple[Duty, DutyBody]]:
        return self._by_body.get(body_id, [])

    @functools.cached_property
    def _by_body(self) -> dict[str, list[tuple[Duty, DutyBody]]]:
        out: dict[str, list[tuple[Duty, DutyBody]]] = {}
        for d in self.duties:
            for b in d.bodies:
                out.setdefault(b.body, []).append((d, b))
        return out

    @functools.cached_property
    def by_section(self) -> dict[tuple[str, str], list[Duty]]:
        out: dict[tuple[str, str], list[Duty]] = {}
        for d in self.duties:
            out.setdefault((d.plan, d.section), []).append(d)
        return out

    def reader_names(self, page_id: str) -> tuple[str, ...]:
        return dict(self.names).get(page_id, ())

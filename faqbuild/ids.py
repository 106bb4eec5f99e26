"""Stable ids: faq-ids.txt records every answer id ever published, and a
build fails when one would stop leading somewhere; `moved:` in faq.yml says
where an id went, or why it was retired.
"""

from __future__ import annotations

from pathlib import Path
from collections.abc import Iterator

from .checker import Checker
from .loader import Node
from .model import Faq, Moved, Problem
from .shapes import MOVED
from .urls import question_page
from .vocabulary import GENERATED_MARK, ID_RE


PUBLISHED_IDS_NAME = "faq-ids.txt"   # beside faq.yml; maintained by the build, committed
PUBLISHED_HEADER = (
    "# Every answer id ever published, with the page it was published on.\n"
    f"# {GENERATED_MARK}, but commit it: a build that would drop one of these ids\n"
    "# fails unless faq.yml records it under `moved:` (moved_to or retired).\n")


def validate_moved(check: Checker, items: dict, question_ids: set[str]) -> Iterator[Moved]:
    """`moved:` records published ids that no longer name a question."""
    entries: dict[str, tuple[Node, str | None, str | None]] = {}
    for node in check.seq(items, "moved", "faq.yml", required=False):
        m = check.mapping(node, "moved", MOVED)
        if m is None:
            continue
        mid = check.text(m, "id", "moved")
        moved_to = check.text(m, "moved_to", f"moved {mid!r}", required=False) if "moved_to" in m else None
        retired = check.text(m, "retired", f"moved {mid!r}", required=False) if "retired" in m else None
        if mid is None:
            continue
        where = f"moved {mid!r}"
        # The id names a file under cau-hoi/: "../x" would be written outside docs/.
        bad = [k for k, v in (("id", mid), ("moved_to", moved_to)) if v is not None
               and not check.slug(m[k][1], where, k, v)]
        if bad:
            continue
        if ("moved_to" in m) == ("retired" in m):
            check.add(node, f"{where}: expected exactly one of 'moved_to' (the id that answers it now) "
                            "or 'retired' (why it was dropped)")
            continue
        if mid in question_ids:
            check.add(m["id"][1], f"{where}: is still a question's id; expected an id that no longer "
                                  "names a question (remove this entry)")
            continue
        if mid in entries:
            check.add(m["id"][1], f"{where}: recorded twice (first at line {entries[mid][0].line}); "
                                  "expected each id once")
            continue
        entries[mid] = (m["id"][1], moved_to, retired)
    # Where each chain of moves ends, recorded for every entry walked, so that
    # a long chain is walked once: walking it from each entry was quadratic
    # (10,000 chained moves took a minute).
    ends: dict[str, str | None] = {}
    for start in entries:
        walk: dict[str, None] = {}
        target: str | None = start
        while target in entries and target not in ends and target not in walk:
            walk[target] = None
            target = entries[target][1]
        end = ends.get(target, target) if target is not None else None
        for walked in walk:
            ends[walked] = end  # a cycle ends on an entry, which is no question
    for mid, (node, moved_to, retired) in entries.items():
        target = ends[mid]
        if moved_to is not None and target not in question_ids:
            check.add(node, f"moved {mid!r}: moved_to {moved_to!r} leads to no question; "
                            f"expected the id of a question in faq.yml")
            continue
        yield Moved(mid, moved_to, retired)


def load_published(path: Path, shown: str) -> tuple[list[tuple[str, str, int]], list[Problem]]:
    """The ids ever published: (id, page, line). A missing file is an empty history."""
    if not path.exists():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(shown, 1, 1, f"cannot read the published ids ({exc}); expected UTF-8 text")]
    entries, problems = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2 or not ID_RE.match(parts[0]):
            problems.append(Problem(shown, number, 1, f"expected 'id page' on each line; got {line!r}"))
            continue
        entries.append((parts[0], parts[1], number))
    return entries, problems


def check_published(check: Checker, faq: Faq, published: list[tuple[str, str, int]]) -> bool:
    """A published id must still lead somewhere: links in other documents depend on it."""
    before = len(check.problems)
    known = {q.id for q in faq.questions} | {m.id for m in faq.moved}
    reported = set()
    for qid, _, line in published:
        if qid not in known and qid not in reported:
            reported.add(qid)
            check.add_at(line, 1,
                         f"published id {qid!r} is no longer in faq.yml, so links to it would break; "
                          f"expected the question back under that id, or an entry under 'moved:' in faq.yml: "
                          f"{{id: {qid}, moved_to: <id of the question that answers it now>}} or "
                          f"{{id: {qid}, retired: \"<why it was dropped>\"}}")
    return len(check.problems) == before


def render_published(faq: Faq, published: list[tuple[str, str, int]]) -> str:
    """The published-ids file after this build: history plus every current id."""
    pairs = {(qid, page) for qid, page, _ in published}
    pairs |= {(q.id, question_page(q)) for q in faq.questions}
    return PUBLISHED_HEADER + "".join(f"{qid} {page}\n" for qid, page in sorted(pairs))


def published_path(faq_path: Path) -> Path:
    return faq_path.parent / PUBLISHED_IDS_NAME

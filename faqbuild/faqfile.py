"""Validating faq.yml: located nodes -> the Faq model. The registry of
bodies, the glossary, every question (questions.py), the links between
answers and pages, and the published ids' moves (ids.py).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from collections.abc import Callable, Iterator

from .checker import Checker, load_checked, scalar_id
from .ids import validate_moved
from .loader import Node
from .model import Body, Change, Faq, Plan, Problem, Question
from .questions import validate_question, wording_key
from .rules import URL_SCHEME_RE, locate
from .sanitize import decoded
from .shapes import BODY, CHANGE, FAQ
from .text import expected_one_of, fold_key
from .urls import question_page, site_pages


def load_faq(path: Path, shown: str, plans: dict[str, Plan],
             then: Callable[[Checker, dict, list[Question], list[Body]], None] | None = None
             ) -> tuple[Faq | None, list[Problem]]:
    """Load faq.yml and check it against the plans; `then` checks more (the
    register of duties, build.py) with the located nodes, when all else passed."""
    root, check = load_checked(path, shown, "file has no content; expected a mapping with "
                                            "'bodies', 'glossary' and 'questions'")
    if root is None:
        return None, check.problems
    items = check.mapping(root, "faq.yml", FAQ)
    if items is None:
        return None, check.problems
    bodies = list(validate_bodies(check, items))
    glossary = list(validate_glossary(check, items))
    synonyms = list(validate_synonyms(check, items))
    body_ids = {b.id: b for b in bodies}
    questions: list[Question] = []
    seen_ids: dict[str, Node] = {}
    seen_asked: dict[str, tuple[str, Node]] = {}
    shared_glossary = tuple(glossary)  # one object for every answer's rendering (and its cache key)
    question_nodes = check.seq(items, "questions", "faq.yml")
    for node in question_nodes:
        question = validate_question(check, node, plans, body_ids, shared_glossary, seen_ids, seen_asked)
        if question is not None:
            questions.append(question)
    check_answer_links(check, questions, items, plans, bodies)
    check_asked_titles(check, question_nodes, seen_asked)
    moved = list(validate_moved(check, items, {q.id for q in questions} | set(seen_ids)))
    changes = validate_changes(check, items, set(seen_ids) | {m.id for m in moved})
    if then is not None and not check.problems:
        then(check, items, questions, bodies)
    if check.problems:
        return None, check.problems
    return Faq(tuple(questions), tuple(bodies), tuple(glossary), tuple(moved), changes=changes,
               synonyms=tuple(synonyms)), []


def check_asked_titles(check: Checker, nodes: list[Node], seen_asked: dict[str, tuple[str, Node]]) -> None:
    """A reader's wording that is another question's title leads to that
    question, not to the one that lists it. Titles as written, so that a
    question with problems of its own still counts."""
    titles = {}
    for node in nodes:
        items = node.value if node.kind == "map" else {}
        title, qid = (items.get(k, (None, None))[1] for k in ("question", "id"))
        if title is not None and title.kind == "scalar" and isinstance(title.value, str):
            titles.setdefault(wording_key(title.value), str(qid.value) if qid is not None else "")
    for key, (qid, node) in seen_asked.items():
        other = titles.get(key)
        if other is not None and other != qid:
            check.add(node, f"question {qid!r}: also_asked: {node.value!r} is the question of {other!r}; "
                            "expected a wording that leads to this answer only")


def validate_changes(check: Checker, items: dict, known_ids: set[str]) -> tuple[Change, ...]:
    """`changes:` is the change log, an entry per correction; the site lists it
    newest first, and each answer shows the date it last changed."""
    changes = []
    for node in check.seq(items, "changes", "faq.yml", required=False):
        c = check.mapping(node, "changes[]", CHANGE)
        if c is None:
            continue
        date = scalar_id(check, c, "date", "changes[]", '"2026-12-01"')
        if date is not None and not valid_date(date):
            check.add(c["date"][1], f"changes[]: date {date!r} is not a day; expected \"YYYY-MM-DD\" "
                                    "such as \"2026-12-01\"")
            date = None
        ids = []
        for id_node in check.seq(c, "ids", "changes[]"):
            qid = str(id_node.value) if id_node.kind == "scalar" and id_node.tag == "str" else None
            if qid is None:
                check.add(id_node, f"changes[]: ids: expected a question's id; got {id_node.describe()}")
            elif qid not in known_ids:
                check.add(id_node, f"changes[]: unknown question id {qid!r}; "
                                   f"{expected_one_of(qid, sorted(known_ids))}")
            else:
                ids.append(qid)
        what = check.text(c, "what", "changes[]")
        if date and ids and what and "ids" in c and len(ids) == len(c["ids"][1].value):
            changes.append(Change(date, tuple(ids), what))
    return tuple(sorted(changes, key=lambda ch: ch.date, reverse=True))  # stable: same day keeps file order


def valid_date(text: str) -> bool:
    try:
        return datetime.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def check_answer_links(check: Checker, questions: list[Question], items: dict,
                       plans: dict[str, Plan], bodies: list[Body]) -> bool:
    """Site-relative links in answers must reach a page and anchor that exist."""
    before = len(check.problems)
    pages = site_pages(plans, questions, [b.id for b in bodies])
    nodes = {}
    for node in items["questions"][1].value if "questions" in items and items["questions"][1].kind == "seq" else []:
        if node.kind == "map" and "id" in node.value and "answer" in node.value \
                and node.value["id"][1].tag == "str":  # `id: 12` must not shadow a later `id: "12"`
            nodes.setdefault(str(node.value["id"][1].value), node.value["answer"][1])
    for q in questions:
        for written in q.links:  # inline, reference-style, nested: every link Markdown made
            target = decoded(written)
            if URL_SCHEME_RE.match(target) or target.startswith("//"):
                continue  # rules.check_markdown allows https: only
            path, _, anchor = target.lstrip("/").partition("#")
            path = path or question_page(q)
            where = f"question {q.id!r}: answer"
            if path not in pages:
                check.add_inside(nodes[q.id], q.answer, locate(q.answer, written),
                                 f"{where}: link to {target!r} reaches no page; expected a path from the "
                                 f"site root such as \"ke-hoach/002.md#muc-ii-1-1\" or \"chu-de/nhiem-vu.md\"")
            elif anchor and anchor not in pages[path]:
                check.add_inside(nodes[q.id], q.answer, locate(q.answer, written),
                                 f"{where}: link to {target!r}: page {path!r} has no anchor {anchor!r}; "
                                 + (expected_one_of(anchor, sorted(pages[path])) if pages[path] else
                                    "expected a link to the page without '#…', since it has no anchors"))
    return len(check.problems) == before


def validate_bodies(check: Checker, items: dict) -> Iterator[Body]:
    for bid, (key, value) in check.entries(items, "bodies", "body ids to bodies").items():
        where = f"body {bid!r}"
        check.slug(key, where, "id", bid)
        b = check.mapping(value, where, BODY)
        if b is None:
            continue
        name = check.text(b, "name", where, single_line=True)
        short = check.text(b, "short", where, required=False, single_line=True)
        aliases = []
        for alias in check.seq(b, "aliases", where, required=False):
            if alias.kind == "scalar" and alias.tag == "str" and str(alias.value).strip():
                aliases.append(str(alias.value))
            else:
                check.add(alias, f"{where}.aliases: expected text; got {alias.describe()}")
        if name:
            yield Body(bid, name, short or name, tuple(aliases))


def validate_glossary(check: Checker, items: dict) -> Iterator[tuple[str, str]]:
    for abbr, (key, value) in check.entries(items, "glossary", "abbreviations to their meaning").items():
        if value.kind != "scalar" or value.tag != "str" or not str(value.value).strip():
            check.add(value, f"glossary {abbr!r}: expected its meaning as text; got {value.describe()}")
            continue
        if not abbr.strip() or any(c in abbr for c in "[]*\n<>"):
            check.add(key, f"glossary: {abbr!r} cannot be an abbreviation; expected letters such as \"MTTQ\"")
            continue
        meaning = str(value.value)
        if re.search(r"[<>&\n]", meaning):
            # The theme's tooltips render an abbreviation's title as HTML, entities included.
            check.add(value, f"glossary {abbr!r}: the meaning contains '<', '>', '&' or a line break; "
                             "expected plain words on one line (write 'và' for '&')")
            continue
        yield abbr, meaning


# A search term or a reader's word: Vietnamese words (letters, digits), one
# space between them. The search matches them word by word, folded.
SEARCH_WORDS = re.compile(r"[^\W_]+(?: [^\W_]+)*")


def validate_synonyms(check: Checker, items: dict) -> Iterator[tuple[str, tuple[str, ...]]]:
    """`synonyms:` maps a term of the plans to the words readers use for it;
    the search adds the term where a query has one of the words."""
    seen: dict[tuple[str, str], Node] = {}
    for term, (key, value) in check.entries(items, "synonyms", "a plan's term to readers' words").items():
        if not SEARCH_WORDS.fullmatch(term):
            check.add(key, f"synonyms: {term!r} is not a search term; expected words separated by "
                           "single spaces, such as \"kinh phí\"")
            continue
        if value.kind != "seq" or not value.value:
            got = "an empty list" if value.kind == "seq" else value.describe()
            check.add(value, f"synonyms {term!r}: expected a list of readers' words; got {got}")
            continue
        words = []
        for word in value.value:
            text = str(word.value) if word.kind == "scalar" and word.tag == "str" else None
            if text is None or not SEARCH_WORDS.fullmatch(text):
                check.add(word, f"synonyms {term!r}: expected words separated by single spaces, such as "
                                f"\"ngân sách\"; got {word.describe() if text is None else repr(text)}")
                continue
            folded = (fold_key(term), fold_key(text))
            # The same word folded is the term itself, unless it has marks of
            # its own: a reader who types "hàng năm" with its marks does not
            # find "hằng năm" (the search takes marks typed as meant).
            if folded[0] == folded[1] and (folded[1] == text.lower() or text.lower() == term.lower()):
                check.add(word, f"synonyms {term!r}: {text!r} is the term itself; expected another word for it")
                continue
            if folded in seen:
                check.add(word, f"synonyms {term!r}: {text!r} is listed twice; expected each word once")
                continue
            seen[folded] = word
            words.append(text)
        if words:
            yield term, tuple(words)


def coverage(plans: dict[str, Plan], faq: Faq) -> dict[str, tuple[list[str], list[str]]]:
    """Per plan: (cited leaf sections, uncited leaf sections)."""
    cited = {(c.plan, c.section) for q in faq.questions for c in q.citations}
    result = {}
    for pid, plan in sorted(plans.items()):
        leaves = [s.id for s in plan.leaves()]
        # Only a direct citation counts: citing "II" says nothing about II.3.5.
        hit = [s for s in leaves if (pid, s) in cited]
        result[pid] = (hit, [s for s in leaves if s not in hit])
    return result

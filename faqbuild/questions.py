"""Validating one question: its fields, its citations (every quote verbatim
in its section), and its facets (bodies and roles as the cited sections
print them, deadlines whose wording and structured form agree).
"""

from __future__ import annotations

import difflib
import re

from .checker import Checker, scalar_id
from .loader import Node
from .model import Body, BodyRole, Citation, Deadline, Plan, Question, Section
from .rules import check_markdown
from .sanitize import render_answer
from .shapes import BODY_ROLE, CITATION, DEADLINE, QUESTION
from .text import expected_one_of, fold_key, norm_space, shorten
from .vocabulary import (
    DEADLINE_KINDS,
    DEADLINE_WORDS,
    ID_RE,
    MAX_ALSO_ASKED,
    MAX_ASKED_CHARS,
    MAX_ID_CHARS,
    MONTH_RE,
    QUARTER_RE,
    QUARTER_ROMAN,
    ROLES,
    TOPICS,
)


def validate_question(check: Checker, node: Node, plans: dict[str, Plan], bodies: dict[str, Body],
                      glossary: tuple[tuple[str, str], ...], seen_ids: dict[str, Node],
                      seen_asked: dict[str, tuple[str, Node]]) -> Question | None:
    if node.kind != "map":
        check.add(node, f"questions: expected each question as a mapping; got {node.describe()}")
        return None
    items = node.value
    qid = None
    if "id" in items:
        qid = check.text(items, "id", f"question at line {node.line}")
    where = f"question {qid if len(qid) <= 60 else qid[:59] + '…'!r}" if qid else f"question at line {node.line}"
    before = len(check.problems)
    check.mapping(node, where, QUESTION)
    if qid is not None:
        id_node = items["id"][1]
        if check.slug(id_node, where, "id", qid) and qid in seen_ids:
            check.add(id_node, f"{where}: duplicate id (first at line {seen_ids[qid].line}); "
                               "expected every id once")
        elif ID_RE.fullmatch(qid) and len(qid) <= MAX_ID_CHARS:
            seen_ids[qid] = id_node
    text = check.text(items, "question", where, single_line=True)
    answer = check.text(items, "answer", where)
    rendered = None
    if answer is not None:
        rendered = render_answer(answer, glossary)
        check_markdown(check, items["answer"][1], f"{where}: answer", answer, rendered)
    topic = check.text(items, "topic", where)
    if topic is not None and topic not in TOPICS:
        check.add(items["topic"][1], f"{where}: unknown topic {topic!r}; {expected_one_of(topic, TOPICS)}")
    citations = []
    for c_node in check.seq(items, "citations", where):
        citation = validate_citation(check, c_node, where, plans)
        if citation is not None:
            citations.append(citation)
    cited_plans = sorted({c.plan for c in citations})
    body_roles = []
    for b_node in check.seq(items, "bodies", where, required=False):
        body_role = validate_body_role(check, b_node, where, bodies, cited_plans, citations, plans)
        if body_role is None:
            continue
        twin = next((b for b in body_roles if (b.body, b.plan) == (body_role.body, body_role.plan)), None)
        if twin is not None:
            check.add(b_node, f"{where}: body {body_role.body!r} is listed twice for plan {body_role.plan!r}; "
                              "expected each body once per plan (split the question if it has two roles)")
            continue
        body_roles.append(body_role)
    deadline = None
    if "deadline" in items:
        deadline = validate_deadline(check, items["deadline"][1], where, cited_plans, citations, plans)
    also_asked = validate_also_asked(check, items, where, qid, text, seen_asked)
    if len(check.problems) > before or None in (qid, text, answer, topic) or not citations:
        return None
    return Question(qid, text, answer, topic, tuple(citations), tuple(body_roles),  # type: ignore[arg-type]
                    deadline, node.line, rendered.html, rendered.links, also_asked)


# A reader's wording: words of letters and digits, one space (or ", ") between
# them, "/" "-" "." inside a word ("47-CT/TW", "8/2025"), an optional "?".
ASKED_RE = re.compile(r"[^\W_]+(?:(?:, | |[-/.])[^\W_]+)*\??")


def wording_key(text: str) -> str:
    """A wording or a question's title as the search sees it: folded, without
    its question mark."""
    return fold_key(text).rstrip("?").strip()


def validate_also_asked(check: Checker, items: dict, where: str, qid: str | None, question: str | None,
                        seen: dict[str, tuple[str, Node]]) -> tuple[str, ...]:
    """`also_asked:` lists how readers word this question in a search box, in
    their own words; the search finds the answer by them, and no page shows
    them. Each wording leads to one answer: the same wording (folded) under two
    questions is an error, as is the question's own title."""
    nodes = check.seq(items, "also_asked", where, required=False)
    if len(nodes) > MAX_ALSO_ASKED:
        check.add(items["also_asked"][1], f"{where}: also_asked has {len(nodes)} wordings; expected at most "
                                          f"{MAX_ALSO_ASKED}, the ones readers type most")
    own = wording_key(question) if question else None
    out = []
    for node in nodes:
        text = str(node.value) if node.kind == "scalar" and node.tag == "str" else None
        shown = node.describe() if text is None else repr(text if len(text) <= 60 else text[:59] + "…")
        if text is None or len(text) > MAX_ASKED_CHARS or not ASKED_RE.fullmatch(text) or " " not in text:
            why = (f"longer than {MAX_ASKED_CHARS} characters" if text is not None and len(text) > MAX_ASKED_CHARS
                   else f"a single word, {shown}" if text is not None and ASKED_RE.fullmatch(text)
                   else f"got {shown}")
            check.add(node, f"{where}: also_asked: expected a wording as a reader types it, two words or more "
                            f"separated by single spaces, such as \"xã phải làm gì trước\"; {why}")
            continue
        key = wording_key(text)
        if key == own:
            check.add(node, f"{where}: also_asked: {text!r} is the question itself; expected another wording")
            continue
        if key in seen:
            other, first = seen[key]
            place = "listed twice here" if other == qid else f"already asked for {other!r} (line {first.line})"
            check.add(node, f"{where}: also_asked: {text!r} is {place}; expected each wording to lead to one answer")
            continue
        seen[key] = (qid or "", node)
        out.append(text)
    return tuple(out)


def validate_citation(check: Checker, node: Node, where: str,
                      plans: dict[str, Plan]) -> Citation | None:
    c = check.mapping(node, f"{where}: citation", CITATION)
    if c is None:
        return None
    plan_id = scalar_id(check, c, "plan", f"{where}: citation", "\"002\"")
    section_id = scalar_id(check, c, "section", f"{where}: citation", "\"II.1.1\"")
    quote = check.text(c, "quote", f"{where}: citation", required=False) if "quote" in c else None
    if plan_id is None:
        return None
    plan = plans.get(plan_id)
    if plan is None:
        check.add(c["plan"][1], f"{where}: unknown plan {plan_id!r}; {expected_one_of(plan_id, sorted(plans))}")
        return None
    if section_id is None:
        return None
    section = plan.section(section_id)
    if section is None:
        ids = [s.id for s in plan.sections]
        check.add(c["section"][1], f"{where}: plan {plan_id!r} has no section {section_id!r}; "
                                   f"{expected_one_of(section_id, ids)}")
        return None
    if quote is not None:
        quote = norm_space(quote)
        if not check_quote(check, c["quote"][1], where, quote, plan.text_of(section.id), plan_id, section_id):
            return None
    return Citation(plan_id, section_id, quote)


def check_quote(check: Checker, node: Node, where: str, wanted: str, text: str, plan_id: str,
                section_id: str) -> bool:
    """The quote must stand in the section's text. `wanted` is the quote through
    norm_space: invisible characters, which load_yaml_file has reported, are
    dropped and whitespace collapsed."""
    problem = quote_problem(wanted, text, plan_id, section_id)
    if problem:
        check.add(node, f"{where}: {problem}")
    return problem is None


def quote_problem(wanted: str, text: str, plan_id: str, section_id: str) -> str | None:
    if not wanted:
        return "quote is empty; expected words copied from the plan, or no quote"
    if wanted in text:
        return None
    if len(wanted) > len(text):  # and the closest-text search below would cost len × len
        return (f"quote is {len(wanted)} characters long, longer than plan {plan_id!r} section "
                f"{section_id!r} ({len(text)}); expected words copied from the section")
    matcher = difflib.SequenceMatcher(None, text, wanted, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(wanted))
    start = max(0, block.a - block.b)
    nearest = text[start:start + len(wanted)]
    # Shortened to 80 characters, both texts can look the same: name the first
    # difference, since one diacritic or a straight quote is easy to miss.
    i = next((i for i, (a, b) in enumerate(zip(wanted, nearest)) if a != b), min(len(wanted), len(nearest)))
    got = f"{wanted[i]!r} (U+{ord(wanted[i]):04X})" if i < len(wanted) else "the end of the quote"
    has = f"{nearest[i]!r} (U+{ord(nearest[i]):04X})" if i < len(nearest) else "the end of the section"
    return (f"quote is not verbatim in plan {plan_id!r} section {section_id!r}; got {shorten(wanted, 80)!r}, "
            f"closest text there is {shorten(nearest, 80)!r} (first difference at character {i + 1} of the quote: "
            f"{got} where the plan has {has})")


def validate_body_role(check: Checker, node: Node, where: str, bodies: dict[str, Body],
                       cited_plans: list[str], citations: list[Citation],
                       plans: dict[str, Plan]) -> BodyRole | None:
    b = check.mapping(node, f"{where}: bodies[]", BODY_ROLE)
    if b is None:
        return None
    body_id = check.text(b, "body", f"{where}: bodies[]")
    role = check.text(b, "role", f"{where}: bodies[]")
    plan_id = scalar_id(check, b, "plan", f"{where}: bodies[]", "\"002\"") if "plan" in b else None
    ok = True
    if body_id is not None and body_id not in bodies:
        check.add(b["body"][1], f"{where}: unknown body {body_id!r}; {expected_one_of(body_id, sorted(bodies))} "
                                "(bodies are listed under 'bodies:' at the top of faq.yml)")
        ok = False
    if role is not None and role not in ROLES:
        check.add(b["role"][1], f"{where}: unknown role {role!r}; {expected_one_of(role, ROLES)}")
        ok = False
    plan_id = resolve_plan(check, b, node, where, "bodies[]", plan_id, cited_plans)
    if not ok or None in (body_id, role, plan_id):
        return None
    if not check_body_in_text(check, b["body"][1], where, bodies[body_id], role, [
            (plans[c.plan], plans[c.plan].section(c.section)) for c in citations if c.plan == plan_id]):
        return None
    return BodyRole(body_id, role, plan_id)  # type: ignore[arg-type]


def resolve_plan(check: Checker, items: dict, node: Node, where: str, field: str,
                 plan_id: str | None, cited_plans: list[str]) -> str | None:
    if plan_id is not None:
        if plan_id not in cited_plans:
            check.add(items["plan"][1], f"{where}: {field}.plan {plan_id!r} is not among the plans "
                                        f"this question cites ({', '.join(cited_plans) or 'none'}); "
                                        "expected one of those")
            return None
        return plan_id
    if len(cited_plans) == 1:
        return cited_plans[0]
    if len(cited_plans) > 1:
        check.add(node, f"{where}: {field} needs 'plan' because the question cites several plans "
                        f"({', '.join(cited_plans)}); expected plan: \"{cited_plans[0]}\" or similar")
    return None


def check_body_in_text(check: Checker, node: Node, where: str, body: Body, role: str,
                       cited: list[tuple[Plan, Section | None]]) -> bool:
    """A body and its role must be what one of the cited sections prints. A section
    with "Trách nhiệm …:" lines must name the body on a line of that role; any other
    section must name the body."""
    problem = body_problem(body, role, cited)
    if problem:
        check.add(node, f"{where}: {problem}")
    return problem is None


def body_problem(body: Body, role: str, cited: list[tuple[Plan, Section | None]]) -> str | None:
    said: list[str] = []
    for plan, section in cited:
        if section is None:
            continue
        role_lines = section.role_lines
        if role_lines:
            if any(r == role and body.named_in(rest) for r, rest in role_lines):
                return None
            said += [f"{section.id} {ROLES[r]}: {shorten(rest.strip(), 60)}" for r, rest in role_lines]
        elif body.named_in(plan.text_of(section.id)):
            return None
    if said:
        return (f"body {body.id!r} with role {role!r} is not what the cited sections print; "
                f"their role lines say: {'; '.join(said)}")
    return (f"body {body.id!r} ({body.name}) is not named in the cited sections; expected one of its names "
            f"there ({', '.join(repr(n) for n in (body.name, *body.aliases))}) — add an alias or fix the body")


def validate_deadline(check: Checker, node: Node, where: str, cited_plans: list[str],
                      citations: list[Citation], plans: dict[str, Plan]) -> Deadline | None:
    d = check.mapping(node, f"{where}: deadline", DEADLINE)
    if d is None:
        return None
    w = f"{where}: deadline"
    wording = check.text(d, "wording", w, single_line=True)
    kind = check.text(d, "kind", w)
    plan_id = scalar_id(check, d, "plan", w, "\"002\"") if "plan" in d else None
    plan_id = resolve_plan(check, d, node, where, "deadline", plan_id, cited_plans)
    if kind is not None and kind not in DEADLINE_KINDS:
        check.add(d["kind"][1], f"{w}: unknown kind {kind!r}; {expected_one_of(kind, DEADLINE_KINDS)}")
        return None
    if None in (wording, kind, plan_id):
        return None
    fields = {"month": None, "quarter": None, "start": None, "end": None}
    needs = {"month": ("month",), "quarter": ("quarter",), "years": ("from", "to")}.get(kind, ())
    for name in ("month", "quarter", "from", "to"):
        if name in d and name not in needs:
            check.add(d[name][0], f"{w}: {name!r} does not go with kind {kind!r}; expected "
                                  + (" and ".join(repr(n) for n in needs) + " only" if needs else "none of "
                                     "'month', 'quarter', 'from', 'to'"))
    examples = {"month": '"2025-08"', "quarter": '"2025-Q4"', "from": "2025", "to": "2028"}
    for name in needs:
        if name not in d:
            check.add(node, f"{w}: kind {kind!r} needs {name!r}; expected {name}: {examples[name]} or similar")
            return None
    low = norm_space(wording).lower()
    if kind == "month":
        month = check.text(d, "month", w)
        if month is None:  # check.text has said why
            return None
        m = MONTH_RE.fullmatch(month)
        if not m:
            check.add(d["month"][1], f"{w}: month: expected \"YYYY-MM\" such as \"2025-08\"")
            return None
        if f"{int(m.group(2))}/{m.group(1)}" not in low:
            check.add(d["month"][1], f"{w}: month {month!r} does not match the wording {wording!r}")
            return None
        fields["month"] = month
    elif kind == "quarter":
        quarter = check.text(d, "quarter", w)
        if quarter is None:
            return None
        m = QUARTER_RE.fullmatch(quarter)
        if not m:
            check.add(d["quarter"][1], f"{w}: quarter: expected \"YYYY-QN\" such as \"2025-Q4\"")
            return None
        if f"quý {QUARTER_ROMAN[int(m.group(2))].lower()}/{m.group(1)}" not in low:
            check.add(d["quarter"][1], f"{w}: quarter {quarter!r} does not match the wording {wording!r}")
            return None
        fields["quarter"] = quarter
    elif kind == "years":
        years = []
        for name in ("from", "to"):
            n = d[name][1]
            # YAML ints include 0x7E9, 1_000 and 20:25; a year is four digits as written.
            if n.kind != "scalar" or n.tag != "int" or not re.fullmatch(r"[0-9]{4}", str(n.value)) \
                    or not 1900 <= int(str(n.value)) <= 2200:
                check.add(n, f"{w}: {name}: expected a year such as 2025; got {n.describe()}")
                return None
            years.append(int(str(n.value)))
        if years[0] > years[1] or any(str(y) not in low for y in years):
            check.add(node, f"{w}: years {years[0]}–{years[1]} do not match the wording {wording!r}")
            return None
        fields["start"], fields["end"] = years
    elif kind in DEADLINE_WORDS and DEADLINE_WORDS[kind] not in low:
        check.add(d["kind"][1], f"{w}: kind {kind!r} expects the wording to say "
                                f"{DEADLINE_WORDS[kind]!r}; got {wording!r}")
        return None
    texts = [plans[c.plan].text_of(c.section)
             for c in citations if c.plan == plan_id]
    if not any(norm_space(wording) in t for t in texts):
        check.add(d["wording"][1], f"{w}: wording {wording!r} is not verbatim in the sections this "
                                   f"question cites in plan {plan_id!r}; expected the plan's own words")
        return None
    return Deadline(plan_id, wording, kind, **fields)  # type: ignore[arg-type]

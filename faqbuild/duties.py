"""The register of duties: plans/duties/<plan>.yml (who must do what, by when,
as the plan prints it) and plans/duties/groups.yml (readers' pages that gather
several bodies). Validated after faq.yml, whose `bodies:` is the one registry
of bodies, and before anything is rendered: every view of who does what
(checklists.py, calendar.py, timeline.py, exports.py) reads this model.

Checked against the plans: every duty's words, every body's printed words, every
time's wording and every relation's evidence stand verbatim in the section;
every "Trách nhiệm …:" line of a section is accounted for by the register, word
for word; and the answers' `bodies`/`deadline` facets agree with it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .checker import Checker, load_checked, scalar_id
from .loader import Node
from .model import Body, Citation, Deadline, Duty, DutyBody, Group, Plan, Problem, Register, Relation, Report
from .questions import quote_problem, validate_deadline
from .shapes import DUTY, DUTY_BODY, GROUP, GROUPS, REGISTER, RELATION, REPORT
from .text import expected_one_of, norm_space, shorten
from .vocabulary import ID_RE, ROLES


REGISTER_DIR = "duties"
GROUPS_FILE = "groups.yml"
DUTY_ID_RE = re.compile(DUTY.fields["id"].schema["pattern"])
# What may stand between the bodies of a role line once their printed names are taken out.
ROLE_LINE_GLUE = re.compile(r"^[\s,;.:và]*$")


def load_register(plans_dir: Path, shown_dir: str, plans: dict[str, Plan],
                  bodies: dict[str, Body]) -> tuple[Register | None, list[Problem]]:
    """Every plan's register, then the groups; None when there was a problem."""
    problems: list[Problem] = []
    duties: list[Duty] = []
    relations: list[Relation] = []
    for pid, plan in sorted(plans.items()):
        path = plans_dir / REGISTER_DIR / f"{pid}.yml"
        shown = f"{shown_dir}/{REGISTER_DIR}/{pid}.yml"
        if not path.is_file():
            problems.append(Problem(shown, 1, 1, f"missing register of duties for plan {pid!r}; expected a "
                                                 "file with 'plan' and 'duties' (README: The register of duties)"))
            continue
        found = load_plan_register(path, shown, plan, bodies)
        if isinstance(found, list):
            problems += found
            continue
        duties += found[0]
        relations += found[1]
        problems += check_role_lines(plans_dir, shown_dir, plan, found[0])
    groups, names = [], []
    path = plans_dir / REGISTER_DIR / GROUPS_FILE
    if path.is_file():
        found = load_groups(path, f"{shown_dir}/{REGISTER_DIR}/{GROUPS_FILE}", bodies)
        if isinstance(found, list):
            problems += found
        else:
            groups, names = found
    if problems:
        return None, problems
    return Register(tuple(duties), tuple(relations), tuple(groups), tuple(names)), []


def load_plan_register(path: Path, shown: str, plan: Plan, bodies: dict[str, Body]
                       ) -> tuple[list[Duty], list[Relation]] | list[Problem]:
    root, check = load_checked(path, shown, "file has no content; expected a mapping")
    if root is None:
        return check.problems
    items = check.mapping(root, "register", REGISTER)
    if items is None:
        return check.problems
    pid = scalar_id(check, items, "plan", "register", f"\"{plan.id}\"")
    if pid is not None and pid != plan.id:
        check.add(items["plan"][1], f"register: plan {pid!r} in the register of plan {plan.id!r}; "
                                    f"expected plan: \"{plan.id}\"")
    duties, seen = [], {}
    for node in check.seq(items, "duties", "register"):
        duty = validate_duty(check, node, plan, bodies, seen)
        if duty is not None:
            duties.append(duty)
    relations = []
    for node in check.seq(items, "relations", "register", required=False):
        relation = validate_relation(check, node, plan, bodies)
        if relation is not None:
            relations.append(relation)
    return check.problems or (duties, relations)


def known_body(check: Checker, node: Node, where: str, body_id: str | None, bodies: dict[str, Body]) -> bool:
    if body_id is None:
        return False
    if body_id not in bodies:
        check.add(node, f"{where}: unknown body {body_id!r}; {expected_one_of(body_id, sorted(bodies))} "
                        "(bodies are listed under 'bodies:' in faq.yml)")
        return False
    return True


def section_of(check: Checker, items: dict, where: str, plan: Plan):
    sid = scalar_id(check, items, "section", where, "\"II.1.1\"")
    if sid is None:
        return None
    section = plan.section(sid)
    if section is None:
        check.add(items["section"][1], f"{where}: plan {plan.id!r} has no section {sid!r}; "
                                       f"{expected_one_of(sid, [s.id for s in plan.sections])}")
    return section


def verbatim(check: Checker, items: dict, name: str, where: str, plan: Plan, section_id: str) -> str | None:
    """A text field whose words must stand in the section: normalised, or None (reported)."""
    value = check.text(items, name, where, single_line=True)
    if value is None:
        return None
    value = norm_space(value)
    problem = quote_problem(value, plan.text_of(section_id), plan.id, section_id)
    if problem:
        check.add(items[name][1], f"{where}: {name}: {problem.replace('quote', 'text', 1)}")
        return None
    return value


def validate_duty(check: Checker, node: Node, plan: Plan, bodies: dict[str, Body],
                  seen: dict[str, Node]) -> Duty | None:
    d = check.mapping(node, "duty", DUTY)
    if d is None:
        return None
    duty_id = scalar_id(check, d, "id", "duty", "\"III.1-a\"")
    where = f"duty {duty_id!r}" if duty_id else "duty"
    if duty_id is not None:
        if not DUTY_ID_RE.fullmatch(duty_id):
            check.add(d["id"][1], f"{where}: expected a section id and an optional letter, such as \"II.1.1\" "
                                  "or \"III.1-a\"")
        elif duty_id in seen:
            check.add(d["id"][1], f"{where}: duplicate id; first used on line {seen[duty_id].line}")
        else:
            seen[duty_id] = d["id"][1]
    section = section_of(check, d, where, plan)
    if section is None:
        return None
    text = verbatim(check, d, "duty", where, plan, section.id)
    duty_bodies = []
    for b_node in check.seq(d, "bodies", where):
        b = validate_duty_body(check, b_node, where, plan, section.id, bodies)
        if b is not None:
            duty_bodies.append(b)
    time = None
    if "deadline" in d:
        time = validate_time(check, d["deadline"][1], where, plan, section.id)
    report = validate_report(check, d["report"][1], where, plan, section.id, bodies) if "report" in d else None
    note = check.text(d, "note", where, required=False, single_line=True) or ""
    if None in (duty_id, text) or ("deadline" in d and time is None) or ("report" in d and report is None) \
            or len(duty_bodies) != len(d["bodies"][1].value if "bodies" in d and d["bodies"][1].kind == "seq" else []):
        return None
    return Duty(plan.id, duty_id, section.id, text, tuple(duty_bodies), time, report, norm_space(note))


def validate_duty_body(check: Checker, node: Node, where: str, plan: Plan, section_id: str,
                       bodies: dict[str, Body]) -> DutyBody | None:
    b = check.mapping(node, f"{where}: bodies[]", DUTY_BODY)
    if b is None:
        return None
    w = f"{where}: bodies[]"
    body_id = check.text(b, "body", w)
    role = check.text(b, "role", w)
    ok = known_body(check, b["body"][1], w, body_id, bodies) if "body" in b else False
    if role is not None and role not in ROLES:
        check.add(b["role"][1], f"{w}: unknown role {role!r}; {expected_one_of(role, ROLES)}")
        ok = False
    printed = verbatim(check, b, "as_printed", w, plan, section_id)
    others = []
    for other in check.seq(b, "with", w, required=False):
        oid = str(other.value) if other.kind == "scalar" else None
        if known_body(check, other, f"{w}.with", oid, bodies):
            others.append(oid)
    if not ok or role is None or printed is None:
        return None
    return DutyBody(body_id, role, printed, tuple(others), b["role"][1].line, b["role"][1].col)


def validate_time(check: Checker, node: Node, where: str, plan: Plan, section_id: str) -> Deadline | None:
    """The time as printed, verbatim in the section, and its sortable form, checked
    against the wording by the same rules (and messages) as an answer's deadline facet."""
    if node.kind == "map":
        if "plan" in node.value:
            check.add(node.value["plan"][0], f"{where}: deadline: 'plan' is the register's own; expected no "
                                             "'plan' here")
            return None
        wording = node.value.get("wording", (None, None))[1]
        if wording is not None and wording.kind == "scalar" and wording.tag == "str":
            problem = quote_problem(norm_space(str(wording.value)), plan.text_of(section_id), plan.id, section_id)
            if problem:
                check.add(wording, f"{where}: deadline: wording: {problem.replace('quote', 'text', 1)}")
                return None
    return validate_deadline(check, node, where, [plan.id], [Citation(plan.id, section_id, None)],
                             {plan.id: plan})


def validate_report(check: Checker, node: Node, where: str, plan: Plan, section_id: str,
                    bodies: dict[str, Body]) -> Report | None:
    r = check.mapping(node, f"{where}: report", REPORT)
    if r is None:
        return None
    w = f"{where}: report"
    ok = True
    to = []
    for n in check.seq(r, "to", w, required=False):
        bid = str(n.value) if n.kind == "scalar" else None
        if known_body(check, n, f"{w}.to", bid, bodies):
            to.append(bid)
        else:
            ok = False
    via = check.text(r, "via", w, required=False)
    if via is not None and not known_body(check, r["via"][1], f"{w}.via", via, bodies):
        ok = False
    frequency = verbatim(check, r, "frequency", w, plan, section_id) if "frequency" in r else None
    if not ok or ("frequency" in r and frequency is None):
        return None
    return Report(tuple(to), via, frequency)


def validate_relation(check: Checker, node: Node, plan: Plan, bodies: dict[str, Body]) -> Relation | None:
    r = check.mapping(node, "relation", RELATION)
    if r is None:
        return None
    body_id = check.text(r, "body", "relation")
    where = f"relation of {body_id!r}"
    ok = known_body(check, r["body"][1], where, body_id, bodies) if "body" in r else False
    under = None
    if "printed_under" in r and r["printed_under"][1].tag != "null":
        under = check.text(r, "printed_under", where)
        ok = known_body(check, r["printed_under"][1], where, under, bodies) and ok
    section = section_of(check, r, where, plan)
    if section is None:
        return None
    evidence = verbatim(check, r, "evidence", where, plan, section.id)
    note = check.text(r, "note", where, single_line=True)
    if not ok or evidence is None or note is None:
        return None
    return Relation(plan.id, body_id, under, section.id, evidence, norm_space(note))


def check_role_lines(plans_dir: Path, shown_dir: str, plan: Plan, duties: list[Duty]) -> list[Problem]:
    """Each "Trách nhiệm …:" line must be accounted for, word for word: once the
    printed names of the register's bodies with that role in that section are
    taken out of the line, only commas, semicolons and "và" may be left. And a
    body the register gives a role in such a section must stand on a line of that role."""
    shown = f"{shown_dir}/{plan.id}.yml"
    try:
        lines = (plans_dir / f"{plan.id}.yml").read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        lines = []
    problems = []
    for section in plan.sections:
        role_lines = section.role_lines
        if not role_lines:
            continue
        mine = [d for d in duties if d.section == section.id]
        for role, rest in role_lines:
            left = norm_space(rest)
            printed = sorted({b.as_printed for d in mine for b in d.bodies if b.role == role}, key=len, reverse=True)
            for name in printed:
                left = left.replace(name, " ")
            if not ROLE_LINE_GLUE.fullmatch(left):
                line, col = locate(lines, section.line, norm_space(rest).strip())
                missing = shorten(norm_space(left.strip(" ,;.")), 80)
                problems.append(Problem(shown, line, col,
                                        f"section {section.id!r}: role line '{ROLES[role]}' is not accounted for "
                                        f"by the register (plans/duties/{plan.id}.yml): no duty of this section "
                                        f"gives {missing!r} the role {role!r}; expected a duty whose bodies "
                                        f"include it with as_printed: {missing!r} and role: {role}"))
        for d in mine:
            for b in d.bodies:
                if not any(r == b.role and b.as_printed in norm_space(rest) for r, rest in role_lines):
                    problems.append(Problem(f"{shown_dir}/{REGISTER_DIR}/{plan.id}.yml", b.line, b.col,
                                            f"duty {d.id!r}: body {b.body!r} has role {b.role!r}, but no role "
                                            f"line of section {section.id!r} prints {b.as_printed!r} with that "
                                            f"role; expected {expected_roles(role_lines, b.as_printed)}"))
    return problems


def expected_roles(role_lines: list[tuple[str, str]], printed: str) -> str:
    roles = [r for r, rest in role_lines if printed in norm_space(rest)]
    return "role " + " or ".join(repr(r) for r in roles) if roles else "words from one of its role lines"


def locate(lines: list[str], start: int, needle: str) -> tuple[int, int]:
    """Line and column of `needle` in the plan file at or after the section's line."""
    for number in range(max(start, 1), len(lines) + 1):
        col = lines[number - 1].find(needle[:60]) if needle else -1
        if col >= 0:
            return number, col + 1
    return start, 1


def load_groups(path: Path, shown: str, bodies: dict[str, Body]
                ) -> tuple[list[Group], list[tuple[str, tuple[str, ...]]]] | list[Problem]:
    root, check = load_checked(path, shown, "file has no content; expected a mapping")
    if root is None:
        return check.problems
    items = check.mapping(root, "groups file", GROUPS)
    if items is None:
        return check.problems
    groups = []
    for node in check.seq(items, "groups", "groups file"):
        g = check.mapping(node, "group", GROUP)
        if g is None:
            continue
        gid = check.text(g, "id", "group")
        where = f"group {gid!r}"
        if gid is not None and (not ID_RE.fullmatch(gid) or gid in bodies):
            check.add(g["id"][1], f"{where}: expected a slug that is not a body's id (a group has its own page)")
        name = check.text(g, "name", where, single_line=True)
        note = check.text(g, "note", where, single_line=True)
        members = [str(m.value) for m in check.seq(g, "members", where)
                   if known_body(check, m, f"{where}.members", str(m.value) if m.kind == "scalar" else None, bodies)]
        aliases = [str(a.value) for a in check.seq(g, "aliases", where, required=False) if a.kind == "scalar"]
        if gid and name and note:
            groups.append(Group(gid, name, tuple(members), tuple(aliases), norm_space(note)))
    names = []
    pages = set(bodies) | {g.id for g in groups}
    for page_id, (key, value) in check.entries(items, "names", "body ids to names").items():
        if page_id not in pages:
            check.add(key, f"names: unknown body or group {page_id!r}; {expected_one_of(page_id, sorted(pages))}")
            continue
        if value.kind != "seq" or any(v.kind != "scalar" or v.tag != "str" for v in value.value):
            check.add(value, f"names {page_id!r}: expected a list of names")
            continue
        names.append((page_id, tuple(str(v.value) for v in value.value)))
    return check.problems or (groups, names)

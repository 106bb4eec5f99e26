"""Validating the plans: plans/*.yml -> Plan models, sections in document
order, and the citable text of every section (what quotes are checked
against).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from collections.abc import Iterator

from .checker import Checker, load_checked
from .loader import Node
from .model import Plan, Problem, Repair, Section, Signer, Slip
from .shapes import PLAN, REPAIR, SECTION, SIGNER, SLIP
from .text import norm_space
from .vocabulary import NAMED_SECTIONS, PLAN_ID_RE, SECTION_ID_RE


def load_plan(path: Path, shown: str) -> tuple[Plan | None, list[Problem]]:
    """Load and validate one plan file."""
    root, check = load_checked(path, shown, "file is empty; expected a plan")
    if root is None:
        return None, check.problems
    items = check.mapping(root, "plan", PLAN)
    if items is None:
        return None, check.problems
    plan_id = check.text(items, "id", "plan")
    if plan_id is not None and not PLAN_ID_RE.fullmatch(plan_id):
        check.add(items["id"][1], f"plan.id: got {plan_id!r}; expected three digits such as \"002\"")
    if plan_id is not None and plan_id != path.stem:
        check.add(items["id"][1], f"plan.id: got {plan_id!r}; expected {path.stem!r}, the file's name")
    signer = None
    if "signer" in items:
        signer_items = check.mapping(items["signer"][1], "plan.signer", SIGNER)
        if signer_items is not None:
            parts = [check.text(signer_items, k, "plan.signer") for k in ("on_behalf", "title", "name")]
            if all(parts):
                signer = Signer(*parts)  # type: ignore[arg-type]
    recipients = tuple(filter(None, (
        item.value if item.kind == "scalar" and item.tag == "str" and str(item.value).strip()
        else check.add(item, f"plan.recipients: expected text; got {item.describe()}")
        for item in check.seq(items, "recipients", "plan"))))
    sections = tuple(validate_sections(check, items, plan_id or path.stem))
    repairs = []
    for node in check.seq(items, "repairs", "plan", required=False):
        r = check.mapping(node, "plan.repairs[]", REPAIR)
        if r is None:
            continue
        values = [check.text(r, k, "plan.repairs[]", allow_empty=(k in ("printed", "repaired")))
                  for k in ("section", "printed", "repaired", "note")]
        if None not in values:
            repairs.append(Repair(*values))  # type: ignore[arg-type]
    slips = []
    for node in check.seq(items, "slips", "plan", required=False):
        s = check.mapping(node, "plan.slips[]", SLIP)
        if s is None:
            continue
        values = [check.text(s, k, "plan.slips[]") for k in ("section", "text", "note")]
        if None in values:
            continue
        slip = Slip(*values)  # type: ignore[arg-type]
        target = next((x for x in sections if x.id == slip.section), None)
        if slip.section != "noi-nhan" and (target is None or
                                           norm_space(slip.text) not in norm_space(" ".join(target.paragraphs))):
            check.add(s["text"][1], f"plan.slips[]: {slip.text!r} is not in section {slip.section!r}; "
                                    "expected the slip exactly as it stands there")
        slips.append(slip)
    if check.problems or signer is None:
        return None, check.problems
    plan = Plan(
        id=plan_id, source=check.text(items, "source", "plan") or "",  # type: ignore[arg-type]
        short_name=check.text(items, "short_name", "plan") or "",
        document_type=check.text(items, "document_type", "plan") or "",
        title=check.text(items, "title", "plan") or "",
        issuer=check.text(items, "issuer", "plan", required=False),
        party=check.text(items, "party", "plan", required=False),
        number=check.text(items, "number", "plan", required=False),
        place_date=check.text(items, "place_date", "plan", required=False),
        handwritten=check.text(items, "handwritten", "plan", required=False),
        notice=check.text(items, "notice", "plan", required=False, single_line=True),
        signer=signer, recipients=recipients, sections=sections,
        repairs=tuple(repairs), slips=tuple(slips))
    return plan, check.problems


def validate_sections(check: Checker, items: dict, plan_id: str) -> Iterator[Section]:
    """Sections must be in document order and nest by their numbering."""
    seen: dict[str, Node] = {}
    previous: tuple[list[int], str] | None = None
    for node in check.seq(items, "sections", "plan"):
        s = check.mapping(node, "plan.sections[]", SECTION)
        if s is None:
            continue
        sid = check.text(s, "id", "plan.sections[]")
        if sid is None:
            continue
        where = f"section {sid!r}"
        if sid in seen:
            check.add(s["id"][1], f"{where}: duplicate section id (first at line {seen[sid].line}); "
                                  "expected each section once")
            continue
        seen[sid] = s["id"][1]
        number = check.text(s, "number", where, required=False) or ""
        title = check.text(s, "title", where, required=False) or ""
        text = check.text(s, "text", where, required=False) or ""
        paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip())
        if sid in NAMED_SECTIONS:
            if "number" in s:
                check.add(s["number"][1], f"{where}: an unnumbered part has no number; expected no 'number' key")
            if not paragraphs:
                check.add(node, f"{where}: missing its text; expected key 'text' with the part's words")
            yield Section(plan_id, sid, "", title, paragraphs, 1, node.line, node.col)
            continue
        if not SECTION_ID_RE.fullmatch(sid):
            check.add(s["id"][1], f"{where}: expected a numbering such as \"II.1.3\" or one of "
                                  + ", ".join(NAMED_SECTIONS))
            continue
        if not number:
            check.add(node, f"{where}: missing key 'number' (the numbering as printed, such as \"1.\")")
        if not title and not paragraphs:
            check.add(node, f"{where}: has neither title nor text; expected at least one")
        parts = sid.split(".")
        key = [roman_to_int(parts[0])] + [int(p) for p in parts[1:]]
        parent = ".".join(parts[:-1])
        if parent and parent not in seen:
            check.add(s["id"][1], f"{where}: its parent section {parent!r} does not come before it; "
                                  "expected sections in document order")
        if previous is not None and key <= previous[0]:
            check.add(s["id"][1], f"{where}: comes after {previous[1]!r} in numbering order; "
                                  "expected sections in document order")
        previous = key, sid
        yield Section(plan_id, sid, number, title, paragraphs, len(parts), node.line, node.col)


def roman_to_int(roman: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(roman):
        v = values[ch]
        total += -v if i + 1 < len(roman) and values[roman[i + 1]] > v else v
    return total


def citable_text(plan: Plan, section: Section) -> str:
    """The citable text of a section: its own words and its subsections'."""
    if section.id == "tieu-de":
        parts = [plan.issuer, plan.party, plan.number, plan.place_date, plan.handwritten,
                 plan.document_type, plan.title]
        return norm_space(" ".join(p for p in parts if p))
    if section.id == "noi-nhan":
        return norm_space(" ".join(("Nơi nhận:",) + plan.recipients))
    if section.id == "chu-ky":
        s = plan.signer
        return norm_space(f"{s.on_behalf} {s.title} {s.name}")
    texts = [section.title, *section.paragraphs]
    if section.numbered:
        prefix = section.id + "."
        texts += [t for s in plan.sections if s.id.startswith(prefix)
                  for t in (s.title, *s.paragraphs)]
    return norm_space(" ".join(t for t in texts if t))


def with_named_sections(plan: Plan) -> Plan:
    """Add the header, recipients and signature as citable parts."""
    extra = [Section(plan.id, "tieu-de", "", "", (), 1)]
    body = list(plan.sections)
    tail = [Section(plan.id, "noi-nhan", "", "Nơi nhận", (), 1),
            Section(plan.id, "chu-ky", "", "", (), 1)]
    have = {s.id for s in body}
    sections = [s for s in extra if s.id not in have] + body + [s for s in tail if s.id not in have]
    plan = dataclasses.replace(plan, sections=tuple(sections))
    return dataclasses.replace(plan, texts={s.id: citable_text(plan, s) for s in plan.sections})


def load_plans(plans_dir: Path, shown_dir: str) -> tuple[dict[str, Plan], list[Problem]]:
    plans: dict[str, Plan] = {}
    problems: list[Problem] = []
    files = sorted(plans_dir.glob("*.yml")) if plans_dir.is_dir() else []
    if not files:
        problems.append(Problem(shown_dir, 1, 1, "no plan files (*.yml) found; expected one file per plan"))
    for path in files:
        plan, found = load_plan(path, f"{shown_dir}/{path.name}")
        problems += found
        if plan is not None:
            plans[plan.id] = with_named_sections(plan)
    return plans, problems

"""The answers' facets against the register: an answer's `bodies` and
`deadline` must say what the register of duties (duties.py) says for the
sections it cites. Run after faq.yml and the register are both valid."""

from __future__ import annotations


from .checker import Checker
from .model import Duty, Question, Register
from .text import norm_space


def check_facets(check: Checker, items: dict, questions: list[Question], register: Register) -> bool:
    """An answer's `bodies` and `deadline` facets must be what the register says
    for the sections the answer cites: the same body with the same role, the same
    time with the same sortable form. `items` are faq.yml's located nodes, and
    every question in it validated (so nodes and questions pair up in order)."""
    before = len(check.problems)
    nodes = items["questions"][1].value
    for node, q in zip(nodes, questions):
        for b_node, br in zip(node.value["bodies"][1].value if "bodies" in node.value else [], q.bodies):
            duties = cited_duties(q, br.plan, register)
            entries = [(d, b) for d in duties for b in d.bodies if b.body == br.body]
            if not entries:
                named = sorted({b.body for d in duties for b in d.bodies})
                check.add(b_node.value["body"][1],
                          f"question {q.id!r}: body {br.body!r} has no duty in the register for the sections this "
                          f"question cites in plan {br.plan!r}; expected one of {', '.join(named) or 'no body'} "
                          f"(or a citation of the section whose duty it is)")
            elif not any(b.role == br.role for _, b in entries):
                said = "; ".join(f"{d.id} {b.role}" for d, b in entries)
                check.add(b_node.value["role"][1],
                          f"question {q.id!r}: body {br.body!r} with role {br.role!r} disagrees with the register, "
                          f"which gives it: {said}; expected one of those roles")
        if q.deadline is not None:
            d = q.deadline
            duties = [x for x in cited_duties(q, d.plan, register) if x.time is not None]
            same = [x for x in duties if norm_space(x.time.wording).lower() == norm_space(d.wording).lower()]
            d_node = node.value["deadline"][1]
            if not same:
                times = "; ".join(sorted({f"{x.time.wording!r} ({x.id})" for x in duties})) or "none"
                check.add(d_node.value["wording"][1],
                          f"question {q.id!r}: deadline {d.wording!r} is not a time the register records for the "
                          f"sections this question cites in plan {d.plan!r}; expected one of: {times}")
            elif not any((x.time.kind, x.time.month, x.time.quarter, x.time.start, x.time.end)
                         == (d.kind, d.month, d.quarter, d.start, d.end) for x in same):
                t = same[0].time
                form = {"month": f"month {t.month!r}", "quarter": f"quarter {t.quarter!r}",
                        "years": f"from {t.start} to {t.end}"}.get(t.kind, "")
                check.add(d_node.value["kind"][1],
                          f"question {q.id!r}: deadline kind {d.kind!r} disagrees with the register, which records "
                          f"{t.wording!r} ({same[0].id}) as kind {t.kind!r}{' ' + form if form else ''}; "
                          "expected the same")
    return len(check.problems) == before


def cited_duties(q: Question, plan_id: str, register: Register) -> list[Duty]:
    """The register's duties in the sections a question cites in one plan,
    a cited heading counting for the sections under it (as its text does)."""
    cited = [c.section for c in q.citations if c.plan == plan_id]
    return [d for (pid, sid), duties in register.by_section.items() if pid == plan_id
            and any(sid == s or sid.startswith(s + ".") for s in cited) for d in duties]

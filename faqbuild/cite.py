"""Citations as officials write them in their own documents: the plan as it
identifies itself (type, number, date, issuer and title as printed), the
section, and the quoted words. Pure: model -> text. The site's "Sao chép trích
dẫn" button copies these (rendered into data- attributes, read by
docs/assets/cite.js), and the booklet prints the same plan names.
"""

from __future__ import annotations

import html

from .model import Plan, Question, Section
from .text import title_case


def issuer_in_text(issuer: str) -> str:
    """"TỈNH ỦY LÀO CAI" as running text writes it: "Tỉnh ủy Lào Cai" (the
    words after "ủy" are a place name, every syllable capitalised)."""
    words = issuer.lower().split()
    if len(words) > 2 and words[1] in ("ủy", "uỷ"):
        return " ".join([words[0].capitalize(), words[1], *(w.capitalize() for w in words[2:])])
    return title_case(issuer)


def printed_number(plan: Plan) -> str | None:
    """"Số -KH/TU", printed with the number left blank, as "…-KH/TU": the blank
    is shown the way the transcription shows the blank day ("ngày …")."""
    if not plan.number:
        return None
    rest = plan.number.removeprefix("Số").strip()
    return "…" + rest if rest.startswith("-") else rest


def printed_date(plan: Plan) -> str | None:
    """"Lào Cai, ngày … tháng 8 năm 2025" -> "ngày … tháng 8 năm 2025"."""
    if not plan.place_date:
        return None
    _, sep, date = plan.place_date.partition(", ")
    return date if sep else plan.place_date


def plan_identification(plan: Plan) -> str:
    """The plan named as a citation names it. Plan 002: "Kế hoạch số …-KH/TU
    ngày … tháng 8 năm 2025 của Tỉnh ủy Lào Cai thực hiện Chỉ thị …", blanks
    as printed. A plan that prints no number, date or issuer (000) is named by
    its title and its signer, and nothing is supplied in their place."""
    kind = plan.document_type.capitalize()
    number, date = printed_number(plan), printed_date(plan)
    parts = [kind]
    if number:
        parts.append(f"số {number}")
    if date:
        parts.append(date)
    if plan.issuer:
        parts.append(f"của {issuer_in_text(plan.issuer)}")
    parts.append(plan.title)
    name = " ".join(parts)
    missing = [what for what, value in (("số", number), ("ngày tháng", date), ("cơ quan ban hành", plan.issuer))
               if not value]
    if missing:
        signer = plan.signer
        name += (f" (văn bản không ghi {', '.join(missing)}; người ký: {signer.name}, "
                 f"{title_case(signer.title)})")
    return name


def quoted(quotes: list[str]) -> str:
    return " … ".join(f"“{q}”" for q in quotes)


def answer_citation(q: Question, plans: dict[str, Plan]) -> str:
    """One line per plan cited: the plan, then each section with its quoted words."""
    by_plan: dict[str, dict[str, list[str]]] = {}
    for c in q.citations:
        said = by_plan.setdefault(c.plan, {}).setdefault(c.section, [])
        if c.quote:
            said.append(c.quote)
    lines = []
    for pid, sections in by_plan.items():
        plan = plans[pid]
        cited = [f"{plan.section(sid).label}: {quoted(said)}" if said else plan.section(sid).label
                 for sid, said in sections.items()]
        lines.append(closed(f"{plan_identification(plan)}, " + "; ".join(cited)))
    return "\n".join(lines)


def closed(sentence: str) -> str:
    """A final period, unless the quote already ends with one inside."""
    return sentence if sentence.endswith((".”", "!”", "?”")) else sentence + "."


def section_citation(plan: Plan, section: Section) -> str:
    """A section of a plan page: its label, its title beside it, and its own
    words (not its subsections'), quoted; a section of a title alone quotes it."""
    if section.id in ("tieu-de", "noi-nhan", "chu-ky"):
        words = plan.text_of(section.id)
    elif section.paragraphs:
        words = " ".join(" ".join(p.split()) for p in section.paragraphs)
    else:
        words = section.title
    label = section.label
    if section.title and section.paragraphs:
        label += f" ({section.title})"
    return closed(f"{plan_identification(plan)}, {label}: “{words}”")


def cite_element(text: str, href: str) -> str:
    """The empty element that carries a citation for cite.js: the text to copy
    and the link (relative to the page) to add after it."""
    return (f'<div class="faq-cite" data-cite="{html.escape(text).replace(chr(10), "&#10;")}" '
            f'data-href="{html.escape(href)}"></div>')

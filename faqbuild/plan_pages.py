"""The plan pages (ke-hoach/<id>.md): the full text of each plan, each
section under its stable anchor with the questions that cite it, and the
transcription notes. Pure: model -> Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable

from .cite import cite_element, section_citation
from .md import front_matter, md_escape
from .model import Plan, Question, Section
from .text import shorten
from .urls import PLAN_NOTES_ANCHOR, plan_page, question_href, section_anchor
from .vocabulary import NAMED_SECTIONS


def section_heading(section: Section) -> str:
    if not section.numbered:
        return section.title or NAMED_SECTIONS[section.id].removeprefix("phần ").capitalize()
    head = section.id + "."
    if section.title:
        return f"{head} {section.title}"
    # An untitled section is headed by its first words: all of them when they
    # fit on two lines of a phone (390 px, about 42 bold characters a line),
    # else as many whole words as fit, then "…".
    full = f"{head} {' '.join(section.paragraphs[0].split())}" if section.paragraphs else head
    if len(full) <= HEADING_CHARS:
        return full
    cut = full[:HEADING_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


HEADING_CHARS = 84


def render_plan_header(plan: Plan) -> str:
    rows = []
    if plan.issuer:
        rows.append(("Cơ quan ban hành (như in)", plan.issuer))
    else:
        rows.append(("Cơ quan ban hành", "Văn bản không in khối tiêu đề; phần mở đầu ghi "
                                         "“Ban Thường vụ Tỉnh ủy”, không nêu tên tỉnh."))
    rows.append(("Số, ký hiệu (như in)", plan.number or "Văn bản không ghi số, ký hiệu."))
    rows.append(("Địa danh, ngày tháng (như in)", plan.place_date or "Văn bản không ghi địa danh, ngày tháng."))
    if plan.handwritten:
        rows.append(("Ghi bên cạnh dòng ngày tháng (như in)", f"“{plan.handwritten}”"))
    rows.append(("Người ký", f"{plan.signer.on_behalf} – {plan.signer.title} – {plan.signer.name}"))
    table = ["| | |", "|---|---|"] + [f"| {md_escape(k)} | {md_escape(v)} |" for k, v in rows]
    return "\n".join(table)


def render_paragraphs(paragraphs: Iterable[str]) -> str:
    out = []
    for p in paragraphs:
        if p.startswith("- "):
            out.append("- " + md_escape(p[2:]))
        else:
            out.append(md_escape(p) + "\n")
    return "\n".join(out).rstrip() + "\n"


def render_backlinks(plan: Plan, section: Section, citing: list[Question]) -> str:
    if not citing:
        return ""
    links = [f"[{md_escape(q.question)}]({question_href(plan_page(plan.id), q)})" for q in citing]
    return ('\n<div class="faq-backlinks" markdown>\n\n'
            f"**Hỏi – đáp dẫn chiếu {md_escape(section.label)}:**\n\n"
            + "\n".join(f"- {link}" for link in links) + "\n\n</div>\n")


def render_plan(plan: Plan, backlinks: dict[tuple[str, str], list[Question]]) -> str:
    out = front_matter(plan.short_name) + [f"# {md_escape(plan.short_name)}", "",
           *render_notice(plan),
           "Toàn văn kế hoạch, chép đúng nguyên văn. Mỗi mục có liên kết cố định "
           "và danh sách câu hỏi dẫn chiếu mục đó.", ""]
    for section in plan.sections:
        cites = backlinks.get((plan.id, section.id), [])
        level = "#" * (section.depth + 1)
        attrs = f"{{#{section_anchor(section.id)} .plan-section}}"
        # Under the heading, for cite.js's "Sao chép trích dẫn" button.
        cite = cite_element(section_citation(plan, section), f"#{section_anchor(section.id)}")
        if section.id == "tieu-de":
            out += [f"## Tiêu đề {attrs}", "", cite, "", render_plan_header(plan), "",
                    f"**{md_escape(plan.document_type)}**  ", md_escape(plan.title), ""]
        elif section.id == "noi-nhan":
            out += [f"## Nơi nhận {attrs}", "", cite, ""]
            out += [f"- {md_escape(r)}" for r in plan.recipients] + [""]
        elif section.id == "chu-ky":
            s = plan.signer
            out += [f"## Ký ban hành {attrs}", "", cite, "",
                    f"**{md_escape(s.on_behalf)}**  ", f"**{md_escape(s.title)}**", "",
                    md_escape(s.name), ""]
        else:
            heading = section_heading(section)
            out += [f"{level} {md_escape(heading)} {attrs}", "", cite, ""]
            if section.paragraphs:
                out.append(render_paragraphs(section.paragraphs))
        out.append(render_backlinks(plan, section, cites))
    out += render_plan_notes(plan)
    return "\n".join(out)


def render_plan_notes(plan: Plan) -> list[str]:
    out = [f"## Ghi chú về bản chép {{#{PLAN_NOTES_ANCHOR}}}", "",
           f"Bản chép từ tệp văn bản `{plan.source}` (trích xuất từ PDF). Các lỗi do trích xuất đã được "
           "sửa như dưới đây; không sửa chữ nào của kế hoạch.", ""]
    if plan.repairs:
        out += ["| Vị trí | Văn bản trích xuất | Bản chép | Ghi chú |", "|---|---|---|---|"]
        for r in plan.repairs:
            out.append(f"| {md_escape(r.section)} | {md_escape(shorten(r.printed, 120))} | "
                       f"{md_escape(shorten(r.repaired, 120)) or '(bỏ)'} | {md_escape(r.note)} |")
        out.append("")
    if plan.slips:
        out += ["Những chỗ sau có vẻ là lỗi của chính văn bản gốc; bản chép giữ nguyên như in:", ""]
        for s in plan.slips:
            out.append(f"- {md_escape(s.section)}: “{md_escape(s.text)}” — {md_escape(s.note)}")
        out.append("")
    return out


def render_notice(plan: Plan) -> list[str]:
    """The restriction a plan prints in its running footer, shown as printed above its text."""
    if not plan.notice:
        return []
    return ['!!! warning "Lưu ý in trên văn bản"', "",
            f"    Chân trang của văn bản in: “{md_escape(plan.notice)}”.", ""]

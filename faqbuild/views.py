"""The reader views: the plans side by side, and the booklet (by body and by
deadline: checklists.py). Pure functions: model -> Markdown.
"""

from __future__ import annotations

from collections.abc import Iterator

from .md import front_matter, joined_lines, md_escape, question_link
from .model import Faq, Plan, Question
from .pages import render_question
from .plan_pages import section_heading
from .urls import BOOKLET_PDF, VIEW_PAGES, rel, section_anchor, section_href
from .vocabulary import NOT_SEARCHED, PLAN_PARTS, TOPICS, VIEW_TITLES


def render_compare(plans: dict[str, Plan], faq: Faq,
                   backlinks: dict[tuple[str, str], list[Question]]) -> str:
    page = VIEW_PAGES["compare"]
    ids = sorted(plans)
    out = front_matter(VIEW_TITLES["compare"], "Cấu trúc hai kế hoạch đặt cạnh nhau, phần theo phần.", NOT_SEARCHED)
    out += [f"# {VIEW_TITLES['compare']}", "",
            "Hai kế hoạch có cùng bố cục ba phần. Bảng dưới đặt các mục của hai kế hoạch cạnh nhau "
            "theo từng phần; ô “Không có” nghĩa là kế hoạch đó không có phần này. Các câu hỏi so sánh "
            "nêu điểm giống và khác nhau, có dẫn chiếu cả hai văn bản.", ""]
    for top, label in PLAN_PARTS:
        anchor = "phan-" + section_anchor(top).removeprefix("muc-")
        out += [f"## {label} {{#{anchor}}}", "",
                "| " + " | ".join(md_escape(plans[p].short_name) for p in ids) + " |",
                "|" + "---|" * len(ids)]
        cells = []
        for pid in ids:
            plan = plans[pid]
            members = [s for s in plan.sections if s.id == top or s.id.startswith(top + ".")]
            if not members:
                cells.append("Không có")
                continue
            links = [f"[{md_escape(section_heading(s))}]({section_href(page, plan, s)})"
                     for s in members if s.paragraphs or s.id == top or not s.numbered]
            cells.append("<br>".join(links))
        out += ["| " + " | ".join(cells) + " |", ""]
        related = []
        for q in faq.questions:
            if q.topic != "comparison":
                continue
            if any(c.section == top or c.section.startswith(top + ".") for c in q.citations):
                related.append(q)
        if related:
            out += ["So sánh phần này:", ""] + [f"- {question_link(q, page)}" for q in related] + [""]
    others = [q for q in faq.questions if q.topic == "comparison"]
    out += ["## Mọi câu hỏi so sánh {#cau-hoi-so-sanh}", ""]
    out += [f"- {question_link(q, page)}" for q in others] or ["Chưa có câu hỏi so sánh."]
    return "\n".join(out) + "\n"


def render_print(plans: dict[str, Plan], faq: Faq) -> Iterator[str]:
    """The booklet, in pieces (a question each): at 10,000 questions it is 30 MB."""
    page = VIEW_PAGES["print"]

    def groups() -> Iterator[list[str]]:
        yield front_matter(VIEW_TITLES["print"], "Mọi câu hỏi và trả lời trên một trang, để in.",
                           [*NOT_SEARCHED, "hide:", "  - navigation", "  - toc"]) + [
            '<div class="faq-booklet" markdown>', "",
            '# Hỏi – đáp về kế hoạch thực hiện Chỉ thị số <span class="nw">47-CT/TW</span> {#ban-in}', "",
            "Tài liệu hỏi – đáp về hai kế hoạch của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 47-CT/TW "
            "ngày 23/5/2025 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối với công tác dư luận xã hội "
            "trong tình hình mới. Mỗi câu trả lời ghi căn cứ là mục của kế hoạch.", "",
            # Raw HTML: the PDF is written into the built site after mkdocs
            # build, so MkDocs would report a Markdown link to it as missing.
            f'<p class="faq-web-only faq-download"><a href="{rel(page, BOOKLET_PDF)}" download>'
            "Tải bản in (PDF, khổ A4)</a>: có bìa, mục lục, số trang, căn cứ kèm nguyên văn "
            "trích dẫn và toàn văn hai kế hoạch ở phần Phụ lục.</p>", ""]
        number = 0
        for topic, (slug, title, _) in TOPICS.items():
            items = [q for q in faq.questions if q.topic == topic]
            if not items:
                continue
            yield [f"## {title} {{#chu-de-{slug} .faq-booklet-topic}}", ""]
            for q in items:
                number += 1
                yield ['<div class="faq-entry" markdown>', "",
                       render_question(q, plans, faq, page, prefix=f"Câu {number}. ", level=3),
                       "</div>", ""]
        yield ["</div>", ""]
    return joined_lines(groups())

"""The reader views: by body, by deadline, the plans side by side, and the
booklet. Pure functions: model -> Markdown.
"""

from __future__ import annotations

from collections.abc import Iterator

from .md import cited_sections, front_matter, joined_lines, md_escape, question_link
from .model import Body, BodyRole, Faq, Plan, Question
from .pages import render_question
from .plan_pages import section_heading
from .text import fold_key
from .urls import BOOKLET_PDF, VIEW_PAGES, body_page, rel, section_anchor, section_href
from .vocabulary import (
    DEADLINE_GROUP,
    DEADLINE_GROUP_TITLES,
    NOT_SEARCHED,
    PLAN_PARTS,
    ROLES,
    ROLE_CODES,
    TOPICS,
    VIEW_TITLES,
)


def body_duties(faq: Faq) -> dict[str, list[tuple[Question, BodyRole]]]:
    duties: dict[str, list[tuple[Question, BodyRole]]] = {b.id: [] for b in faq.bodies}
    for q in faq.questions:
        for b in q.bodies:
            duties[b.body].append((q, b))
    return duties


def render_bodies_index(plans: dict[str, Plan], faq: Faq) -> str:
    page = VIEW_PAGES["bodies"]
    duties = body_duties(faq)
    out = front_matter(VIEW_TITLES["bodies"], "Mỗi cơ quan, tổ chức phải làm gì theo từng kế hoạch, với vai trò nào, khi nào.",
                       NOT_SEARCHED)
    out += [f"# {VIEW_TITLES['bodies']}", "",
            "Chọn cơ quan, tổ chức để xem mọi việc mà hai kế hoạch giao cho cơ quan đó, "
            "với vai trò và thời gian thực hiện.", "",
            "| Cơ quan, tổ chức | Tên khác | Số việc |", "|---|---|---|"]
    for body in sorted(faq.bodies, key=lambda b: fold_key(b.name)):
        aliases = ", ".join(md_escape(a) for a in body.aliases) or "—"
        out.append(f"| [{md_escape(body.name)}]({rel(page, body_page(body.id))}) | {aliases} | {len(duties[body.id])} |")
    out += ["", "## Ma trận trách nhiệm {#ma-tran}", "",
            "Mỗi hàng là một việc; mỗi cột là một cơ quan. Chữ viết tắt trong ô: "
            + "; ".join(f"**{code}** {ROLES[role]}" for role, code in ROLE_CODES.items()) + ".", ""]
    columns = [b for b in sorted(faq.bodies, key=lambda b: fold_key(b.name)) if duties[b.id]]
    tasks = [q for q in faq.questions if q.bodies]
    if tasks:
        out.append('<div class="faq-matrix" markdown>')
        out.append("")
        out.append("| Việc | Căn cứ | " + " | ".join(
            f"[{md_escape(b.short)}]({rel(page, body_page(b.id))})" for b in columns) + " |")
        out.append("|---|---|" + "---|" * len(columns))
        for q in tasks:
            cells = []
            for b in columns:
                codes = [ROLE_CODES[r.role] for r in q.bodies if r.body == b.id]
                cells.append(", ".join(codes))
            sources = "; ".join(f"{md_escape(plans[pid].short_name)}: {cited_sections(q, pid, plans, page)}"
                                for pid in dict.fromkeys(r.plan for r in q.bodies))
            out.append(f"| {question_link(q, page)} | {sources} | " + " | ".join(cells) + " |")
        out += ["", "</div>", ""]
    return "\n".join(out) + "\n"


def render_body_page(body: Body, plans: dict[str, Plan], faq: Faq,
                     duties: list[tuple[Question, BodyRole]]) -> str:
    page = body_page(body.id)
    out = front_matter(body.name, f"Những việc hai kế hoạch giao cho {body.name}.")
    out += [f"# {md_escape(body.name)}", ""]
    if body.aliases:
        out += ["Còn được viết là: " + ", ".join(f"“{md_escape(a)}”" for a in body.aliases) + ".", ""]
    if not duties:
        out += ["Chưa có câu hỏi nào nêu việc của cơ quan này.", ""]
    anchored: set[str] = set()
    for pid, plan in sorted(plans.items()):
        mine = [(q, r) for q, r in duties if r.plan == pid]
        out += [f"## {md_escape(plan.short_name)} {{#ke-hoach-{pid}}}", ""]
        if not mine:
            out += [f"{md_escape(plan.short_name)} không giao việc nào cho cơ quan này "
                    "(theo các câu hỏi hiện có).", ""]
            continue
        out += ["| Việc | Vai trò | Thời gian thực hiện | Căn cứ |", "|---|---|---|---|"]
        for q, r in sorted(mine, key=lambda x: deadline_order(x[0])):
            # No deadline facet means the question is not about one; the answer says more.
            when = md_escape(q.deadline.wording) if q.deadline and q.deadline.plan == pid else "— (xem câu trả lời)"
            anchor = "" if q.id in anchored else f'<span id="{q.id}"></span>'
            anchored.add(q.id)
            out.append(f"| {anchor}{question_link(q, page)} | {ROLES[r.role]} | {when} | "
                       f"{cited_sections(q, pid, plans, page)} |")
        out.append("")
    return "\n".join(out) + "\n"


def deadline_order(q: Question) -> tuple:
    return q.deadline.sort_key() if q.deadline else (9,)


def render_deadlines(plans: dict[str, Plan], faq: Faq) -> str:
    page = VIEW_PAGES["deadlines"]
    names = {b.id: b for b in faq.bodies}
    out = front_matter(VIEW_TITLES["deadlines"], "Mọi thời hạn của hai kế hoạch, theo thứ tự thời gian.", NOT_SEARCHED)
    out += [f"# {VIEW_TITLES['deadlines']}", "",
            "Các mốc có ngày tháng theo thứ tự thời gian, sau đó là các việc định kỳ, thường xuyên, "
            "cuối cùng là các việc làm theo hướng dẫn, yêu cầu của cấp trên. Thời gian ghi đúng lời "
            "văn của kế hoạch.", ""]
    dated = sorted((q for q in faq.questions if q.deadline), key=lambda q: (q.deadline.sort_key(), q.id))
    for group, title in enumerate(DEADLINE_GROUP_TITLES):
        items = [q for q in dated if DEADLINE_GROUP[q.deadline.kind] == group]
        out += [f"## {title} {{#nhom-{group + 1}}}", ""]
        if not items:
            out += ["Không có.", ""]
            continue
        out += ["| Thời gian (nguyên văn) | Việc | Cơ quan | Kế hoạch |", "|---|---|---|---|"]
        for q in items:
            d = q.deadline
            bodies = "; ".join(f"[{md_escape(names[b.body].short)}]({rel(page, body_page(b.body))}) ({ROLES[b.role]})"
                               for b in q.bodies if b.plan == d.plan) or "—"
            out.append(f'| <span id="{q.id}"></span>**{md_escape(d.wording)}** | {question_link(q, page)} | '
                       f"{bodies} | {md_escape(plans[d.plan].short_name)}, {cited_sections(q, d.plan, plans, page)} |")
        out.append("")
    return "\n".join(out) + "\n"


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

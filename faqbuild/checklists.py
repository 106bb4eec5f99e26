"""The register's pages: each body's checklist (co-quan/<body>.md), the readers'
groups (co-quan/<group>.md), the "Theo cơ quan" index with its responsibility
matrix, the reporting lines (co-quan/bao-cao.md) and the deadline page
(thoi-han.md). Pure functions: model -> Markdown. Everything here reads the
register of duties (duties.py), never the answers' facets.
"""

from __future__ import annotations

import html

from .facets import cited_duties
from .md import front_matter, md_escape, question_link
from .model import Body, Duty, DutyBody, Faq, Group, Plan, Question
from .text import fold_key, shorten
from .urls import (
    CALENDAR_ALL,
    DUTIES_CSV,
    REPORTING_PAGE,
    TIMELINE_SVG,
    VIEW_PAGES,
    body_calendar,
    body_page,
    duty_anchor,
    rel,
    rel_html,
    section_href,
)
from .vocabulary import DEADLINE_GROUP, DEADLINE_GROUP_TITLES, NOT_SEARCHED, ROLES, ROLE_CODES, VIEW_TITLES


NOT_SET = "Kế hoạch không nêu"
PAST_NOTE = ("Dòng chữ “đã qua thời hạn” so thời hạn ghi trong kế hoạch với ngày trên máy của bạn; "
             "trang này không biết việc đã được làm hay chưa.")


def due_month(duty: Duty) -> str | None:
    """The last month of a dated duty's window ("2025-12" for Quý IV/2025), for duties.js."""
    t = duty.time
    if t is None:
        return None
    if t.kind == "month":
        return t.month
    if t.kind == "quarter":
        year, q = t.quarter.split("-Q")
        return f"{year}-{int(q) * 3:02d}"
    if t.kind == "years":
        return f"{t.end}-12"
    return None


def when(duty: Duty) -> str:
    """The time as printed, marked for duties.js when it has an end."""
    if duty.time is None:
        return f"*{NOT_SET}*"
    due = due_month(duty)
    text = md_escape(duty.time.wording)
    return f'<span class="duty-when" data-due="{due}">{text}</span>' if due else text


def role_label(b: DutyBody) -> str:
    return ROLES[b.role]


def body_links(faq: Faq, page: str) -> dict[str, str]:
    """Body id -> its link from this page, made once per page (posixpath.relpath is slow)."""
    return {b.id: f"[{md_escape(b.short)}]({rel(page, body_page(b.id))})" for b in faq.bodies}


def answer_anchors(faq: Faq, duties: list[Duty], facet) -> dict[str, list[str]]:
    """Duty key -> ids of the answers whose facet (`facet(q)` -> plan or None) points
    here: the answers link to `#<their id>` on this page (pages.render_question)."""
    out: dict[str, list[str]] = {}
    for q in faq.questions:
        plan = facet(q)
        if plan is None:
            continue
        cited = {x.key for x in cited_duties(q, plan, faq.register)}
        hits = [d for d in duties if d.key in cited]
        key = hits[0].key if hits else ""
        out.setdefault(key, []).append(q.id)
    return out


def spans(ids: list[str]) -> str:
    return "".join(f'<span id="{i}"></span>' for i in ids)


def duty_item(d: Duty, mine: list[DutyBody], plans: dict[str, Plan], links: dict[str, str], page: str,
              backlinks: dict[tuple[str, str], list[Question]],
              answers: tuple[str, ...] = ()) -> list[str]:
    plan = plans[d.plan]
    section = plan.section(d.section)
    roles = "; ".join(f"**{role_label(b)}** (kế hoạch ghi “{md_escape(b.as_printed)}”)" for b in mine)
    ids = {b.body for b in mine}
    others = [b for b in d.bodies if b.body not in ids]
    # Out of the search index: a duty repeats on the page of each of its bodies, and the
    # answers that explain it are what readers search for.
    out = [f'<div class="duty" id="{duty_anchor(d)}" data-search-exclude markdown>', "",
           f"{spans(list(answers))}**{md_escape(plan.short_name)}, mục {d.section}** · Vai trò: {roles}", "",
           f"> {md_escape(d.text)}", "",
           f"- **Thời gian:** {when(d)}"]
    if others:
        out.append("- **Cùng với:** " + "; ".join(f"{links[b.body]} ({role_label(b)})" for b in others))
    partners = sorted({w for b in mine for w in b.with_bodies})
    if partners:
        out.append("- **Phối hợp với:** " + "; ".join(links[w] for w in partners))
    if d.report is not None:
        r = d.report
        to = "; ".join(links[t] for t in r.to) or "văn bản không ghi gửi cơ quan nào"
        via = f" (qua {links[r.via]})" if r.via else ""
        often = f", {md_escape(r.frequency)}" if r.frequency else ", văn bản không ghi kỳ báo cáo"
        out.append(f"- **Báo cáo:** {to}{via}{often}")
    out.append(f"- **Căn cứ:** [{md_escape(plan.short_name)}, mục {d.section}]({section_href(page, plan, section)})")
    questions = explaining(d, backlinks.get((d.plan, d.section), []))
    if questions:
        out.append("- **Câu hỏi liên quan:** " + "; ".join(question_link(q, page) for q in questions))
    if d.note:
        out.append(f"- **Ghi chú:** {md_escape(d.note)}")
    return out + ["", "</div>", ""]


def explaining(d: Duty, citing: list[Question]) -> list[Question]:
    """The answers that explain a duty: those citing its section that quote its
    words or name one of its bodies in a facet; all that cite it, if none do."""
    ids = {b.body for b in d.bodies}

    def overlaps(quote: str) -> bool:
        # One end of either text inside the other: a quote that shares words with the duty.
        return any(part in d.text for part in (quote[:30], quote[-30:])) or d.text[:30] in quote

    close = [q for q in citing
             if any(c.plan == d.plan and c.section == d.section and c.quote and overlaps(c.quote) for c in q.citations)
             or any(b.plan == d.plan and b.body in ids for b in q.bodies)
             and (q.deadline is None or d.time is None or q.deadline.wording == d.time.wording)]
    return close or citing


def checklist(entries: list[tuple[Duty, list[DutyBody]]], plans: dict[str, Plan], faq: Faq, page: str,
              backlinks: dict[tuple[str, str], list[Question]], empty: str,
              anchors: dict[str, list[str]] | None = None) -> list[str]:
    anchors = anchors or {}
    links = body_links(faq, page)
    out = [spans(anchors[""]), ""] if anchors.get("") else []
    for pid, plan in sorted(plans.items()):
        mine = sorted([e for e in entries if e[0].plan == pid], key=lambda e: (e[0].sort_key(), e[0].id))
        out += [f"## {md_escape(plan.short_name)} {{#ke-hoach-{pid}}}", ""]
        if not mine:
            out += [empty.format(plan=md_escape(plan.short_name)), ""]
            continue
        out += [f"{len(mine)} việc, theo thứ tự thời gian (việc có thời hạn trước; “{NOT_SET}” sau cùng).", ""]
        for d, bs in mine:
            out += duty_item(d, bs, plans, links, page, backlinks, answers=tuple(anchors.get(d.key, ())))
    return out


def received_reports(body: Body, faq: Faq, page: str) -> list[str]:
    links = body_links(faq, page)
    got = [d for d in faq.register.duties if d.report and (body.id in d.report.to or d.report.via == body.id)]
    if not got:
        return []
    out = ["## Báo cáo gửi đến cơ quan này {#bao-cao-nhan}", ""]
    for d in got:
        senders = ", ".join(links[b.body] for b in d.bodies if b.body != body.id)
        how = "qua cơ quan này" if d.report.via == body.id else "gửi cơ quan này"
        often = md_escape(d.report.frequency) if d.report.frequency else NOT_SET.lower() + " kỳ báo cáo"
        out.append(f"- {senders} ({how}; {often}): [mục {d.section}]({rel(page, body_page(d.bodies[0].body))}"
                   f"#{duty_anchor(d)})")
    return out + [""]


def render_body_page(body: Body, plans: dict[str, Plan], faq: Faq,
                     backlinks: dict[tuple[str, str], list[Question]]) -> str:
    page = body_page(body.id)
    reg = faq.register
    entries = {}
    for d, b in reg.of_body(body.id):
        entries.setdefault(d.key, (d, []))[1].append(b)
    links = body_links(faq, page)
    out = front_matter(body.name, f"Mọi việc hai kế hoạch giao cho {body.name}: làm gì, vai trò nào, khi nào, với ai.")
    out += ['<div class="duty-checklist" markdown>', "", f"# {md_escape(body.name)}", ""]
    if body.aliases:
        out += ["Kế hoạch còn viết là: " + ", ".join(f"“{md_escape(a)}”" for a in body.aliases) + ".", ""]
    if reg.reader_names(body.id):
        out += ["Tìm được bằng các tên: " + ", ".join(f"“{md_escape(a)}”" for a in reg.reader_names(body.id))
                + f"; kế hoạch giao việc cho “{md_escape(body.name)}”.", ""]
    calendar = f" [Lịch (.ics)]({rel(page, body_calendar(body.id))}) ·" if entries else ""
    out += [f"Danh sách việc phải làm, đúng lời văn kế hoạch: {len(entries)} việc.{calendar} "
            "In trang này bằng Ctrl+P (A4).", "",
            f"*{PAST_NOTE}*", ""]
    for g in reg.groups:
        if body.id in g.members:
            out += ["!!! tip \"Việc có thể liên quan\"", "",
                    f"    Trang [{md_escape(g.name)}]({rel(page, body_page(g.id))}) gộp việc của cơ quan này với "
                    "việc của " + ", ".join(links[m] for m in g.members if m != body.id)
                    + ", mỗi việc ghi đúng lời văn kế hoạch.", ""]
    for r in reg.relations:
        if r.body == body.id or r.printed_under == body.id:
            out += [f"!!! note \"Quan hệ với cơ quan khác ({md_escape(plans[r.plan].short_name)}, mục {r.section})\"",
                    "", f"    “{md_escape(r.evidence)}” — {md_escape(r.note)}", ""]
    facet = lambda q: next((b.plan for b in q.bodies if b.body == body.id), None)  # noqa: E731
    out += checklist(list(entries.values()), plans, faq, page, backlinks,
                     "{plan} không giao việc nào cho cơ quan này.",
                     answer_anchors(faq, [d for d, _ in entries.values()], facet))
    out += received_reports(body, faq, page)
    return "\n".join(out + ["</div>", ""]) + "\n"


def render_group_page(group: Group, plans: dict[str, Plan], faq: Faq,
                      backlinks: dict[tuple[str, str], list[Question]]) -> str:
    page = body_page(group.id)
    links = body_links(faq, page)
    out = front_matter(group.name, f"Mọi việc có thể liên quan đến {group.name}, đúng lời văn hai kế hoạch.",
                       NOT_SEARCHED)
    out += ['<div class="duty-checklist" markdown>', "", f"# {md_escape(group.name)}", ""]
    names = [*group.aliases, *faq.register.reader_names(group.id)]
    if names:
        out += ["Tìm bằng các tên: " + ", ".join(f"“{md_escape(a)}”" for a in names) + ".", ""]
    out += ["!!! warning \"Văn bản không nói rõ\"", "", f"    {md_escape(group.note)}", "",
            "Trang này gộp việc của các cơ quan sau; mỗi việc ghi đúng lời văn kế hoạch dùng cho cơ quan:", ""]
    out += [f"- {links[m]}" for m in group.members] + ["", f"*{PAST_NOTE}*", ""]
    entries = {}
    for m in group.members:
        for d, b in faq.register.of_body(m):
            entries.setdefault(d.key, (d, []))[1].append(b)
    out += checklist(list(entries.values()), plans, faq, page, backlinks,
                     "{plan} không giao việc nào cho các cơ quan này.")
    return "\n".join(out + ["</div>", ""]) + "\n"


def render_bodies_index(plans: dict[str, Plan], faq: Faq) -> str:
    page = VIEW_PAGES["bodies"]
    reg = faq.register
    out = front_matter(VIEW_TITLES["bodies"], "Mỗi cơ quan, tổ chức phải làm gì theo từng kế hoạch, với vai trò nào, "
                       "khi nào.", NOT_SEARCHED)
    out += [f"# {VIEW_TITLES['bodies']}", "",
            "Chọn cơ quan, tổ chức để xem danh sách mọi việc hai kế hoạch giao cho cơ quan đó: việc gì (đúng lời "
            "văn kế hoạch), vai trò, thời gian, cùng với cơ quan nào. "
            f"Xem thêm: [ai báo cáo ai]({rel(page, REPORTING_PAGE)}), "
            f"[lịch mọi việc (.ics)]({rel(page, CALENDAR_ALL)}), [bảng tính (.csv)]({rel(page, DUTIES_CSV)}).", "",
            "## Tìm theo tên thường gọi {#ten-thuong-goi}", "",
            "| Tên bạn dùng | Trang |", "|---|---|"]
    titles = {b.id: b.name for b in faq.bodies} | {g.id: g.name for g in reg.groups}
    rows = [(n, pid) for pid, names in reg.names for n in names]
    rows += [(a, g.id) for g in reg.groups for a in g.aliases]
    rows += [(a, b.id) for b in faq.bodies for a in b.aliases]
    for name, pid in sorted(dict.fromkeys(rows), key=lambda r: fold_key(r[0])):
        out.append(f"| {md_escape(name)} | [{md_escape(titles[pid])}]({rel(page, body_page(pid))}) |")
    out += ["", "## Việc có thể liên quan đến nhiều cơ quan {#nhom}", ""]
    for g in reg.groups:
        out.append(f"- [{md_escape(g.name)}]({rel(page, body_page(g.id))}): {md_escape(g.note)}")
    out += ["", "## Mọi cơ quan, tổ chức {#danh-sach}", "", "| Cơ quan, tổ chức | Tên khác | Số việc |", "|---|---|---|"]
    for body in sorted(faq.bodies, key=lambda b: fold_key(b.name)):
        aliases = ", ".join(md_escape(a) for a in body.aliases) or "—"
        count = len({d.key for d, _ in reg.of_body(body.id)})
        out.append(f"| [{md_escape(body.name)}]({rel(page, body_page(body.id))}) | {aliases} | {count} |")
    out += ["", "## Ma trận trách nhiệm {#ma-tran}", "",
            "Mỗi hàng là một việc; mỗi cột là một cơ quan. Chữ viết tắt trong ô: "
            + "; ".join(f"**{code}** {ROLES[role]}" for role, code in ROLE_CODES.items()) + ". "
            "Trên điện thoại, vuốt ngang bảng: cột việc và hàng tên cơ quan luôn hiện.", ""]
    out += matrix(plans, faq, page) + [""]
    return "\n".join(out) + "\n"


def matrix(plans: dict[str, Plan], faq: Faq, page: str) -> list[str]:
    """Raw HTML, so the header and the first column can stick (duties.css)."""
    reg = faq.register
    columns = [b for b in sorted(faq.bodies, key=lambda b: fold_key(b.name)) if reg.of_body(b.id)]
    esc = html.escape
    head = "".join(f'<th scope="col"><a href="{esc(rel_html(page, body_page(b.id)))}">{esc(b.short)}</a></th>'
                   for b in columns)
    out = ['<div class="duty-matrix" role="region" aria-label="Ma trận trách nhiệm" tabindex="0">',
           f'<table class="duty-table"><thead><tr><th scope="col">Việc</th>{head}</tr></thead><tbody>']
    for d in reg.duties:
        first = d.bodies[0].body
        link = esc(f"{rel_html(page, body_page(first))}#{duty_anchor(d)}")
        cells = []
        for b in columns:
            roles = [x.role for x in d.bodies if x.body == b.id]
            # Only the role's label in the title: the theme renders titles as HTML tooltips.
            cells.append("<td>" + ", ".join(f'<abbr title="{ROLES[r]}">{ROLE_CODES[r]}</abbr>' for r in roles) + "</td>")
        out.append(f'<tr><th scope="row"><a href="{link}">{esc(d.plan)} · {esc(d.id)}</a> '
                   f'{esc(shorten(d.text, 70))}</th>{"".join(cells)}</tr>')
    out += ["</tbody></table>", "</div>"]
    return out


def render_reporting(plans: dict[str, Plan], faq: Faq) -> str:
    page = REPORTING_PAGE
    links = body_links(faq, page)
    out = front_matter("Ai báo cáo ai", "Các đường báo cáo hai kế hoạch quy định: ai báo cáo, gửi ai, bao lâu một lần.",
                       NOT_SEARCHED)
    out += ["# Ai báo cáo ai", "", "Mọi việc báo cáo mà hai kế hoạch nêu, đúng lời văn. Ô “văn bản không ghi” nghĩa là "
            "kế hoạch không nói điều đó.", ""]
    for pid, plan in sorted(plans.items()):
        rows = [d for d in faq.register.duties if d.plan == pid and d.report is not None]
        out += [f"## {md_escape(plan.short_name)} {{#ke-hoach-{pid}}}", ""]
        if not rows:
            out += ["Không có.", ""]
            continue
        out += ["| Ai báo cáo | Gửi ai | Qua | Bao lâu một lần | Việc |", "|---|---|---|---|---|"]
        for d in rows:
            r = d.report
            who = "; ".join(links[b.body] for b in d.bodies if b.body not in r.to)
            to = "; ".join(links[t] for t in r.to) or "văn bản không ghi"
            via = links[r.via] if r.via else "—"
            often = md_escape(r.frequency) if r.frequency else "văn bản không ghi"
            link = f"{rel(page, body_page(d.bodies[0].body))}#{duty_anchor(d)}"
            out.append(f"| {who} | {to} | {via} | {often} | [mục {d.section}]({link}): {md_escape(shorten(d.text, 90))} |")
        out.append("")
    return "\n".join(out) + "\n"


def render_deadlines(plans: dict[str, Plan], faq: Faq) -> str:
    page = VIEW_PAGES["deadlines"]
    links = body_links(faq, page)
    out = front_matter(VIEW_TITLES["deadlines"], "Mọi thời hạn của hai kế hoạch, theo thứ tự thời gian.", NOT_SEARCHED)
    out += [f"# {VIEW_TITLES['deadlines']}", "",
            "Các mốc có ngày tháng theo thứ tự thời gian, sau đó là các việc định kỳ, thường xuyên, các việc làm "
            "theo hướng dẫn, yêu cầu của cấp trên, cuối cùng là các việc kế hoạch không nêu thời gian. Thời gian ghi "
            f"đúng lời văn của kế hoạch. [Lịch (.ics)]({rel(page, CALENDAR_ALL)}) · "
            f"[Bảng tính (.csv)]({rel(page, DUTIES_CSV)}).", "", f"*{PAST_NOTE}*", "",
            f"![Dòng thời gian 2025–2028 của các việc có thời hạn và các việc định kỳ; bảng dưới đây ghi đủ "
            f"từng việc bằng chữ.]({rel(page, TIMELINE_SVG)}){{ .duty-timeline }}", ""]
    duties = sorted(faq.register.duties, key=lambda d: (d.sort_key(), d.plan, d.id))
    dated = [d for d in duties if d.time]
    anchors = answer_anchors(faq, dated, lambda q: q.deadline.plan if q.deadline else None)
    for q in faq.questions:  # the register check makes the first duty in its sections with its time the one
        if q.deadline:
            cited = {x.key for x in cited_duties(q, q.deadline.plan, faq.register)}
            hits = [d for d in dated if d.key in cited and d.time.wording.lower() == q.deadline.wording.lower()]
            for ids in anchors.values():
                if q.id in ids and hits:
                    ids.remove(q.id)
                    anchors.setdefault(hits[0].key, []).append(q.id)
                    break
    titles = [*DEADLINE_GROUP_TITLES, NOT_SET + " thời gian"]
    for group, title in enumerate(titles):
        items = [d for d in duties if (DEADLINE_GROUP[d.time.kind] if d.time else 3) == group]
        out += [f"## {title} {{#nhom-{group + 1}}}", ""]
        if not items:
            out += ["Không có.", ""]
            continue
        out += ["| Thời gian (nguyên văn) | Việc | Cơ quan | Căn cứ |", "|---|---|---|---|"]
        for d in items:
            plan = plans[d.plan]
            bodies = "; ".join(f"{links[b.body]} ({ROLES[b.role]})" for b in d.bodies)
            link = f"{rel(page, body_page(d.bodies[0].body))}#{duty_anchor(d)}"
            out.append(f"| {spans(anchors.get(d.key, []))}**{when(d)}** | [{md_escape(shorten(d.text, 110))}]({link}) | {bodies} | "
                       f"[{md_escape(plan.short_name)}, mục {d.section}]"
                       f"({section_href(page, plan, plan.section(d.section))}) |")
        out.append("")
    return "\n".join(out) + "\n"

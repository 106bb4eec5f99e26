"""The change log's page (thay-doi.md) and the line under each changed answer.

Readers link answers from their own documents, so an answer that was
corrected says when, and one page lists every change, newest first. Dates
come from `changes:` in faq.yml, never from the build's clock, so the same
input builds the same site. Pure: model -> Markdown.
"""

from __future__ import annotations


from .md import front_matter, md_escape, question_link
from .model import Change, Faq, Question
from .urls import VIEW_PAGES, change_anchor, rel
from .vocabulary import NOT_SEARCHED, VIEW_TITLES


def render_changed_line(q: Question, faq: Faq, page: str) -> str:
    """"Cập nhật ngày …" under an answer the log names, linking to the entry."""
    change = faq.last_change(q.id)
    if change is None:
        return ""
    target = f"{rel(page, VIEW_PAGES['changes'])}#{change_anchor(change.date)}"
    return (f'<p class="faq-changed" markdown data-search-exclude>Cập nhật ngày {change.shown_date} · '
            f"[xem nội dung thay đổi]({target})</p>\n")


def render_changes(faq: Faq) -> str:
    page = VIEW_PAGES["changes"]
    by_id = {q.id: q for q in faq.questions}
    out = front_matter(VIEW_TITLES["changes"], "Những câu trả lời đã được sửa hoặc thêm, mới nhất trước.",
                       NOT_SEARCHED)
    out += [f"# {VIEW_TITLES['changes']}", "",
            "Những câu trả lời đã được sửa hoặc thêm, mới nhất trước. Liên kết cố định của mỗi câu trả lời "
            "không đổi; ngày ghi ở đây là ngày nội dung thay đổi.", ""]
    if not faq.changes:
        return "\n".join(out + ["Chưa có thay đổi nào.", ""])
    day = None
    for change in faq.changes:
        if change.date != day:
            out += ([""] if day else []) + [f"## Ngày {change.shown_date} {{#{change_anchor(change.date)}}}", ""]
            day = change.date
        out.append(render_entry(change, by_id, faq, page))
    return "\n".join(out + [""])


def render_entry(change: Change, by_id: dict[str, Question], faq: Faq, page: str) -> str:
    links = []
    for qid in change.ids:
        q = by_id.get(qid) or faq.resolve(qid)
        links.append(question_link(q, page) if q is not None else f"`{qid}` (đã bỏ)")
    return f"- {'; '.join(links)}: {md_escape(change.what)}"

"""The stable address of every answer (cau-hoi/<id>.html): a static redirect
page that works without JavaScript and from file://, or a notice for an id
that was retired.
"""

from __future__ import annotations

import html

from .model import Faq, Moved, Question
from .urls import HOME_PAGE, permalink_page, question_page, rel_html
from .vocabulary import GENERATED_MARK


def render_retired_stub(m: Moved) -> str:
    home = rel_html(permalink_page(m.id), HOME_PAGE)
    return (f"<!DOCTYPE html>\n<!-- {GENERATED_MARK} -->\n<html lang=\"vi\">\n<head>\n"
            f"<meta charset=\"utf-8\">\n<title>Câu hỏi đã được bỏ</title>\n"
            f"<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n"
            f"<h1>Câu hỏi đã được bỏ</h1>\n<p>Câu hỏi mã <code>{html.escape(m.id)}</code> không còn trên trang: "
            f"{html.escape(m.retired or '')}</p>\n<p><a href=\"{html.escape(home)}\">Về trang chủ</a></p>\n"
            f"</body>\n</html>\n")


def departed_notes(faq: Faq) -> dict[str, list[tuple[str, Question | None, str | None]]]:
    """Per page: ids once published there that no longer are, with where they went,
    so that an old link's #anchor still lands on something that explains."""
    here = {(q.id, question_page(q)) for q in faq.questions}
    retired = {m.id: m.retired for m in faq.moved if m.retired is not None}
    notes: dict[str, list[tuple[str, Question | None, str | None]]] = {}
    for qid, page in sorted(set(faq.published)):
        if (qid, page) in here:
            continue
        target = faq.resolve(qid)
        notes.setdefault(page, []).append((qid, target, retired.get(qid)))
    return notes


def render_permalink_stub(q: Question, qid: str | None = None) -> str:
    """A static redirect page: works without JavaScript and from file://.
    `qid` is an old id that now leads to `q`."""
    target = f"{rel_html(permalink_page(qid or q.id), question_page(q))}#{q.id}"
    title = html.escape(q.question)
    return (f"<!DOCTYPE html>\n<!-- {GENERATED_MARK} -->\n<html lang=\"vi\">\n<head>\n"
            f"<meta charset=\"utf-8\">\n<title>{title}</title>\n"
            f"<meta name=\"robots\" content=\"noindex\">\n"
            f"<link rel=\"canonical\" href=\"{html.escape(target)}\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={html.escape(target)}\">\n"
            f"</head>\n<body>\n<p>Câu trả lời ở đây: <a href=\"{html.escape(target)}\">{title}</a></p>\n"
            f"</body>\n</html>\n")

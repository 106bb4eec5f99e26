"""The printed booklet: one HTML document for WeasyPrint (faqbuild/pdf.py makes
the PDF). Pure: model -> HTML, rendered from the model, not from MkDocs' pages.

Cover, contents with page numbers, the questions numbered and grouped by topic
as on the site, each answer followed by its citations with the quoted words
and the page of the appendix where the section stands, then the full text of
both plans. The layout is booklet.css beside this module.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .cite import plan_identification
from .model import Faq, Plan, Question, Section
from .urls import section_anchor
from .vocabulary import ROLES, TOPICS


BOOKLET_TITLE = "Hỏi – đáp về kế hoạch thực hiện Chỉ thị số 47-CT/TW"
SUBJECT = ("Hai kế hoạch của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 47-CT/TW ngày 23/5/2025 "
           "của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối với công tác dư luận xã hội "
           "trong tình hình mới")


@dataclass(frozen=True)
class Version:
    """What the cover says the booklet was made from: the date ("2026-12-01")
    and short hash of the last commit that changed the content, or None for
    both outside a git checkout."""
    date: str | None = None
    commit: str | None = None
    timestamp: str | None = None  # ISO 8601, for the PDF's dates

    def shown(self) -> str:
        if not self.commit:
            return "Phiên bản: không rõ (bản dựng ngoài kho mã nguồn)"
        year, month, day = self.date.split("-")
        return f"Phiên bản {self.commit}, ngày {int(day)}/{int(month)}/{year}"


def esc(text: str) -> str:
    return keep_together(html.escape(text, quote=False))


# Units that must not break across lines:
# - a word with a hyphen or a slash inside it: "47-CT/TW", "8/2025", "“-KH/TU”",
#   "IV/2025"; or with a period before a digit, a section: "III.1" broke as
#   "(mục III." / "1 Kế hoạch" in the contents;
# - a spaced hyphen with a word on each side: "kinh tế - xã hội" breaks only
#   as "kinh" / "tế - xã hội" or "kinh tế - xã" / "hội". A line that ends in
#   "-" reads as a word split in two, and poppler (pdftotext, the viewers
#   built on it) drops that hyphen when it joins the lines: a search for the
#   quoted words then fails. A line that starts with "- " reads as one of the
#   plans' dash items.
# A unit may run across inline tags ("“-<abbr>KH</abbr>/TU”"): the span goes
# round the tags, which the sanitized answers and the glossary put there.
BLOCK = "\x00"  # where a tag other than an inline one stands: no unit runs across it
WORD = r"[^\s\x00]"
UNIT_RE = re.compile(rf"(?<!{WORD})(?:{WORD}+(?:\s+-\s+{WORD}+)+|{WORD}*(?:\w[-/]\w|\w\.\d){WORD}*)")
SPACED_HYPHEN_RE = re.compile(rf"\s+-\s+{WORD}+")
TAG_RE = re.compile(r"(<[^>]*>)")
INLINE_TAGS = {"a", "abbr", "b", "code", "em", "i", "span", "strong"}
TAG_NAME_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")


def keep_together(markup: str) -> str:
    parts = TAG_RE.split(markup)  # text, tag, text, tag, ..., text
    # The text as a reader sees it: an inline tag is nothing, any other tag
    # (a cell, a paragraph, <br>) ends the unit before it.
    plain, where = [], []  # where[i]: (part, offset) of plain's character i
    for i, part in enumerate(parts):
        if i % 2:
            if inline(part) is None:
                plain.append(BLOCK)
                where.append((i, 0))
            continue
        plain.append(part)
        where += [(i, k) for k in range(len(part))]
    text = "".join(plain)
    inserts: dict[tuple[int, int], list[str]] = {}

    def wrap(a: int, b: int) -> bool:
        """A span round text[a:b], if it can go round the tags in it."""
        start, end = where[a], where[b - 1]
        end = (end[0], end[1] + 1)
        while not balanced(parts[start[0] + 1:end[0]:2]):
            # Take in the tags that open right before the text or close right after it.
            if end[1] == len(parts[end[0]]) and end[0] + 1 < len(parts) and inline(parts[end[0] + 1]) == "/":
                end = (end[0] + 2, 0)
            elif start[1] == 0 and start[0] > 0 and inline(parts[start[0] - 1]) == "":
                start = (start[0] - 2, len(parts[start[0] - 2]))
            else:
                return False
        inserts.setdefault(start, []).append('<span class="nw">')
        inserts.setdefault(end, []).insert(0, "</span>")
        return True

    for match in UNIT_RE.finditer(text):
        if wrap(match.start(), match.end()):
            continue
        # The unit starts inside a tag and ends outside it ("<a>mục II.1</a>,"):
        # round each " - word" alone (a line breaks after a space, never before
        # one: "<b>Vụ Nghiên cứu</b> - <abbr>DLXH</abbr>"), and each unit
        # within one stretch of text ("II.1").
        for piece in SPACED_HYPHEN_RE.finditer(text, match.start(), match.end()):
            wrap(piece.start(), piece.end())
        a = match.start()
        while a < match.end():
            b = a
            while b < match.end() and where[b][0] == where[a][0]:
                b += 1
            for inner in UNIT_RE.finditer(text[a:b]):
                if not SPACED_HYPHEN_RE.search(inner.group()):
                    wrap(a + inner.start(), a + inner.end())
            a = b
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        cuts = sorted(k for (j, k) in inserts if j == i)
        last = 0
        for k in cuts:
            out += [part[last:k], *inserts[(i, k)]]
            last = k
        out.append(part[last:])
    return "".join(out)


def inline(tag: str) -> str | None:
    """"" for an inline element's opening tag, "/" for its closing tag, None
    for any other tag."""
    name = TAG_NAME_RE.match(tag)
    return name.group(1) if name and name.group(2).lower() in INLINE_TAGS else None


def balanced(tags: list[str]) -> bool:
    """Whether a span can go round these tags: each one opened is closed
    among them."""
    depth = []
    for tag in tags:
        name = TAG_NAME_RE.match(tag)
        if name is None or tag.endswith("/>"):
            continue
        if not name.group(1):
            depth.append(name.group(2).lower())
        elif not depth or depth.pop() != name.group(2).lower():
            return False
    return not depth


def plan_target(plan_id: str, section_id: str) -> str:
    return f"kh{plan_id}-{section_anchor(section_id)}"


LINK_RE = re.compile(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', re.S)
PLAN_LINK_RE = re.compile(r"^(?:\.\./)*/?ke-hoach/(\d{3})\.md#(.+)$")
QUESTION_LINK_RE = re.compile(r"^(?:\.\./)*/?chu-de/[a-z0-9-]+\.md#([a-z0-9-]+)$")


def answer_html(q: Question, known_ids: set[str]) -> str:
    """An answer's HTML, as sanitize.py made it for the site, with its site links
    made links inside the booklet: a plan section to its place in the appendix,
    a question to its place here; other site pages are not in the booklet, so
    their links become plain text."""
    body = q.answer_html

    def link(match: re.Match) -> str:
        href, rest, text = match.groups()
        if href.startswith("https://"):
            return match.group()
        plan = PLAN_LINK_RE.match(href)
        if plan:
            return f'<a href="#kh{plan.group(1)}-{plan.group(2)}"{rest}>{text}</a>'
        question = QUESTION_LINK_RE.match(href)
        if question and question.group(1) in known_ids:
            return f'<a href="#{question.group(1)}"{rest}>{text}</a>'
        return f"<span>{text}</span>"
    return keep_together(LINK_RE.sub(link, body))


def render_cover(plans: dict[str, Plan], faq: Faq, version: Version) -> list[str]:
    out = ['<section class="cover">',
           '<p class="kind">Tài liệu hỏi – đáp</p>',
           f"<h1>{esc(BOOKLET_TITLE)}</h1>",
           f'<p class="subject">{esc(SUBJECT)}</p>',
           '<div class="plans"><p class="plans-head">Hai kế hoạch:</p><ol>']
    for pid, plan in sorted(plans.items()):
        out.append(f"<li>{esc(plan_identification(plan))}.</li>")
    out += ["</ol></div>",
            f'<p class="count">{len(faq.questions)} câu hỏi – trả lời, có dẫn chiếu nguyên văn; '
            "toàn văn hai kế hoạch ở phần Phụ lục.</p>",
            f'<p class="version">{esc(version.shown())}</p>',
            "</section>"]
    return out


def topics_in_order(faq: Faq) -> list[tuple[str, str, str, list[Question]]]:
    """(topic, slug, title, questions), topics in the site's order, empty ones left out."""
    out = []
    for topic, (slug, title, _) in TOPICS.items():
        items = [q for q in faq.questions if q.topic == topic]
        if items:
            out.append((topic, slug, title, items))
    return out


def appendix_title(n: int, plan: Plan) -> str:
    return f"Phụ lục {n}. Toàn văn {plan.short_name[0].lower()}{plan.short_name[1:]}"


def render_contents(plans: dict[str, Plan], faq: Faq) -> list[str]:
    out = ['<nav class="toc">', "<h2>Mục lục</h2>", "<ol>"]
    number = 0
    for _, slug, title, items in topics_in_order(faq):
        out.append(f'<li class="toc-topic"><a href="#chu-de-{slug}">{esc(title)}</a><ol>')
        for q in items:
            number += 1
            out.append(f'<li class="toc-question"><a href="#{q.id}">'
                       f'<span class="no">Câu {number}.</span> {esc(q.question)}</a></li>')
        out.append("</ol></li>")
    for n, (pid, plan) in enumerate(sorted(plans.items()), start=1):
        out.append(f'<li class="toc-topic"><a href="#phu-luc-{pid}">{esc(appendix_title(n, plan))}</a></li>')
    out += ["</ol>", "</nav>"]
    return out


def render_sources(q: Question, plans: dict[str, Plan]) -> list[str]:
    """One line per section cited, with its quoted words and where the
    appendix prints the section."""
    quotes: dict[tuple[str, str], list[str]] = {}
    for c in q.citations:
        said = quotes.setdefault((c.plan, c.section), [])
        if c.quote:
            said.append(c.quote)
    out = ['<div class="sources"><p class="label">Căn cứ:</p><ul>']
    for (pid, sid), said in quotes.items():
        plan = plans[pid]
        section = plan.section(sid)
        target = plan_target(pid, sid)
        words = " … ".join(f"“{esc(s)}”" for s in said)
        out.append(f'<li>{esc(plan.short_name)}, <a class="ref" href="#{target}">{esc(section.label)}</a>'
                   f'{": " + words if words else ""}</li>')
    out.append("</ul></div>")
    return out


def render_facets(q: Question, faq: Faq) -> list[str]:
    names = {b.id: b for b in faq.bodies}
    out = []
    if q.bodies:
        roles = "; ".join(f"{esc(names[b.body].short)} ({ROLES[b.role]})" for b in q.bodies)
        out.append(f"<p><b>Cơ quan:</b> {roles}</p>")
    if q.deadline:
        out.append(f"<p><b>Thời gian thực hiện:</b> {esc(q.deadline.wording)}</p>")
    return ['<div class="facets">', *out, "</div>"] if out else []


def render_questions(plans: dict[str, Plan], faq: Faq) -> list[str]:
    known = {q.id for q in faq.questions}
    out = []
    number = 0
    for _, slug, title, items in topics_in_order(faq):
        out += [f'<section class="topic" id="chu-de-{slug}">', f"<h2>{esc(title)}</h2>"]
        for q in items:
            number += 1
            # The id on the heading, not the article: an article that starts at
            # a page's foot, its heading pushed over, gave the contents the page before.
            out += ['<article class="question">',
                    f'<h3 id="{q.id}"><span class="no">Câu {number}.</span> {esc(q.question)}</h3>',
                    answer_html(q, known),
                    *render_facets(q, faq),
                    *render_sources(q, plans),
                    "</article>"]
        out.append("</section>")
    return out


def render_section(plan: Plan, section: Section) -> list[str]:
    anchor = plan_target(plan.id, section.id)
    label = f'<span class="sid">{esc(section.label)}</span>'
    if not section.numbered:
        paragraphs = [esc(p) for p in section.paragraphs]
        return [f'<div class="part" id="{anchor}">{label}', *[f"<p>{p}</p>" for p in paragraphs], "</div>"]
    out = [f'<div class="part depth-{section.depth}" id="{anchor}">{label}']
    number = f'<span class="num">{esc(section.number)}</span>'
    paragraphs = list(section.paragraphs)
    if section.title:
        out.append(f'<p class="head">{number} {esc(section.title)}</p>')
    elif paragraphs:
        out.append(f"<p>{number} {render_paragraph(paragraphs.pop(0), bare=True)}</p>")
    out += [render_paragraph(p) for p in paragraphs]
    out.append("</div>")
    return out


def render_paragraph(text: str, bare: bool = False) -> str:
    if bare:
        return esc(text)
    if text.startswith("- "):
        return f'<p class="dash">{esc(text)}</p>'
    return f"<p>{esc(text)}</p>"


def render_plan(n: int, plan: Plan) -> list[str]:
    footer = f' data-footer="{html.escape(plan.notice)}"' if plan.notice else ""
    out = [f'<section class="plan{" footed" if plan.notice else ""}" id="phu-luc-{plan.id}"{footer}>',
           f"<h2>{esc(appendix_title(n, plan))}</h2>",
           f'<div class="part" id="{plan_target(plan.id, "tieu-de")}">']
    if plan.issuer or plan.party:
        left = [plan.issuer or "", "*" if plan.issuer else "", plan.number or ""]
        right = [plan.party or "", plan.place_date or ""]
        out.append('<table class="letterhead"><tr>'
                   f'<td>{"<br>".join(esc(x) for x in left if x)}</td>'
                   f'<td>{"<br>".join(esc(x) for x in right if x)}</td></tr></table>')
        if plan.handwritten:
            out.append(f'<p class="editor">[Ghi bên cạnh dòng ngày tháng: “{esc(plan.handwritten)}”]</p>')
    else:
        out.append('<p class="editor">[Văn bản không in tên cơ quan ban hành, số, ký hiệu, '
                   "địa danh và ngày tháng.]</p>")
    out += [f'<p class="doctype">{esc(plan.document_type)}</p>',
            f'<p class="doctitle">{esc(plan.title)}</p>', '<p class="rule">-----</p>', "</div>"]
    for section in plan.sections:
        if section.id in ("tieu-de", "noi-nhan", "chu-ky"):
            continue
        out += render_section(plan, section)
    s = plan.signer
    out += ['<div class="closing">',
            f'<div class="recipients part" id="{plan_target(plan.id, "noi-nhan")}"><p><i><b>Nơi nhận:</b></i></p>',
            *[f"<p>- {esc(r)}</p>" for r in plan.recipients], "</div>",
            f'<div class="signature part" id="{plan_target(plan.id, "chu-ky")}">'
            f"<p><b>{esc(s.on_behalf)}</b></p><p><b>{esc(s.title)}</b></p>"
            f'<p class="name"><b>{esc(s.name)}</b></p></div>', "</div>"]
    out.append("</section>")
    return out


def render_booklet(plans: dict[str, Plan], faq: Faq, version: Version, css: str) -> str:
    meta = [f'<meta name="description" content="{html.escape(SUBJECT)}">',
            '<meta name="keywords" content="Chỉ thị 47-CT/TW, dư luận xã hội, hỏi – đáp">']
    if version.timestamp:
        # WeasyPrint takes the PDF's creation and modification dates from these:
        # the commit's, so the same commit gives the same bytes.
        meta += [f'<meta name="dcterms.created" content="{version.timestamp}">',
                 f'<meta name="dcterms.modified" content="{version.timestamp}">']
    out = ["<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
           f"<title>{html.escape(BOOKLET_TITLE)}</title>", *meta,
           f"<style>\n{css}</style>", "</head>", "<body>"]
    out += render_cover(plans, faq, version)
    out += render_contents(plans, faq)
    out += render_questions(plans, faq)
    for n, (pid, plan) in enumerate(sorted(plans.items()), start=1):
        out += render_plan(n, plan)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)



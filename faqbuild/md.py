"""Markdown helpers for the renderers: escaping plan and editor text, plain
text from an answer, relinking answers for the page that shows them, front
matter, and the links every page draws (to a question, to a section).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator

from .model import Plan, Question, Section
from .rules import URL_SCHEME_RE
from .sanitize import relink_html
from .urls import question_href, rel_html
from .vocabulary import GENERATED_MARK


MD_MARK = f"# {GENERATED_MARK}"  # a YAML comment inside the front matter

# Characters Python-Markdown (with tables) lets a backslash escape. Others,
# such as '<' or '=', keep a backslash visible, so '<' and '&' become entities.
MD_SPECIAL_RE = re.compile(r"[\\`*_{}\[\]()>#+!|]")

# A leading "1." or "- " would start a list; the plans' numbering is ours to show.
MD_LIST_START_RE = re.compile(r"(\d+)\.|[-+] ")


def md_escape(text: str) -> str:
    """Escape plan or editor text so that Markdown shows it exactly as written."""
    text = MD_SPECIAL_RE.sub(lambda m: "\\" + m.group(), text.replace("&", "&amp;").replace("<", "&lt;"))
    start = MD_LIST_START_RE.match(text)
    if start:
        text = f"{start.group(1)}\\.{text[start.end():]}" if start.group(1) else "\\" + text
    return text


def first_sentence(markdown: str) -> str:
    text = plain_text(markdown)
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return (match.group(1) if match else text).strip()

PLAIN_TEXT_STEPS = [(re.compile(pattern, flags), replacement) for pattern, flags, replacement in (
    (r"!?\[([^\]]*)\]\([^)]*\)", 0, r"\1"),          # links and images: their text
    (r"^\s{0,3}#+\s*", re.M, ""),                      # heading marks
    (r"^\s*(?:[-*+]|\d+\.)\s+", re.M, ""),           # list marks
    (r"^\s*>\s?", re.M, ""),                           # quote marks
    (r"\*\*|__|\*|_|`", 0, ""),                       # emphasis and code marks
    (r"\\(.)", 0, r"\1"),                              # escapes
)]


def plain_text(markdown: str) -> str:
    """Markdown -> readable plain text, for faq.json and descriptions."""
    text = markdown
    for regex, replacement in PLAIN_TEXT_STEPS:
        text = regex.sub(replacement, text)
    return " ".join(text.split())


def answer_block(q: Question, page: str) -> str:
    """The answer's sanitized HTML as a block for the page showing it. Answers link
    site-relative ("ke-hoach/002.md#muc-ii-1-3"); MkDocs does not rewrite links
    inside HTML, so each is made relative to this page's published .html here.
    No blank line inside: Markdown must take the whole block as HTML."""
    def fix(target: str) -> str:
        if URL_SCHEME_RE.match(target) or target.startswith("#"):
            return target
        path, _, anchor = target.lstrip("/").partition("#")
        return rel_html(page, path) + (f"#{anchor}" if anchor else "")
    body = "\n".join(line for line in relink_html(q.answer_html, fix).split("\n") if line.strip())
    return f'<div class="faq-answer">\n{body}\n</div>'


def front_matter(title: str, description: str = "", extra: Iterable[str] = ()) -> list[str]:
    """YAML front matter. The theme prints title and description into the page
    without escaping (in <title>, the header, and a content="…" attribute), so
    they are escaped here: an editor's '<' or '"' must stay text."""
    out = ["---", MD_MARK, f"title: {json.dumps(html.escape(title), ensure_ascii=False)}"]
    if description:
        out.append(f"description: {json.dumps(html.escape(description), ensure_ascii=False)}")
    return out + list(extra) + ["---", ""]


def joined_lines(groups: Iterable[list[str]]) -> Iterator[str]:
    """The same text as joining all the groups' lines with newlines, a piece per
    (non-empty) group."""
    separator = ""
    for group in groups:
        yield separator + "\n".join(group)
        separator = "\n"


def plan_name(plan: Plan) -> str:
    return plan.short_name


def citation_label(plan: Plan, section: Section) -> str:
    return f"{plan_name(plan)}, {section.label}"


def question_link(q: Question, page: str) -> str:
    return f"[{md_escape(q.question)}]({question_href(page, q)})"

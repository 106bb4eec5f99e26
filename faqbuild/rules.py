"""Markdown rules for editor text: what an answer may contain, as located errors.

sanitize.py renders an answer through an allow-list whatever it holds; this
module tells the editor, at `faq.yml:line:col`, about everything that
allow-list would drop or that Markdown would read differently from what they
meant, and what to write instead. A refused answer is never built.
"""

from __future__ import annotations

import re

from .checker import Checker
from .loader import Node
from .sanitize import Rendered, decoded
from .text import shorten


URL_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")  # "https:", "javascript:" …
# A code span opens and closes with backtick runs of the same length (CommonMark).
# Whole runs only: "(`+)…\1" backtracked into every shorter run, and an answer
# of 20,000 backticks took minutes.
CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)")

# Markdown an answer may not use: (pattern, what is wrong, what to write instead).
REFUSED: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p, re.M), m) for p, m in (
    (r"<[A-Za-z!/?]", "raw HTML {found!r} is not allowed; expected Markdown only (write \\< for a literal '<')"),
    (r"!\[", "an image {found!r} is not allowed: a page must not load anything from another host, and "
             "answers hold no pictures; expected a link to the document instead"),
    (r"(?<!\\)\{\s*[:#.][^}\n]*\}?", "an attribute list {found!r} is not allowed in an answer; expected plain Markdown "
                              "(write \\{{ for a literal brace)"),
    (r"^[ \t>]*\*\[[^\]\n]*\]:", "an abbreviation definition {found!r} is not allowed in an answer; expected "
                                 "the abbreviation in the glossary at the top of faq.yml"),
    (r"^[ \t>]*;*-+8<-+", "a snippet include {found!r} is not allowed in an answer; expected the text itself"),
    (r"^ {0,3}#{1,6}(?:[ \t]|$)", "a heading {found!r} is not allowed in an answer (the question is its "
                                  "heading); expected **bold** text or a list"),
    (r"^ {0,3}(?:=+|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$",
     "a heading underline or horizontal rule {found!r} is not allowed in an answer; expected a blank line "
     "between paragraphs"),
))
# What sanitize.py drops, named for an editor, when no pattern above found it.
DROPPED_NAMES = {"img": "an image", "hr": "a horizontal rule", "pre": "a code block (indented by four spaces)",
                 **{f"h{n}": "a heading" for n in range(1, 7)}}


def check_markdown(check: Checker, node: Node, where: str, answer: str, rendered: Rendered) -> bool:
    """Everything an answer holds that the allow-list would not show as written."""
    before = len(check.problems)
    masked = mask_code_spans(answer)
    for pattern, message in REFUSED:
        for match in pattern.finditer(masked):
            line = masked[match.start():].split("\n", 1)[0]
            check.add_inside(node, answer, match.start(), f"{where}: " + message.format(found=shorten(line, 20)))
    if len(check.problems) == before:  # the located errors above explain any drop
        for tag in dict.fromkeys(rendered.dropped):
            check.add(node, f"{where}: {DROPPED_NAMES.get(tag, f'the element <{tag}>')} is not allowed in an "
                            "answer; expected paragraphs, lists, links, tables and **bold** or *italic* text")
    for target in rendered.links:
        if not link_is_safe(decoded(target)):
            check.add_inside(node, answer, locate(answer, target),
                             f"{where}: link target {shorten(decoded(target), 40)!r} is not allowed; expected a "
                             "site-relative link such as \"ke-hoach/002.md#muc-ii-1-1\" or an https: address")
    return len(check.problems) == before


def locate(answer: str, target: str) -> int:
    """Where a link target stands in the answer (its first occurrence as written), or its start."""
    index = answer.find(target)
    return index if index >= 0 else 0


def mask_code_spans(markdown: str) -> str:
    """The text with code spans blanked out (same length): what they hold is shown as code."""
    return CODE_SPAN_RE.sub(lambda m: " " * len(m.group()), markdown) if "`" in markdown else markdown


def link_is_safe(target: str) -> bool:
    scheme = URL_SCHEME_RE.match(target)
    if scheme:
        return scheme.group(1).lower() == "https"
    return not target.startswith("//")

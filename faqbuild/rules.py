"""Markdown rules for editor text: what an answer may contain. Raw HTML and
links other than site-relative or https: are refused, located in faq.yml.
"""

from __future__ import annotations

import re

from .checker import Checker
from .loader import Node
from .text import shorten


# Raw HTML: a tag, comment, or declaration opener.
RAW_HTML_RE = re.compile(r"<[A-Za-z!/?]")
URL_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")  # "https:", "javascript:" …

INLINE_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")
REF_LINK_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.M)

# A code span opens and closes with backtick runs of the same length (CommonMark).
# Whole runs only: "(`+)…\1" backtracked into every shorter run, and an answer
# of 20,000 backticks took minutes.
CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)")


def check_markdown(check: Checker, node: Node, where: str, answer: str) -> bool:
    """Refuse raw HTML and unsafe links: editors' Markdown must stay inert."""
    before = len(check.problems)
    masked = mask_code_spans(answer)
    for match in RAW_HTML_RE.finditer(masked):
        check.add_inside(node, answer, match.start(),
                         f"{where}: raw HTML {shorten(masked[match.start():match.start() + 20], 20)!r} is not "
                         "allowed; expected Markdown only (write \\< for a literal '<')")
    for regex in (INLINE_LINK_RE, REF_LINK_RE):
        for match in regex.finditer(masked):
            target = match.group(1)
            if not link_is_safe(target):
                check.add_inside(node, answer, match.start(1),
                                 f"{where}: link target {shorten(target, 40)!r} is not allowed; expected a "
                                 "site-relative link or an https: address")
    return len(check.problems) == before


def mask_code_spans(markdown: str) -> str:
    """The text with code spans blanked out (same length): what they hold is shown as code."""
    return CODE_SPAN_RE.sub(lambda m: " " * len(m.group()), markdown) if "`" in markdown else markdown


def link_is_safe(target: str) -> bool:
    scheme = URL_SCHEME_RE.match(target)
    if scheme:
        return scheme.group(1).lower() == "https"
    return not target.startswith("//")

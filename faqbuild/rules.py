"""TODO docstring."""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def check_markdown(answer: str) -> Iterator[tuple[int, int, str]]:
    """Refuse raw HTML and unsafe links: editors' Markdown must stay inert."""
    masked = CODE_SPAN_RE.sub(lambda m: " " * len(m.group()), answer) if "`" in answer else answer
    for match in RAW_HTML_RE.finditer(masked):
        line, col = offset_to_line_col(masked, match.start())
        yield line, col, (f"raw HTML {shorten(masked[match.start():match.start() + 20], 20)!r} is not allowed; "
                          "expected Markdown only (write \\< for a literal '<')")
    for regex in (INLINE_LINK_RE, REF_LINK_RE):
        for match in regex.finditer(masked):
            target = match.group(1)
            if not link_is_safe(target):
                line, col = offset_to_line_col(masked, match.start(1))
                yield line, col, (f"link target {shorten(target, 40)!r} is not allowed; expected a "
                                  "site-relative link or an https: address")


def link_is_safe(target: str) -> bool:
    scheme = URL_SCHEME_RE.match(target)
    if scheme:
        return scheme.group(1).lower() == "https"
    return not target.startswith("//")


def offset_to_line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col

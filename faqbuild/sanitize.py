"""Editor Markdown to HTML through an allow-list: the one way an answer reaches a page.

An answer may use paragraphs, emphasis, lists, links, tables, code spans,
line breaks and the glossary's abbreviations. Python-Markdown renders it with
only the extensions those need, nh3 (the Ammonia sanitizer) keeps only the
tags and attributes below and only https: or relative links, and the result
goes on the page as an HTML block, which MkDocs' page-wide extensions
(attr_list, md_in_html, snippets, abbr) never parse. rules.py turns what
this would drop into located errors, so an editor learns what to write
instead; this module is what makes the page safe whatever gets past them.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

import markdown
import nh3


ALLOWED_TAGS = {"p", "br", "strong", "em", "code", "ul", "ol", "li", "a", "abbr", "blockquote",
                "table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}
URL_SCHEMES = {"https"}
HREF_RE = re.compile(r'\bhref="([^"]*)"')
TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")


@dataclass(frozen=True)
class Rendered:
    html: str                  # sanitized; site links as written ("ke-hoach/002.md#muc-ii-1-1")
    links: tuple[str, ...]     # every link target as written in the Markdown output, in order
    dropped: tuple[str, ...]   # elements the allow-list removed, by tag name


@functools.lru_cache(maxsize=1)
def converter(glossary: tuple[tuple[str, str], ...]) -> markdown.Markdown:
    """One converter for every answer, reset before each (Python-Markdown's
    way of reusing one): making one per answer, with its extensions, was a
    third of the time of rendering them."""
    return markdown.Markdown(extensions=["tables", "abbr"],
                             extension_configs={"abbr": {"glossary": dict(glossary)}}, output_format="html")


# Under `make serve` the watcher rebuilds after every save, and all answers but
# the edited one are the same as last time: rendering them again was 0.13 s of
# each 0.22 s rebuild (the edit loop of `make bench`, budget 1 s).
@functools.lru_cache(maxsize=8192)
def render_answer(text: str, glossary: tuple[tuple[str, str], ...]) -> Rendered:
    """Markdown -> (sanitized HTML, the link targets, what was dropped)."""
    raw = converter(glossary).reset().convert(text)
    meanings = {meaning for _, meaning in glossary}

    def keep(tag: str, attribute: str, value: str) -> str | None:
        # Material shows an abbreviation's title as HTML: only the glossary's
        # own meanings (plain words, checked on load) may stand there.
        if tag == "abbr" and attribute == "title" and value not in meanings:
            return None
        return value

    clean = nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                      link_rel=None, strip_comments=True, attribute_filter=keep)
    dropped = tuple(tag.lower() for tag in TAG_RE.findall(raw) if tag.lower() not in ALLOWED_TAGS)
    return Rendered(clean.strip(), tuple(HREF_RE.findall(raw)), dropped)


def decoded(target: str) -> str:
    """A link target as a browser reads it: entities decoded, and the characters
    it ignores (ASCII whitespace and controls) removed."""
    return re.sub(r"[\x00-\x20\x7f]", "", html.unescape(target))


def relink_html(fragment: str, rewrite) -> str:
    """Every href in sanitized HTML through rewrite(target) -> new target."""
    return HREF_RE.sub(lambda m: f'href="{html.escape(rewrite(html.unescape(m.group(1))), quote=True)}"', fragment)

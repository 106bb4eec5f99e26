"""Where everything lives: every page path, anchor and URL rule of the site.

Renderers ask this module for a path or a link and never build one
themselves, so moving a page is a change here only. Pages are named by
their docs-relative path ("chu-de/nhiem-vu.md"); MkDocs publishes them as
".html" (use_directory_urls is off).
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable

from .model import Plan, Question, Section
from .vocabulary import NAMED_SECTIONS, TOPICS


HOME_PAGE = "index.md"
GLOSSARY_PAGE = "chu-viet-tat.md"
ABBREVIATIONS_SNIPPET = "includes/abbreviations.md"  # appended to every page by mkdocs.yml
FAQ_JSON = "faq.json"
SCHEMA_URL_PATH = "schema/faq.schema.json"
DUTIES_SCHEMA = "schema/duties.schema.json"   # of plans/duties/*.yml
# Material's search worker loads lunr.<lang>.min.js for `lang: vi`. Ours is
# built from a hand-written template plus the glossary, so the search folds
# diacritics and expands abbreviations from the one list editors maintain.
SEARCH_TEMPLATE = "includes/lunr.vi.js"
SEARCH_LANGUAGE_FILE = "assets/javascripts/lunr/min/lunr.vi.min.js"
SEARCH_GLOSSARY_SLOT = "__GLOSSARY__"
SEARCH_SYNONYMS_SLOT = "__SYNONYMS__"
SEARCH_NAMES_SLOT = "__NAMES__"
SEARCH_ASKED_SLOT = "__ASKED__"

# The reader views beside the topic pages (titles in vocabulary.VIEW_TITLES).
VIEW_PAGES: dict[str, str] = {
    "bodies": "co-quan/index.md",
    "deadlines": "thoi-han.md",
    "compare": "doi-chieu.md",
    "print": "ban-in.md",
    "changes": "thay-doi.md",
}
# The booklet as a PDF, at the root of the built site (faqbuild/pdf.py writes
# it after mkdocs build; it is not a page of docs/).
BOOKLET_PDF = "hoi-dap-chi-thi-47.pdf"
PLAN_NOTES_ANCHOR = "ghi-chu"  # the transcription notes at the end of a plan page
# Folders whose files are all generated: a generated file there that a build
# no longer produces is removed.
GENERATED_DIRS = ("chu-de", "ke-hoach", "cau-hoi", "co-quan", "lich")

# The register of duties' other forms (checklists.py, calendar.py, timeline.py).
REPORTING_PAGE = "co-quan/bao-cao.md"
CALENDAR_ALL = "lich/tat-ca.ics"
DUTIES_CSV = "lich/nhiem-vu.csv"
TIMELINE_SVG = "lich/dong-thoi-gian.svg"


def body_calendar(body_id: str) -> str:
    return f"lich/{body_id}.ics"


def duty_anchor(duty) -> str:
    """A duty's anchor on every checklist that lists it: "nv-002-iii-1-a"."""
    return f"nv-{duty.plan}-" + duty.id.lower().replace(".", "-")


def topic_page(topic: str) -> str:
    return f"chu-de/{TOPICS[topic][0]}.md"


def question_page(q: Question) -> str:
    """The page an answer is shown on: its topic's page, where its anchor is its id."""
    return topic_page(q.topic)


def plan_page(plan_id: str) -> str:
    return f"ke-hoach/{plan_id}.md"


def body_page(body_id: str) -> str:
    return f"co-quan/{body_id}.md"


def permalink_page(qid: str) -> str:
    """The stable address of an answer: derived from its id alone, so that a
    question can be reworded or moved to another topic without breaking links."""
    return f"cau-hoi/{qid}.html"


def section_anchor(section_id: str) -> str:
    """Explicit, stable anchors: Python-Markdown's own slugs drop 'đ'."""
    if section_id in NAMED_SECTIONS:
        return section_id
    return "muc-" + section_id.lower().replace(".", "-")


def change_anchor(date: str) -> str:
    """The change log's entries for one day: "ngay-2026-12-01"."""
    return f"ngay-{date}"


# A page links to the same few pages many times (8,000 calls, 600 distinct
# pairs): relpath was a quarter of the rendering, and the cache takes
# `make build` from 1.26x to within its 1.25x budget of mkdocs build alone.
@functools.lru_cache(maxsize=65536)
def rel(from_page: str, to_page: str) -> str:
    """Relative link from one docs page to another, as MkDocs resolves them."""
    # Rooted at "/" so that relpath never asks for the working directory.
    return posixpath.relpath("/" + to_page, "/" + posixpath.dirname(from_page))


def rel_html(from_page: str, to_page: str) -> str:
    """Like rel(), to the published .html file: for pages MkDocs does not
    rewrite (the static redirect pages)."""
    target = rel(from_page, to_page)
    return target[:-3] + ".html" if target.endswith(".md") else target


def html_url(page: str) -> str:
    """Site-absolute URL of a docs page."""
    return "/" + page[:-3] + ".html"


def question_url(q: Question) -> str:
    return f"{html_url(question_page(q))}#{q.id}"


def section_url(plan: Plan, section: Section) -> str:
    return f"{html_url(plan_page(plan.id))}#{section_anchor(section.id)}"


def section_href(from_page: str, plan: Plan, section: Section) -> str:
    return f"{rel(from_page, plan_page(plan.id))}#{section_anchor(section.id)}"


def question_href(from_page: str, q: Question) -> str:
    return f"{rel(from_page, question_page(q))}#{q.id}"


def site_pages(plans: dict[str, Plan], questions: list[Question],
               body_ids: Iterable[str] = ()) -> dict[str, set[str]]:
    """Every page an answer may link to, with the anchors it has (a body's
    checklist is linked whole: its anchors come from the register, loaded later)."""
    pages: dict[str, set[str]] = {HOME_PAGE: set(), GLOSSARY_PAGE: set()}
    for topic in TOPICS:
        pages[topic_page(topic)] = {q.id for q in questions if q.topic == topic}
    for plan in plans.values():
        pages[plan_page(plan.id)] = {section_anchor(s.id) for s in plan.sections} | {PLAN_NOTES_ANCHOR}
    for path in VIEW_PAGES.values():
        pages[path] = set()
    for body_id in body_ids:
        pages[body_page(body_id)] = set()
    return pages

"""Every generated file, one at a time: the list of pages the renderers make,
in the order they are written. Model -> (docs path, content).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from .changelog import render_changes
from .checklists import (
    render_bodies_index,
    render_body_page,
    render_deadlines,
    render_group_page,
    render_reporting,
)
from .exports import render_json, render_search_language
from .ical import calendars
from .model import Faq, Plan, Question
from .pages import render_glossary_page, render_glossary_snippet, render_home, render_topic
from .plan_pages import render_plan
from .redirects import departed_notes, render_permalink_stub, render_retired_stub
from .schema import render_duties_schema, render_schema
from .sheets import render_csv
from .timeline import render_timeline
from .urls import (
    ABBREVIATIONS_SNIPPET,
    CALENDAR_ALL,
    DUTIES_CSV,
    DUTIES_SCHEMA,
    FAQ_JSON,
    GLOSSARY_PAGE,
    HOME_PAGE,
    REPORTING_PAGE,
    SCHEMA_URL_PATH,
    SEARCH_LANGUAGE_FILE,
    TIMELINE_SVG,
    VIEW_PAGES,
    body_calendar,
    body_page,
    permalink_page,
    plan_page,
    topic_page,
)
from .views import render_compare, render_print
from .vocabulary import TOPICS


def citing_questions(faq: Faq) -> dict[tuple[str, str], list[Question]]:
    """(plan, section) -> the questions that cite it, in faq.yml order."""
    backlinks: dict[tuple[str, str], list[Question]] = {}
    for q in faq.questions:
        # Once per question and section: `q not in cites` compared whole Question
        # dataclasses against every earlier citer, quadratic in the questions.
        for key in dict.fromkeys((c.plan, c.section) for c in q.citations):
            backlinks.setdefault(key, []).append(q)
    return backlinks


def render_site(plans: dict[str, Plan], faq: Faq, search_template: str | None = None
                ) -> Iterator[tuple[str, str | Iterator[str]]]:
    """Every generated file, one at a time: (docs-relative path, content), the
    content a string or, for the largest (faq.json, the booklet), a stream of
    pieces. So a build holds one page, or one piece, at a time: at 10,000
    questions the pages add up to more than 100 million characters."""
    by_topic: dict[str, list[Question]] = {t: [] for t in TOPICS}
    for q in faq.questions:
        by_topic[q.topic].append(q)
    backlinks = citing_questions(faq)

    def nfc(content: str | Iterator[str]) -> str | Iterator[str]:
        # Pieces start at a line or an item, never with a combining mark, so
        # normalising them one by one gives the same text as the whole.
        if isinstance(content, str):
            return unicodedata.normalize("NFC", content)
        return (unicodedata.normalize("NFC", piece) for piece in content)

    yield HOME_PAGE, nfc(render_home(plans, faq))
    yield FAQ_JSON, nfc(render_json(plans, faq))
    yield SCHEMA_URL_PATH, nfc(render_schema(faq))
    yield GLOSSARY_PAGE, nfc(render_glossary_page(faq))
    yield ABBREVIATIONS_SNIPPET, nfc(render_glossary_snippet(faq))
    for q in faq.questions:
        yield permalink_page(q.id), nfc(render_permalink_stub(q))
    for m in faq.moved:
        target = faq.resolve(m.id)
        yield permalink_page(m.id), nfc(render_permalink_stub(target, m.id) if target is not None
                                        else render_retired_stub(m))
    departed = departed_notes(faq)
    for topic, (slug, _, _) in TOPICS.items():
        page = topic_page(topic)
        yield page, nfc(render_topic(topic, by_topic[topic], plans, faq, departed.get(page, [])))
    for pid, plan in sorted(plans.items()):
        yield plan_page(plan.id), nfc(render_plan(plan, backlinks))
    yield VIEW_PAGES["bodies"], nfc(render_bodies_index(plans, faq))
    for body in faq.bodies:
        yield body_page(body.id), nfc(render_body_page(body, plans, faq, backlinks))
    for group in faq.register.groups:
        yield body_page(group.id), nfc(render_group_page(group, plans, faq, backlinks))
    yield REPORTING_PAGE, nfc(render_reporting(plans, faq))
    yield VIEW_PAGES["deadlines"], nfc(render_deadlines(plans, faq))
    yield TIMELINE_SVG, nfc(render_timeline(plans, faq))
    for body_id, text in calendars(plans, faq):
        yield (CALENDAR_ALL if body_id is None else body_calendar(body_id)), nfc(text)
    yield DUTIES_CSV, nfc(render_csv(plans, faq))
    yield DUTIES_SCHEMA, nfc(render_duties_schema())
    yield VIEW_PAGES["compare"], nfc(render_compare(plans, faq, backlinks))
    yield VIEW_PAGES["print"], nfc(render_print(plans, faq))
    yield VIEW_PAGES["changes"], nfc(render_changes(faq))
    if search_template is not None:
        yield SEARCH_LANGUAGE_FILE, nfc(render_search_language(faq, search_template, plans))

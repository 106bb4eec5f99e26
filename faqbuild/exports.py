"""The data exports: faq.json (the site's content, machine-readable) and the
Vietnamese search language for Material's search worker. Pure: model -> text.
"""

from __future__ import annotations

import functools
import json
import types
from collections.abc import Iterator

from .md import plain_text
from .model import Deadline, Duty, Faq, Plan
from .plan_pages import section_heading
from .urls import (
    SEARCH_ASKED_SLOT,
    SEARCH_GLOSSARY_SLOT,
    SEARCH_NAMES_SLOT,
    SEARCH_SYNONYMS_SLOT,
    SEARCH_TEMPLATE,
    VIEW_PAGES,
    body_page,
    duty_anchor,
    html_url,
    permalink_page,
    plan_page,
    question_url,
    section_url,
)
from .vocabulary import DEADLINE_GROUP, GENERATED_MARK, ROLES


def render_json(plans: dict[str, Plan], faq: Faq) -> Iterator[str]:
    data = {
        "generated_by": GENERATED_MARK,
        "plans": [{
            "id": plan.id,
            "title": f"{plan.document_type.capitalize()} {plan.title}",
            "short_name": plan.short_name,
            "issuer": plan.issuer,
            "number": plan.number,
            "place_date": plan.place_date,
            "signer": plan.signer.name,
            "signer_title": plan.signer.title,
            "url": html_url(plan_page(plan.id)),
            "sections": [{"id": s.id, "title": section_heading(s), "url": section_url(plan, s)}
                         for s in plan.sections],
        } for _, plan in sorted(plans.items())],
        "questions": ({
            "id": q.id,
            "question": q.question,
            "answer_markdown": q.answer.strip(),
            "answer_text": plain_text(q.answer),
            "url": question_url(q),
            "permalink": "/" + permalink_page(q.id),
            "topic": q.topic,
            "citations": [{
                "plan": c.plan, "section": c.section,
                "url": section_url(plans[c.plan], plans[c.plan].section(c.section)),
                "quote": c.quote or None,
            } for c in q.citations],
            "bodies": [{"id": b.body, "role": b.role, "role_label": ROLES[b.role], "plan": b.plan}
                       for b in q.bodies],
            "deadline": deadline_json(q.deadline),
            "last_changed": faq.last_change(q.id).date if faq.last_change(q.id) else None,
        } for q in faq.questions),
        "bodies": [{"id": b.id, "name": b.name, "short": b.short, "aliases": list(b.aliases),
                    "url": html_url(body_page(b.id)),
                    "duties": list(dict.fromkeys(d.key for d, _ in faq.register.of_body(b.id)))}
                   for b in faq.bodies],
        "duties": [duty_json(d, plans) for d in faq.register.duties],
        "views": {key: html_url(path) for key, path in VIEW_PAGES.items()},
        "moved": [{"id": m.id, "moved_to": m.moved_to, "url": question_url(faq.resolve(m.id))}
                  for m in faq.moved if m.moved_to is not None],
        "retired": [{"id": m.id, "reason": m.retired} for m in faq.moved if m.retired is not None],
        "changes": [{"date": c.date, "ids": list(c.ids), "what": c.what} for c in faq.changes],
    }
    return json_lines(data)


def json_lines(data: dict) -> Iterator[str]:
    """JSON in pieces: a line per top-level key and per item of a top-level list
    (or generator), so a change shows as a changed line in a diff. Not indent=,
    which makes json encode in Python, ten times slower (2.4 s at 10,000 questions)."""
    dump = functools.partial(json.dumps, ensure_ascii=False)
    yield "{\n"
    for number, (key, value) in enumerate(data.items(), 1):
        end = "\n" if number == len(data) else ",\n"
        if not isinstance(value, (list, types.GeneratorType)):
            yield f" {dump(key)}: {dump(value)}{end}"
            continue
        separator = f" {dump(key)}: [\n  "
        for item in value:
            yield separator + dump(item)
            separator = ",\n  "
        yield f" {dump(key)}: []{end}" if separator.startswith(" ") else f"\n ]{end}"
    yield "}\n"


def duty_json(d: Duty, plans: dict[str, Plan]) -> dict:
    """A register entry: the fields of plans/duties/<plan>.yml (schema/duties.schema.json), with links."""
    plan = plans[d.plan]
    return {"key": d.key, "plan": d.plan, "id": d.id, "section": d.section,
            "section_url": section_url(plan, plan.section(d.section)),
            "url": f"{html_url(body_page(d.bodies[0].body))}#{duty_anchor(d)}", "duty": d.text,
            "bodies": [{"body": b.body, "role": b.role, "role_label": ROLES[b.role], "as_printed": b.as_printed,
                        "with": list(b.with_bodies)} for b in d.bodies],
            "deadline": deadline_json(d.time),
            "report": None if d.report is None else {"to": list(d.report.to), "via": d.report.via,
                                                     "frequency": d.report.frequency},
            "note": d.note or None}


def deadline_json(d: Deadline | None) -> dict | None:
    if d is None:
        return None
    return {"plan": d.plan, "wording": d.wording, "kind": d.kind, "month": d.month,
            "quarter": d.quarter, "from": d.start, "to": d.end,
            "group": ("dated", "recurring", "conditional")[DEADLINE_GROUP[d.kind]],
            "sort_key": list(d.sort_key())}


def render_search_language(faq: Faq, template: str, plans: dict[str, Plan] | None = None) -> str:
    """lunr.vi for Material's search worker: the template with the glossary,
    the synonyms, the bodies' names, the plans' titles and the readers'
    wordings of each answer (by its location in the search index) filled in."""
    glossary = json.dumps(dict(faq.glossary), ensure_ascii=False, sort_keys=True)
    synonyms = json.dumps({term: list(words) for term, words in faq.synonyms}, ensure_ascii=False, sort_keys=True)
    names = json.dumps({"bodies": search_names(faq),
                         "titles": [p.title for p in (plans or {}).values()]}, ensure_ascii=False)
    asked = json.dumps({question_url(q).lstrip("/"): list(q.also_asked) for q in faq.questions if q.also_asked},
                       ensure_ascii=False)
    return f"/* {GENERATED_MARK}; edit docs/{SEARCH_TEMPLATE} */\n" + template.replace(
        SEARCH_GLOSSARY_SLOT, glossary).replace(SEARCH_SYNONYMS_SLOT, synonyms).replace(
        SEARCH_NAMES_SLOT, names).replace(SEARCH_ASKED_SLOT, asked)


def search_names(faq: Faq) -> list[list[str]]:
    """Each body's names as a reader may type them, for the search to tell
    which body a query names: the registry's names and aliases, the readers'
    names of the register, and the aliases of the readers' groups it is in
    ("Công đoàn" for the tổ chức chính trị - xã hội)."""
    reg = faq.register
    out = []
    for b in faq.bodies:
        names = [b.name, b.short, *b.aliases, *reg.reader_names(b.id)]
        for g in reg.groups:
            if b.id in g.members:
                names += [*g.aliases, *reg.reader_names(g.id)]
        out.append(list(dict.fromkeys(names)))
    return out

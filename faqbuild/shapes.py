"""The shape of every mapping in faq.yml and plans/*.yml: its keys, which are
required, and the JSON Schema of each value.

The validators check mappings against these shapes (Checker.mapping), and
schema.py writes the editors' JSON Schema from the same shapes, so the two
cannot disagree about a key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocabulary import (DEADLINE_KINDS, ID_RE, MAX_ALSO_ASKED, MAX_ASKED_CHARS, MAX_ID_CHARS, MONTH_RE,
                         PLAN_ID_RE, QUARTER_RE, ROLES, TOPICS)


@dataclass(frozen=True)
class Field:
    schema: dict = field(default_factory=dict)   # JSON Schema of the value ({} for plan files: not published)
    required: bool = False


@dataclass(frozen=True)
class Shape:
    fields: dict[str, Field]

    @property
    def keys(self) -> set[str]:
        return set(self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        """In the order the keys are written, which is the order their absence is reported."""
        return tuple(name for name, f in self.fields.items() if f.required)

    def schema(self, **extra) -> dict:
        return {"type": "object", "additionalProperties": False, "required": list(self.required),
                "properties": {name: f.schema for name, f in self.fields.items()}, **extra}


TEXT = {"type": "string", "minLength": 1}
SLUG = {"type": "string", "pattern": ID_RE.pattern, "maxLength": MAX_ID_CHARS}
PLAN_REF = {"type": "string", "pattern": PLAN_ID_RE.pattern, "description": "Plan id, quoted: \"000\" or \"002\"."}


def text(description: str = "") -> dict:
    return {**TEXT, "description": description} if description else TEXT


# faq.yml
CITATION = Shape({
    "plan": Field(PLAN_REF, required=True),
    "section": Field({"type": "string", "description": "Section id as printed, quoted: \"II.1.1\"."}, required=True),
    "quote": Field(text("Verbatim words of the section.")),
})
BODY_ROLE = Shape({
    "body": Field(TEXT, required=True),  # the schema lists the registry's ids (schema.py)
    "role": Field({"enum": list(ROLES)}, required=True),
    "plan": Field(PLAN_REF),
})
DEADLINE = Shape({
    "wording": Field(TEXT, required=True),
    "kind": Field({"enum": list(DEADLINE_KINDS)}, required=True),
    "plan": Field(PLAN_REF),
    "month": Field({"type": "string", "pattern": MONTH_RE.pattern}),
    "quarter": Field({"type": "string", "pattern": QUARTER_RE.pattern}),
    "from": Field({"type": "integer"}),
    "to": Field({"type": "integer"}),
})
QUESTION = Shape({
    "id": Field({**SLUG, "description": "Stable slug; never reused."}, required=True),
    "question": Field(TEXT, required=True),
    "answer": Field(text("Markdown; no raw HTML; links site-relative or https."), required=True),
    "topic": Field({"enum": list(TOPICS)}, required=True),
    "citations": Field({"type": "array", "minItems": 1, "items": CITATION.schema()}, required=True),
    "bodies": Field({"type": "array", "items": BODY_ROLE.schema()}),
    "deadline": Field(DEADLINE.schema()),
    "also_asked": Field({"type": "array", "maxItems": MAX_ALSO_ASKED, "items": {
        "type": "string", "minLength": 1, "maxLength": MAX_ASKED_CHARS,
        "description": "A way readers ask for this answer; search only, never shown."}}),
})
BODY = Shape({
    "name": Field(TEXT, required=True),
    "short": Field(TEXT),
    "aliases": Field({"type": "array", "items": TEXT}),
})
MOVED = Shape({
    "id": Field(SLUG, required=True),
    "moved_to": Field(SLUG),
    "retired": Field(TEXT),
})
CHANGE = Shape({
    "date": Field({"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                   "description": "The day the answers changed, quoted: \"2026-12-01\"."}, required=True),
    "ids": Field({"type": "array", "minItems": 1, "items": SLUG}, required=True),
    "what": Field(text("What changed, in Vietnamese."), required=True),
})
FAQ = Shape({
    "bodies": Field({"type": "object", "description": "Registry of responsible bodies, by id.",
                     "propertyNames": {"pattern": ID_RE.pattern, "maxLength": MAX_ID_CHARS}, "additionalProperties": BODY.schema()}),
    "glossary": Field({"type": "object", "description": "Abbreviation -> meaning.", "additionalProperties": TEXT}),
    "synonyms": Field({"type": "object", "description": "A plan's term -> the words readers use for it (search).",
                       "additionalProperties": {"type": "array", "items": TEXT, "minItems": 1}}),
    "moved": Field({"type": "array", "description": "Published ids that no longer name a question.",
                    "items": MOVED.schema(oneOf=[{"required": ["moved_to"]}, {"required": ["retired"]}])}),
    "questions": Field({"type": "array", "items": QUESTION.schema()}, required=True),
    "changes": Field({"type": "array", "description": "The change log: what changed in which answers, when.",
                      "items": CHANGE.schema()}),
})

# plans/*.yml (checked only; editors rarely touch them, so no schema is published)
SIGNER = Shape({name: Field(required=True) for name in ("on_behalf", "title", "name")})
SECTION = Shape({"id": Field(required=True), "number": Field(), "title": Field(), "text": Field()})
REPAIR = Shape({name: Field(required=True) for name in ("section", "printed", "repaired", "note")})
SLIP = Shape({name: Field(required=True) for name in ("section", "text", "note")})
PLAN = Shape({
    "id": Field(required=True), "source": Field(), "short_name": Field(required=True),
    "document_type": Field(required=True), "title": Field(required=True), "issuer": Field(),
    "party": Field(), "number": Field(), "place_date": Field(), "handwritten": Field(), "notice": Field(),
    "signer": Field(required=True), "recipients": Field(required=True), "sections": Field(required=True),
    "repairs": Field(), "slips": Field(),
})

# plans/duties/<plan>.yml and plans/duties/groups.yml: the register of duties (duties.py),
# published as docs/schema/duties.schema.json for its editors.
DUTY_ID = {"type": "string", "pattern": r"^(?:[IVX]+)(?:\.[0-9]+)*(?:-[a-z])?$",
           "description": "Section id, and a letter when the section holds several duties: \"III.1-a\"."}
DUTY_BODY = Shape({
    "body": Field({**SLUG, "description": "A body of the registry (faq.yml `bodies:`)."}, required=True),
    "role": Field({"enum": list(ROLES)}, required=True),
    "as_printed": Field(text("The words the section prints for this body, verbatim."), required=True),
    "with": Field({"type": "array", "items": SLUG, "description": "Bodies the text names as working with it."}),
})
REPORT = Shape({
    "to": Field({"type": "array", "items": SLUG, "description": "Bodies the report goes to; [] when the text names none."},
                required=True),
    "via": Field({**SLUG, "description": "The body the report goes through (\"qua …\")."}),
    "frequency": Field(text("How often, verbatim from the section.")),
})
DUTY = Shape({
    "id": Field(DUTY_ID, required=True),
    "section": Field({"type": "string", "description": "Section id, quoted: \"II.1.1\"."}, required=True),
    "duty": Field(text("The duty in the plan's words, verbatim from the section."), required=True),
    "bodies": Field({"type": "array", "minItems": 1, "items": DUTY_BODY.schema()}, required=True),
    "deadline": Field(DEADLINE.schema(description="The time as printed (wording, verbatim) and its sortable form.")),
    "report": Field(REPORT.schema()),
    "note": Field(text("What the text leaves open, in Vietnamese; shown with the duty.")),
})
RELATION = Shape({
    "body": Field(SLUG, required=True),
    "printed_under": Field({"type": ["string", "null"]}, required=True),
    "section": Field({"type": "string"}, required=True),
    "evidence": Field(text("Verbatim words of the section that show the relation."), required=True),
    "note": Field(text("What the relation does and does not show."), required=True),
})
REGISTER = Shape({
    "plan": Field(PLAN_REF, required=True),
    "duties": Field({"type": "array", "items": DUTY.schema()}, required=True),
    "relations": Field({"type": "array", "items": RELATION.schema()}),
})
GROUP = Shape({
    "id": Field(SLUG, required=True),
    "name": Field(TEXT, required=True),
    "members": Field({"type": "array", "minItems": 1, "items": SLUG}, required=True),
    "aliases": Field({"type": "array", "items": TEXT}),
    "note": Field(text("One sentence: what the text leaves open about these bodies."), required=True),
})
GROUPS = Shape({
    "groups": Field({"type": "array", "items": GROUP.schema()}, required=True),
    "names": Field({"type": "object", "description": "Body or group id -> the names readers use for it.",
                    "additionalProperties": {"type": "array", "items": TEXT}}),
})

"""TODO docstring."""

from __future__ import annotations


FAQ_KEYS = {"bodies", "glossary", "questions", "moved"}


MOVED_KEYS = {"id", "moved_to", "retired"}


QUESTION_KEYS = {"id", "question", "answer", "topic", "citations", "bodies",
                 "deadline"}


QUESTION_REQUIRED = ("id", "question", "answer", "topic", "citations")


CITATION_KEYS = {"plan", "section", "quote"}


BODY_ROLE_KEYS = {"body", "role", "plan"}


DEADLINE_KEYS = {"plan", "wording", "kind", "month", "quarter", "from", "to"}


BODY_KEYS = {"name", "short", "aliases"}


PLAN_KEYS = {"id", "source", "short_name", "document_type", "title", "issuer",
             "party", "number", "place_date", "handwritten", "signer",
             "recipients", "sections", "repairs", "slips"}


PLAN_REQUIRED = ("id", "short_name", "document_type", "title", "signer",
                 "recipients", "sections")


SIGNER_KEYS = {"on_behalf", "title", "name"}


SECTION_KEYS = {"id", "number", "title", "text"}


REPAIR_KEYS = {"section", "printed", "repaired", "note"}


SLIP_KEYS = {"section", "text", "note"}

"""The JSON Schema of faq.yml (docs/schema/faq.schema.json), for editors whose
YAML language server checks the file as they type. Written from shapes.py,
the definitions the validators use, plus the registry's body ids."""

from __future__ import annotations

import json

from .model import Faq
from .shapes import DUTY, FAQ, GROUPS, REGISTER, TEXT
from .vocabulary import GENERATED_MARK


def render_schema(faq: Faq) -> str:
    body_ids = [b.id for b in faq.bodies]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": GENERATED_MARK,
        "title": "faq.yml: questions and answers about the plans",
        **FAQ.schema(),
    }
    role = schema["properties"]["questions"]["items"]["properties"]["bodies"]["items"]["properties"]
    role["body"] = {"enum": body_ids} if body_ids else TEXT
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def render_duties_schema() -> str:
    """Of plans/duties/<plan>.yml (the register) and plans/duties/groups.yml, from
    the shapes duties.py checks them with; faq.json's `duties` carry the same fields."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": GENERATED_MARK,
        "title": "plans/duties/*.yml: the register of duties, or the readers' groups",
        "oneOf": [REGISTER.schema(), GROUPS.schema()],
        "$defs": {"duty": DUTY.schema()},
    }
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"

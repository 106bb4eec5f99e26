"""faqbuild.shapes and faqbuild.schema: the editors' JSON Schema is written
from the shapes the validators check, so the two agree: the schema accepts
the real faq.yml, and refuses what the build refuses for its keys."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

from conftest import ROOT
from faqbuild import shapes
from faqbuild.faqfile import load_faq
from faqbuild.plans import load_plans
from faqbuild.schema import render_schema


def schema_problems(value, schema: dict, path: str = "$") -> list[str]:
    """The parts of JSON Schema that faq.schema.json uses, checked as a YAML editor would."""
    found = []
    kind = schema.get("type")
    if kind == "object":
        if not isinstance(value, dict):
            return [f"{path}: not an object"]
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{path}: missing {name}")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if "propertyNames" in schema and not re.search(schema["propertyNames"]["pattern"], name):
                found.append(f"{path}: bad key {name}")
            if name in props:
                found += schema_problems(item, props[name], f"{path}.{name}")
            elif extra is False:
                found.append(f"{path}: unknown key {name}")
            elif isinstance(extra, dict):
                found += schema_problems(item, extra, f"{path}.{name}")
    elif kind == "array":
        if not isinstance(value, list):
            return [f"{path}: not an array"]
        if len(value) < schema.get("minItems", 0):
            found.append(f"{path}: too few items")
        for i, item in enumerate(value):
            found += schema_problems(item, schema.get("items", {}), f"{path}[{i}]")
    elif kind == "string":
        if not isinstance(value, str) or len(value) < schema.get("minLength", 0):
            return [f"{path}: not a non-empty string"]
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{path}: does not match {schema['pattern']}")
    elif kind == "integer" and not isinstance(value, int):
        found.append(f"{path}: not an integer")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: not one of the enum")
    return found


@pytest.fixture(scope="module")
def schema_and_data():
    plans, problems = load_plans(ROOT / "plans", "plans")
    assert not problems
    faq, problems = load_faq(ROOT / "faq.yml", "faq.yml", plans)
    assert not problems
    schema = json.loads(render_schema(faq))
    data = yaml.safe_load((ROOT / "faq.yml").read_text(encoding="utf-8"))
    return schema, data


def test_the_published_schema_is_the_one_the_build_writes(schema_and_data):
    schema, _ = schema_and_data
    assert json.loads((ROOT / "docs" / "schema" / "faq.schema.json").read_text(encoding="utf-8")) == schema


def test_the_schema_accepts_the_real_faq_yml(schema_and_data):
    schema, data = schema_and_data
    assert schema_problems(data, schema) == []


@pytest.mark.parametrize("break_it, expected", [
    (lambda d: d["questions"][0].update(colour="đỏ"), "$.questions[0]: unknown key colour"),
    (lambda d: d["questions"][0].pop("topic"), "$.questions[0]: missing topic"),
    (lambda d: d["questions"][0]["citations"][0].update(page=1), "$.questions[0].citations[0]: unknown key page"),
    (lambda d: d["questions"][0].update(topic="money"), "$.questions[0].topic: not one of the enum"),
    (lambda d: d.update(extra={}), "$: unknown key extra"),
])
def test_the_schema_refuses_what_the_shapes_refuse(schema_and_data, break_it, expected):
    schema, data = schema_and_data
    broken = copy.deepcopy(data)
    break_it(broken)
    assert expected in schema_problems(broken, schema)


def test_every_shape_of_faq_yml_is_in_the_schema(schema_and_data):
    schema, _ = schema_and_data
    question = schema["properties"]["questions"]["items"]
    pairs = [(shapes.FAQ, schema), (shapes.QUESTION, question),
             (shapes.CITATION, question["properties"]["citations"]["items"]),
             (shapes.BODY_ROLE, question["properties"]["bodies"]["items"]),
             (shapes.DEADLINE, question["properties"]["deadline"]),
             (shapes.BODY, schema["properties"]["bodies"]["additionalProperties"]),
             (shapes.MOVED, schema["properties"]["moved"]["items"])]
    for shape, part in pairs:
        assert set(part["properties"]) == shape.keys
        assert part["required"] == list(shape.required)
        assert part["additionalProperties"] is False

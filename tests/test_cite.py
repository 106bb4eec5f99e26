"""faqbuild/cite.py: citations as officials write them, and the element that
carries one to cite.js."""

from __future__ import annotations

import html
import re

import pytest

from conftest import ROOT
from faqbuild.build import Options, load_inputs
from faqbuild.cite import (answer_citation, cite_element, issuer_in_text, plan_identification,
                           printed_date, printed_number, section_citation)
from faqbuild.model import Citation


@pytest.fixture(scope="module")
def inputs():
    found = load_inputs(Options(faq=str(ROOT / "faq.yml"), plans=str(ROOT / "plans")))
    assert found.faq is not None
    return found


def test_plan_002_is_named_by_its_number_date_and_issuer_as_printed(inputs):
    plan = inputs.plans["002"]
    assert printed_number(plan) == "…-KH/TU"          # "Số -KH/TU": the number left blank
    assert printed_date(plan) == "ngày … tháng 8 năm 2025"
    assert issuer_in_text("TỈNH ỦY LÀO CAI") == "Tỉnh ủy Lào Cai"
    assert plan_identification(plan) == ("Kế hoạch số …-KH/TU ngày … tháng 8 năm 2025 của Tỉnh ủy Lào Cai "
                                         + plan.title)


def test_plan_000_is_named_by_its_title_and_signer_and_no_province(inputs):
    plan = inputs.plans["000"]
    name = plan_identification(plan)
    assert name.startswith("Kế hoạch triển khai thực hiện Chỉ thị số 47-CT/TW, ngày 23/5/2025 của Ban Bí thư")
    assert name.endswith("(văn bản không ghi số, ngày tháng, cơ quan ban hành; người ký: Mùa A Sơn, Phó Bí thư)")
    assert "Lào Cai" not in name and not re.search(r"tỉnh (?!ủy)", name.lower())


def test_an_answer_citation_has_a_line_per_plan_with_each_section_and_its_quotes(inputs):
    q = next(q for q in inputs.faq.questions if q.id == "quan-triet-chi-thi-thang-8-2025")
    text = answer_citation(q, inputs.plans)
    lines = text.split("\n")
    assert len(lines) == len({c.plan for c in q.citations})
    for c in q.citations:
        line = next(line for line in lines if line.startswith(plan_identification(inputs.plans[c.plan])))
        assert f"{inputs.plans[c.plan].section(c.section).label}: “" in line
        assert f"“{c.quote}”" in line
    # A section quoted several times is named once.
    assert lines[0].count("mục II.1.1") == 1 and lines[0].count("“") == 4


def test_a_citation_without_a_quote_names_the_section_alone(inputs):
    q = inputs.faq.questions[0]
    bare = q.__class__(**{**q.__dict__, "citations": (Citation("002", "II.1.1", None),)})
    assert answer_citation(bare, inputs.plans) == plan_identification(inputs.plans["002"]) + ", mục II.1.1."


def test_a_section_citation_quotes_the_section_s_own_words(inputs):
    plan = inputs.plans["000"]
    text = section_citation(plan, plan.section("I.1"))
    assert ", mục I.1 (Mục đích): “Giúp các cấp ủy" in text and text.endswith("cơ quan, đơn vị.”")
    assert section_citation(plan, plan.section("II")).endswith(", mục II: “NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU”.")


def test_the_element_carries_any_text_safely():
    element = cite_element('a "b" <c> & d\nline 2', "../cau-hoi/x.html")
    assert "\n" not in element and "<c>" not in element
    value = re.search(r'data-cite="([^"]*)"', element).group(1)
    assert html.unescape(value) == 'a "b" <c> & d\nline 2'
    assert 'data-href="../cau-hoi/x.html"' in element

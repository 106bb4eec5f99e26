"""faqbuild.pages: every answer about what a body must do links to that body's
checklist (its facets' bodies, and the bodies and reader groups its question names)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from faqbuild.build import Options, load_inputs
from faqbuild.pages import checklists_for


@pytest.fixture(scope="module")
def faq():
    inputs = load_inputs(Options(faq=str(ROOT / "faq.yml"), plans=str(ROOT / "plans")))
    assert inputs.faq is not None, inputs.problems
    return inputs.faq


def test_every_facet_body_has_its_checklist_linked(faq):
    for q in faq.questions:
        linked = {pid for pid, _ in checklists_for(q, faq)}
        assert {b.body for b in q.bodies} <= linked, q.id


@pytest.mark.parametrize("qid, page", [
    ("so-tai-chinh-nhiem-vu", "so-tai-chinh"),
    ("so-noi-vu-nhiem-vu", "so-noi-vu"),
    ("cong-an-tinh-tham-gia-the-nao", "dang-uy-cong-an"),      # "Công an tỉnh": a reader's name
    ("mttq-va-to-chuc-chinh-tri-xa-hoi-lam-gi", "mat-tran"),   # the Front's group page
    ("dang-uy-cap-xa-co-phai-dang-uy-truc-thuoc", "cap-xa"),
])
def test_a_question_naming_a_body_links_its_checklist(faq, qid, page):
    q = next(q for q in faq.questions if q.id == qid)
    assert page in {pid for pid, _ in checklists_for(q, faq)}


def test_the_link_is_on_the_built_page(built_site):
    page = (built_site / "chu-de" / "trach-nhiem.html").read_text(encoding="utf-8")
    section = page.split('id="so-tai-chinh-nhiem-vu"', 1)[1].split('class="faq-question"', 1)[0]
    assert 'class="faq-checklists"' in section and 'href="../co-quan/so-tai-chinh.html"' in section

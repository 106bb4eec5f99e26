"""faqbuild.urls: every page path and anchor rule, and the relative links
between docs pages that MkDocs resolves."""

from __future__ import annotations

from conftest import ROOT
from faqbuild.plans import load_plans
from faqbuild.urls import (VIEW_PAGES, body_page, html_url, permalink_page, plan_page, rel, rel_html,
                           section_anchor, site_pages, topic_page)
from faqbuild.vocabulary import TOPICS


def test_relative_links_between_docs_pages():
    assert rel("index.md", "chu-de/nhiem-vu.md") == "chu-de/nhiem-vu.md"
    assert rel("chu-de/nhiem-vu.md", "chu-de/yeu-cau.md") == "yeu-cau.md"
    assert rel("chu-de/nhiem-vu.md", "ke-hoach/002.md") == "../ke-hoach/002.md"
    assert rel("co-quan/index.md", "index.md") == "../index.md"
    assert rel("chu-de/a.md", "chu-de/a.md") == "a.md"
    assert rel_html("cau-hoi/x.html", "chu-de/nhiem-vu.md") == "../chu-de/nhiem-vu.html"
    assert rel_html("cau-hoi/x.html", "faq.json") == "../faq.json"


def test_paths_and_anchors():
    assert topic_page("tasks") == "chu-de/nhiem-vu.md"
    assert plan_page("002") == "ke-hoach/002.md"
    assert body_page("btgdv") == "co-quan/btgdv.md"
    assert permalink_page("quan-triet-chi-thi-thang-8-2025") == "cau-hoi/quan-triet-chi-thi-thang-8-2025.html"
    assert html_url("chu-de/nhiem-vu.md") == "/chu-de/nhiem-vu.html"
    assert section_anchor("II.1.1") == "muc-ii-1-1"
    assert section_anchor("noi-nhan") == "noi-nhan"


def test_site_pages_lists_every_page_an_answer_may_link_to():
    plans, problems = load_plans(ROOT / "plans", "plans")
    assert not problems
    pages = site_pages(plans, [], ["so-tai-chinh"])
    assert set(pages) >= {topic_page(t) for t in TOPICS} | set(VIEW_PAGES.values()) | {"index.md"}
    assert "muc-ii-1-1" in pages["ke-hoach/002.md"] and "ghi-chu" in pages["ke-hoach/002.md"]
    assert "muc-iii-1" in pages["ke-hoach/000.md"] and "noi-nhan" in pages["ke-hoach/000.md"]
    assert pages["co-quan/so-tai-chinh.md"] == set()  # a body's checklist, linked whole

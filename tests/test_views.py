"""Reader views: the body registry, the timeline's true order, the generated
view pages, and a booklet that prints to A4 with no question cut across pages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from faqbuild.model import Deadline
from faqbuild.vocabulary import DEADLINE_GROUP_TITLES, TOPICS


def test_deadline_kinds_sort_in_timeline_order():
    ds = [Deadline("002", "Theo hướng dẫn của Trung ương", "conditional"),
          Deadline("002", "Thường xuyên", "ongoing"),
          Deadline("002", "Dự kiến từ năm 2025 đến 2028", "years", start=2025, end=2028),
          Deadline("002", "Theo Kế hoạch hằng năm", "yearly"),
          Deadline("002", "Quý IV/2025", "quarter", quarter="2025-Q4"),
          Deadline("002", "Định kỳ hằng tháng", "monthly"),
          Deadline("002", "Hoàn thành trong tháng 8/2025", "month", month="2025-08"),
          Deadline("002", "Trong tháng 12/2025", "month", month="2025-12"),
          Deadline("002", "Quý I/2026", "quarter", quarter="2026-Q1")]
    ordered = [d.wording for d in sorted(ds, key=Deadline.sort_key)]
    assert ordered == ["Hoàn thành trong tháng 8/2025", "Quý IV/2025", "Trong tháng 12/2025", "Quý I/2026",
                       "Dự kiến từ năm 2025 đến 2028", "Định kỳ hằng tháng", "Theo Kế hoạch hằng năm",
                       "Thường xuyên", "Theo hướng dẫn của Trung ương"]


def test_timeline_page_is_in_true_order(built_site):
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    keys = {q["id"]: q["deadline"]["sort_key"] for q in data["questions"] if q["deadline"]}
    page = (built_site / "thoi-han.html").read_text(encoding="utf-8")
    order = [i for i in re.findall(r'<span id="([^"]+)"></span>', page) if i in keys]
    assert sorted(order) == sorted(keys), "every dated question is on the timeline once"
    assert [keys[i] for i in order] == sorted(keys[i] for i in order)
    groups = [page.index(title) for title in DEADLINE_GROUP_TITLES]
    assert groups == sorted(groups)


def test_every_answer_with_a_body_facet_has_its_anchor_on_that_bodys_page(built_site):
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    index = (built_site / "co-quan" / "index.html").read_text(encoding="utf-8")
    for body in data["bodies"]:
        assert f'href="{body["url"].split("/")[-1]}"' in index, body["id"]
        page = (built_site / body["url"].lstrip("/")).read_text(encoding="utf-8")
        for q in data["questions"]:
            if body["id"] in [b["id"] for b in q["bodies"]]:
                assert f'<span id="{q["id"]}"></span>' in page, (body["id"], q["id"])


def test_two_clicks_from_any_page_to_a_bodys_duties(page, site_url, built_site):
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    body = max(data["bodies"], key=lambda b: sum(b["id"] in [x["id"] for x in q["bodies"]]
                                                  for q in data["questions"]))
    page.goto(site_url + "ke-hoach/000.html")
    page.locator("nav.md-nav a", has_text="Theo cơ quan").first.click()            # click 1
    page.locator("article a", has_text=body["name"]).first.click()                  # click 2
    expect(page.locator("h1")).to_contain_text(body["name"])
    duties = [q for q in data["questions"] if body["id"] in [b["id"] for b in q["bodies"]]]
    for q in duties:
        expect(page.locator(f'[id="{q["id"]}"]')).to_be_attached()


def test_questions_link_to_the_views_they_appear_in(built_site):
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    for q in data["questions"]:
        path = q["url"].split("#")[0].lstrip("/")
        text = (built_site / path).read_text(encoding="utf-8")
        start = text.index(f'id="{q["id"]}"')
        block = text[start:text.find('class="faq-question', start + 10)]
        assert f'ban-in.html#{q["id"]}' in block
        if q["deadline"]:
            assert f'thoi-han.html#{q["id"]}' in block
        if q["bodies"]:
            assert f'co-quan/{q["bodies"][0]["id"]}.html#{q["id"]}' in block


def test_booklet_prints_to_a4_without_half_empty_pages(page, site_url, built_site, tmp_path):
    """The browser's print of ban-in.html (the PDF booklet is tests/test_booklet.py's).
    Long answers flow across pages: keeping each whole left pages half empty."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext (poppler-utils) is missing: run `make test`, which installs it")
    page.goto(site_url + "ban-in.html")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-search", ".faq-download"):
        assert not page.locator(hidden).first.is_visible()
    pdf = tmp_path / "booklet.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)", info), info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    squash = lambda t: re.sub(r"\s+", "", t)  # noqa: E731
    squashed = [squash(p) for p in pages]
    joined = "".join(squashed)
    booklet = [q for topic in TOPICS for q in data["questions"] if q["topic"] == topic]
    for n, q in enumerate(booklet, 1):
        assert squash(f"Câu {n}. ") in joined, f"Câu {n} is missing from the PDF"
        assert all(squash(f"“{c['quote']}”") in joined for c in q["citations"] if c["quote"]), q["id"]
    for web in ("Tải bản in", "Dùng lệnh In", "Sao chép"):
        assert web not in text
    # A page may end high only where a topic ends (each topic starts a page):
    # where on each page its last line stands, from poppler's word boxes.
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    bottoms = [max((float(y) for y in re.findall(r'yMax="([\d.]+)"', body)), default=0.0)
               for body in boxes.split("<page ")[1:]]
    titles = [squash(title) for _, title, _ in TOPICS.values()]
    half_empty = [i + 1 for i, bottom in enumerate(bottoms[:-1]) if bottom < 842 / 2
                  and not any(squashed[i + 1].startswith(t) for t in titles)]
    assert not half_empty, f"half-empty pages: {half_empty}"
    assert "Kế hoạch của Tỉnh ủy Lào Cai, mục II" in text

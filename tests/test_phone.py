"""The site on a phone (Chromium at 390 x 844) and the "Sao chép trích dẫn"
button, read back from the clipboard, served and from file://."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from faqbuild.build import Options, load_inputs
from faqbuild.cite import plan_identification

PHONE = {"width": 390, "height": 844}
PAGES = ["index.html", "chu-de/nhiem-vu.html", "thoi-han.html", "doi-chieu.html", "co-quan/index.html",
         "ke-hoach/002.html"]

# Every table's frame: Material's scroll wrapper, or the responsibility
# matrix's own scroll box (co-quan/index.html, duties.css), whose header row
# and first column are sticky.
TABLES = """() => Array.from(document.querySelectorAll('.md-content table')).map(table => {
  const matrix = table.closest('.duty-matrix');
  const frame = matrix || table.closest('.md-typeset__scrollwrap');
  const first = table.querySelector('tbody tr > :first-child');
  const head = table.querySelector('thead th:last-child');
  return {
    matrix: !!matrix,
    fits: frame.scrollWidth <= frame.clientWidth + 1,
    right: table.getBoundingClientRect().right,
    frame_right: frame.getBoundingClientRect().right,
    sticky: first ? getComputedStyle(first).position : null,
    head_sticky: head ? getComputedStyle(head).position : null,
    scrollable: matrix ? frame.tabIndex === 0 && frame.getAttribute('role') === 'region'
                       : frame.hasAttribute('data-faq-scrollable'),
  };
})"""

# Scrolled to its far right and down, where do the frame, a row label (the
# last row's) and the last column's label stand?
SCROLLED = """i => {
  const table = document.querySelectorAll('.md-content table')[i];
  const frame = table.closest('.duty-matrix') || table.closest('.md-typeset__scrollwrap');
  frame.scrollLeft = frame.scrollWidth;
  frame.scrollTop = frame.scrollHeight;
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const head = table.querySelector('thead th:last-child');
  return {scrolled: frame.scrollLeft, frame: box(frame), label: box(table.querySelector('tbody tr:last-child > :first-child')),
          head: head ? box(head) : null};
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="vi-VN", has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_and_wide_tables_keep_row_labels(phone, site_url, path):
    phone.goto(site_url + path)
    phone.wait_for_function("document.querySelector('.faq-cite[data-cite-ready]') !== null "
                            "|| !document.querySelector('.faq-cite')")
    width = phone.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width == [390, 390], f"{path} scrolls sideways: {width}"
    tables = phone.evaluate(TABLES)
    assert tables, path
    assert any(t["matrix"] for t in tables) == (path == "co-quan/index.html"), path
    for i, table in enumerate(tables):
        if table["fits"]:
            assert table["right"] <= 390, (path, i, table)
            continue
        assert table["scrollable"] and table["sticky"] == "sticky" and table["frame_right"] <= 390, (path, i, table)
        if table["matrix"]:
            assert table["head_sticky"] == "sticky", (path, i, table)
        # Scrolled sideways (and down, in the matrix's own box), the row
        # labels stay at the frame's left edge, the column labels at its top.
        at = phone.evaluate(SCROLLED, i)
        left, top, right, bottom = at["frame"]
        assert at["scrolled"] > 0, (path, i, at)
        assert abs(at["label"][0] - left) < 3 and at["label"][2] <= right and at["label"][2] <= 390, (path, i, at)
        if table["matrix"]:
            assert abs(at["head"][1] - top) < 3 and at["head"][2] <= right + 1, (path, i, at)


def test_a_table_too_wide_for_a_phone_scrolls_with_its_first_column_in_view(phone, site_url):
    # Every generated table fits at 390 px (and at 280) now. A table that cannot
    # (long unbreakable cells, here forced with nowrap) scrolls in its frame.
    phone.goto(site_url + "thoi-han.html")
    phone.add_style_tag(content=".md-typeset td, .md-typeset th { white-space: nowrap; }")
    phone.evaluate("window.dispatchEvent(new Event('resize'))")  # faq.js re-checks the frames
    frame = phone.locator(".md-typeset__scrollwrap[data-faq-scrollable]").first
    expect(frame).to_be_attached()
    assert phone.evaluate("document.documentElement.scrollWidth") == 390
    label = frame.locator("tbody tr:first-child > :first-child")
    before = label.bounding_box()["x"]
    frame.evaluate("f => { f.scrollLeft = 400; }")
    phone.wait_for_timeout(100)
    assert frame.evaluate("f => f.scrollLeft") > 0
    # Stuck to the frame's left edge (the table's own padding scrolls away), in full view.
    after = label.bounding_box()
    assert 0 <= after["x"] <= before and after["x"] + after["width"] <= 390, (before, after)
    second = frame.locator("tbody tr:first-child > :nth-child(2)")
    assert second.bounding_box()["x"] < after["x"] + after["width"] - 300, "the other columns scroll under it"


def test_repeated_references_in_a_cell_are_merged(phone, site_url):
    for path in ("thoi-han.html", "co-quan/btgdv.html", "co-quan/index.html"):
        phone.goto(site_url + path)
        cells = phone.locator(".md-content td").all_inner_texts()
        repeated = [c for c in cells if re.search(r"(mục [IVX.\d]+)(?:, .*)?, \1(?:,|$)", c)]
        assert not repeated, (path, repeated[:3])


def test_plan_headings_are_not_cut_where_they_fit_on_two_lines(phone, site_url):
    phone.goto(site_url + "ke-hoach/002.html")
    headings = phone.locator(".md-content .plan-section")
    assert headings.count() > 20
    line = 1.5 * float(phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-content h4')).fontSize)"))
    for box, text in zip(headings.evaluate_all("hs => hs.map(h => h.getBoundingClientRect().height)"),
                         headings.all_inner_texts()):
        if text.rstrip("¶ \n").endswith("…"):
            assert box > line, f"cut although it fits on one line: {text}"
    # The contents, in the phone's drawer, wrap instead of cutting the text with "…".
    overflow = phone.evaluate("""() => Array.from(document.querySelectorAll('.md-nav__link .md-ellipsis'))
        .filter(e => getComputedStyle(e).whiteSpace === 'nowrap').length""")
    assert overflow == 0


@pytest.fixture(scope="module")
def plans():
    return load_inputs(Options(faq=str(ROOT / "faq.yml"), plans=str(ROOT / "plans"))).plans


def copy_citation(page, button_selector: str) -> str:
    button = page.locator(button_selector).first
    expect(button).to_have_text("Sao chép trích dẫn")
    for _ in range(400):  # keyboard only: Tab to the button, Enter presses it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('faq-copy-cite')"):
            break
    else:
        pytest.fail("Tab never reached a copy-citation button")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(button_selector + " ~ [role=status]").first).to_have_text("Đã sao chép trích dẫn")
    expect(button).to_be_focused()
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_citation_gives_the_plan_section_quote_and_link(browser, site_url, plans):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="vi-VN")
    page = context.new_page()
    page.goto(site_url + "chu-de/thong-tin-chung.html")
    copied = copy_citation(page, ".faq-copy-cite")
    # The first answer on the page cites both plans' opening parts.
    first, second, link = copied.split("\n")
    assert first.startswith(plan_identification(plans["000"]) + ", phần mở đầu: “Thực hiện Chỉ thị số 47-CT/TW")
    assert second.startswith("Kế hoạch số …-KH/TU ngày … tháng 8 năm 2025 của Tỉnh ủy Lào Cai thực hiện Chỉ thị")
    assert "phần mở đầu: “" in second
    assert link == site_url + "cau-hoi/chi-thi-47-la-gi.html"
    # Beside "Sao chép liên kết", in the same bar under the question.
    bar = page.locator("#chi-thi-47-la-gi + .faq-copy-bar")
    expect(bar.locator("button")).to_have_text(["Sao chép liên kết", "Sao chép trích dẫn"])
    # Plan 000 names no province, in the citation too.
    assert "Lào Cai" not in first and "tỉnh " not in first.lower().replace("tỉnh ủy", "")
    context.close()


def test_copy_citation_of_a_plan_section(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="vi-VN")
    page = context.new_page()
    page.goto(site_url + "ke-hoach/002.html#muc-ii-1-1")
    button = page.locator("#muc-ii-1-1 + .faq-cite button.faq-copy-cite")
    button.focus()
    page.keyboard.press("Space")
    expect(page.locator("#muc-ii-1-1 + .faq-cite [role=status]")).to_have_text("Đã sao chép trích dẫn")
    expect(page.locator("#muc-ii-1-1 + .faq-cite [role=status]")).to_have_attribute("aria-live", "polite")
    text, link = page.evaluate("navigator.clipboard.readText()").split("\n")
    assert text.startswith("Kế hoạch số …-KH/TU ngày … tháng 8 năm 2025 của Tỉnh ủy Lào Cai thực hiện ")
    assert ", mục II.1.1: “Tổ chức phổ biến, quán triệt" in text
    assert text.endswith("Thời gian thực hiện: Hoàn thành xong trong tháng 8/2025.”")
    assert link == site_url + "ke-hoach/002.html#muc-ii-1-1"
    context.close()


def test_copy_citation_works_from_the_file_system(browser, built_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="vi-VN")
    page = context.new_page()
    page.goto((built_site / "chu-de" / "nhiem-vu.html").as_uri())
    copied = copy_citation(page, ".faq-copy-cite")
    lines = copied.split("\n")
    assert lines[-1] == (built_site / "cau-hoi" / "bang-tong-hop-nhiem-vu-002.html").as_uri()
    assert lines[0].startswith("Kế hoạch số …-KH/TU") and "mục II.1: “Nhiệm vụ cần thực hiện ngay”" in lines[0]
    context.close()


def test_the_home_page_body_leads_to_the_views_and_the_booklet(phone, site_url):
    phone.goto(site_url + "index.html")
    body = phone.locator(".md-content")
    for name, href in (("Theo cơ quan", "co-quan/index.html"), ("Theo thời hạn", "thoi-han.html"),
                       ("Đối chiếu hai kế hoạch", "doi-chieu.html"), ("Bản in hỏi – đáp", "ban-in.html")):
        link = body.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        assert link.get_attribute("href") == href
    pdf = body.locator("a[href='hoi-dap-chi-thi-47.pdf']")
    expect(pdf).to_be_visible()
    response = phone.request.get(site_url + "hoi-dap-chi-thi-47.pdf")
    assert response.ok and response.body()[:5] == b"%PDF-"
    phone.goto(site_url + "ban-in.html")
    expect(phone.locator(".md-content a[href='hoi-dap-chi-thi-47.pdf']")).to_be_visible()
    phone.emulate_media(media="print")
    expect(phone.locator(".faq-download")).to_be_hidden()

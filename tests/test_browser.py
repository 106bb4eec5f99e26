"""The site as a reader uses it, in headless Chromium: search, open an answer,
follow its citation to the exact section of the plan, copy its link."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_search_open_answer_and_follow_citation(page, site_url):
    page.goto(site_url + "index.html")
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    search.type("quán triệt tuyên truyền", delay=20)
    result = page.locator(".md-search-result__item a[href*='#quan-triet-chi-thi-thang-8-2025']").first
    expect(result).to_be_visible(timeout=5000)
    result.click()
    # Material adds ?h=<query> for highlighting; the anchor is what matters.
    expect(page).to_have_url(re.compile(r"chu-de/nhiem-vu\.html(\?h=[^#]*)?#quan-triet-chi-thi-thang-8-2025$"))
    heading = page.locator("h2#quan-triet-chi-thi-thang-8-2025")
    expect(heading).to_be_in_viewport()
    citation = page.locator("#quan-triet-chi-thi-thang-8-2025 ~ .faq-sources a").first
    expect(citation).to_have_text("Kế hoạch của Tỉnh ủy Lào Cai, mục II.1.1")
    citation.click()
    expect(page).to_have_url(re.compile(r"ke-hoach/002\.html#muc-ii-1-1$"))
    section = page.locator("#muc-ii-1-1")
    expect(section).to_be_in_viewport()
    expect(section).to_contain_text("II.1.1.")
    # The section lists the questions that cite it, back to the answer.
    backlink = page.locator("#muc-ii-1-1 ~ .faq-backlinks a[href$='#quan-triet-chi-thi-thang-8-2025']").first
    expect(backlink).to_be_attached()


def test_copy_link_button_copies_the_stable_address(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "chu-de/nhiem-vu.html")
    button = page.locator("#quan-triet-chi-thi-thang-8-2025 + .faq-copy-bar button.faq-copy")
    expect(button).to_have_text("Sao chép liên kết")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#quan-triet-chi-thi-thang-8-2025 + .faq-copy-bar [role=status]")).to_have_text("Đã sao chép")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site_url + "cau-hoi/quan-triet-chi-thi-thang-8-2025.html"
    # The stable address lands on the answer.
    page.goto(copied)
    expect(page).to_have_url(re.compile(r"chu-de/nhiem-vu\.html#quan-triet-chi-thi-thang-8-2025$"))
    context.close()


def test_no_request_leaves_the_site(page, site_url):
    hosts = set()
    page.on("request", lambda r: hosts.add(re.sub(r"^[a-z]+://([^/]+).*", r"\1", r.url)))
    for path in ("index.html", "chu-de/nhiem-vu.html", "ke-hoach/002.html"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    own = re.sub(r"^[a-z]+://([^/]+).*", r"\1", site_url)
    assert hosts == {own}

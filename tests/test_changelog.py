"""faqbuild.changelog: the change log's page and the date under each changed
answer, from `changes:` in faq.yml (never from the build's clock)."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from faqbuild.model import Change, Faq


def test_the_latest_entry_naming_an_answer_is_its_date():
    faq = Faq((), (), (), changes=(Change("2026-12-01", ("a", "b"), "x"), Change("2026-11-20", ("a",), "y")))
    assert faq.last_change("a").date == "2026-12-01" and faq.last_change("b").shown_date == "01/12/2026"
    assert faq.last_change("c") is None


def test_every_logged_answer_shows_its_date_and_links_to_the_log(built_site):
    log = yaml.safe_load((ROOT / "faq.yml").read_text(encoding="utf-8"))["changes"]
    latest: dict[str, str] = {}
    for entry in sorted(log, key=lambda e: e["date"]):
        for qid in entry["ids"]:
            latest[qid] = entry["date"]
    questions = yaml.safe_load((ROOT / "faq.yml").read_text(encoding="utf-8"))["questions"]
    pages = {p: p.read_text(encoding="utf-8") for p in (built_site / "chu-de").glob("*.html")}
    for q in questions:
        page = next(text for text in pages.values() if f'id="{q["id"]}"' in text)
        section = page.split(f'id="{q["id"]}"', 1)[1].split('class="faq-question"', 1)[0]
        if q["id"] in latest:
            year, month, day = latest[q["id"]].split("-")
            assert f"Cập nhật ngày {day}/{month}/{year}" in section, q["id"]
            assert f'href="../thay-doi.html#ngay-{latest[q["id"]]}"' in section, q["id"]
        else:
            assert "Cập nhật ngày" not in section, q["id"]


def test_the_log_page_lists_every_entry_newest_first(built_site):
    log = yaml.safe_load((ROOT / "faq.yml").read_text(encoding="utf-8"))["changes"]
    page = (built_site / "thay-doi.html").read_text(encoding="utf-8")
    days = re.findall(r'<h2 id="ngay-(\d{4}-\d{2}-\d{2})"', page)
    assert days == sorted({e["date"] for e in log}, reverse=True)
    assert page.count("<li>") >= len(log)

"""Search quality floors on tests/search_eval.yml (975 reader queries written
from the plans by readers who never saw the questions or the search code),
typed into the built site's search box in headless Chromium; the first row
and the first three rows a reader sees (tests/bench/bench_search.py prints the
same figures, over http and file://). Floors sit a little under what was
measured (README, "Search"), so that a change that loses answers fails."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "bench"))

from bench_search import MEDIAN_BUDGET_MS, evaluate, load_queries, summary  # noqa: E402

# Measured at the end of round 5 (README, "Search"): tune 87.6% / 96.2%, heldback 90.0% / 98.6%,
# fresh-a 92% / 98%, fresh-b 85% / 94%, fresh-c 89% / 100%, fresh-d 85% / 96%, fresh-e 87% / 97%,
# fresh-f 89% / 97%, fresh-g 91% / 96%, fresh-h 89% / 99%, all 88.4% / 97.1%. Every part has now
# been run and then seen: these are tuning figures. fresh-g and fresh-h were the held-back sets of
# round 5, run once at its end (90.0% / 97.5% together); issue 16's targets are for sets the
# ranking has never met.
FLOORS = {"tune": (0.84, 0.93), "heldback": (0.86, 0.95), "fresh-a": (0.88, 0.95), "fresh-b": (0.81, 0.91),
          "fresh-c": (0.85, 0.97), "fresh-d": (0.81, 0.93), "fresh-e": (0.83, 0.94), "fresh-f": (0.85, 0.94),
          "fresh-g": (0.87, 0.93), "fresh-h": (0.85, 0.96), "all": (0.86, 0.95)}


def test_reader_queries_find_their_answers(built_site, browser):
    queries = load_queries()
    assert len(queries) >= 950
    rows = evaluate(built_site, queries, browser=browser)
    for part, (top1, top3) in FLOORS.items():
        these = [r for r in rows if part == "all" or r["part"] == part]
        s = summary(these)
        assert s["queries"] >= 60, part
        assert s["top3"] >= top3, (part, [(r["q"], r["got"]) for r in these if not r["top3"]])
        assert s["top1"] >= top1, (part, [(r["q"], r["got"]) for r in these if not r["top1"]])
    # Queries typed without diacritics, or with them, do about as well.
    for form in ("diacritics", "no-diacritics"):
        assert summary([r for r in rows if r["form"] == form])["top3"] >= 0.95, form
    assert summary(rows)["median_ms"] <= MEDIAN_BUDGET_MS


def test_first_row_is_a_result_not_a_page_caption(built_site, browser):
    """Every row is an answer, a plan section or a body's page; the caption
    above a section row (its page, score 0) is never the first thing shown,
    and two answers of one page can both be shown before any other."""
    from search_harness import SearchHarness
    with SearchHarness(built_site, browser=browser) as search:
        outcome = search.query("kinh phi du luan xa hoi")
    rows = [i for i in outcome.items if not (i.is_page and i.score == 0)]
    assert rows and rows[0].anchor and rows[0].url.startswith("chu-de/")
    assert not any(i.more for i in outcome.items)
    captions = [i for i in outcome.items if i.is_page and i.score == 0]
    assert captions and all(c.url.split("#")[0] == r.url.split("#")[0]
                            for c, r in zip(outcome.items[::2], outcome.items[1::2]) if c in captions)
    pages = [r.url.split("#")[0] for r in rows[:5]]
    assert len(set(pages)) < len(pages), "two answers of one page among the first five rows"
    assert "từ khác" not in outcome.meta and "kết quả" in outcome.meta

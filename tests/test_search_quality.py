"""Search quality floors on tests/search_eval.yml (775 reader queries written
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

# Measured at the end of round 4 (README, "Search"): tune 84.8% / 97.1%, heldback 88.6% / 97.1%,
# fresh-a 85% / 99%, fresh-b 83% / 96%, fresh-c 83% / 96%, fresh-d 76% / 94%, fresh-e 73% / 92%,
# fresh-f 85% / 95%, all 82.1% / 95.7%. Every part has now been run and then seen: these are
# tuning figures. fresh-e and fresh-f were the held-back sets of round 4, run once at its end;
# issue 16's targets are for sets the ranking has never met.
FLOORS = {"tune": (0.82, 0.94), "heldback": (0.85, 0.95), "fresh-a": (0.82, 0.96), "fresh-b": (0.80, 0.93),
          "fresh-c": (0.80, 0.93), "fresh-d": (0.73, 0.91), "fresh-e": (0.70, 0.89), "fresh-f": (0.82, 0.92),
          "all": (0.80, 0.94)}


def test_reader_queries_find_their_answers(built_site, browser):
    queries = load_queries()
    assert len(queries) >= 750
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

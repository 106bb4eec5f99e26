"""Search quality floors on the project's reader queries, typed into the built
site's search box in headless Chromium (tests/bench/bench_search.py prints the
same figures). A held-out set is run elsewhere: these are floors, not targets."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "bench"))

from bench_search import evaluate, load_queries, summary  # noqa: E402


def test_reader_queries_find_their_answers(built_site, browser):
    queries = load_queries()
    assert len(queries) >= 40
    rows = evaluate(built_site, queries, browser=browser)
    s = summary(rows)
    misses = [(r["q"], r["got"]) for r in rows if not r["top3"]]
    assert s["top3"] >= 0.95, misses
    assert s["top1"] >= 0.80, [(r["q"], r["got"]) for r in rows if not r["top1"]]
    # Queries typed without diacritics do as well as the rest, within reason.
    plain = [r for r in rows if r["q"] == r["q"].encode("ascii", "ignore").decode()]
    assert len(plain) >= 20 and summary(plain)["top3"] >= 0.9
    assert s["median_ms"] <= 100, s

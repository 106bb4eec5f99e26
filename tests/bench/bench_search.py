#!/usr/bin/env python3
"""Search benchmark: type every reader query of tests/search_queries.yml into
the built site's search box in headless Chromium, and print top-1 and top-3
hit rates and the time from the last keystroke to the results shown.

Place in the pipeline: after `make build`; `make bench` runs it, and
tests/test_search_quality.py holds the same figures to floors.

    python tests/bench/bench_search.py [--site site] [--offline] [--misses]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(ROOT))

from faqbuild.text import fold_key  # noqa: E402
from search_harness import SearchHarness  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yml"


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def question_ids(outcome) -> list[str]:
    """Answers in the order the reader sees them: question results only, and
    not those folded away under a page's "more results" line."""
    return [item.anchor for item in outcome.items
            if item.anchor and item.url.startswith("chu-de/") and not item.more]


def evaluate(site: Path, queries: list[dict], offline: bool = False, browser=None) -> list[dict]:
    rows = []
    with SearchHarness(site, offline=offline, browser=browser) as search:
        for entry in queries:
            outcome = search.query(entry["q"])
            got = question_ids(outcome)
            want = set(entry["expect"])
            rows.append({"q": entry["q"], "want": want, "got": got[:3], "ms": outcome.ms,
                         "top1": bool(got[:1]) and got[0] in want,
                         "top3": bool(want & set(got[:3]))})
    return rows


def summary(rows: list[dict]) -> dict[str, float]:
    times = sorted(r["ms"] for r in rows if r["ms"] is not None)
    return {"queries": len(rows),
            "top1": sum(r["top1"] for r in rows) / len(rows),
            "top3": sum(r["top3"] for r in rows) / len(rows),
            "median_ms": statistics.median(times) if times else float("nan"),
            "p90_ms": times[int(0.9 * (len(times) - 1))] if times else float("nan"),
            "max_ms": times[-1] if times else float("nan")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="built site folder (default: site)")
    parser.add_argument("--offline", action="store_true", help="open the site through file:// instead of HTTP")
    parser.add_argument("--misses", action="store_true", help="list the queries that missed the top 3")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "search" / "search_index.json").exists():
        print(f"{site}: no built site; run `make build` first", file=sys.stderr)
        return 2
    rows = evaluate(site, load_queries(), offline=args.offline)
    s = summary(rows)
    # fold_key also lower-cases: "MTTQ" has no diacritics.
    kinds = {"with diacritics": lambda q: fold_key(q) != q.lower(),
             "without diacritics": lambda q: fold_key(q) == q.lower()}
    print(f"search benchmark: {s['queries']} reader queries, typed into the search box "
          f"({'file://' if args.offline else 'http'})")
    print(f"  top-1 hit rate   {s['top1']:6.1%}   (floor 80%)")
    print(f"  top-3 hit rate   {s['top3']:6.1%}   (floor 95%)")
    for name, test in kinds.items():
        sub = [r for r in rows if test(r["q"])]
        if sub:
            print(f"    {name:20} {len(sub):3} queries: top-1 {summary(sub)['top1']:6.1%}, "
                  f"top-3 {summary(sub)['top3']:6.1%}")
    print(f"  last keystroke -> results: median {s['median_ms']:.0f} ms, p90 {s['p90_ms']:.0f} ms, "
          f"max {s['max_ms']:.0f} ms   (budget 100 ms) "
          f"{'PASS' if s['median_ms'] <= 100 else 'FAIL'}")
    if args.misses:
        for r in rows:
            if not r["top3"]:
                print(f"  miss: {r['q']!r}: got {r['got']}, want one of {sorted(r['want'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Search benchmark: type every query of tests/search_eval.yml into the built
site's search box in headless Chromium, and print how often the first row, and
one of the first three rows, is right, and the time from the last keystroke
to the results shown.

Place in the pipeline: after `make build`; `make bench` runs it over http on
site/ and over file:// on the offline copy of `make dist`, and
tests/test_search_quality.py holds the same figures to floors.

A row is what the reader sees as a result: an answer, a plan section or a
body's page (the small page caption above a row is not one). It is right when
it is one of the query's `answers` or `plan_rows` (see the file's header).

    python tests/bench/bench_search.py [--site site] [--offline] [--queries FILE]
                                       [--part tune|heldback|all] [--misses]

--queries takes any file in the format of tests/search_eval.yml (a list
`queries:` of {q, form, part, answers, plan_rows}), such as a held-back set
kept outside the repository; `part` may be any name, each is reported.
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

from search_harness import SearchHarness  # noqa: E402

QUERIES = ROOT / "tests" / "search_eval.yml"
FORMS = ("diacritics", "no-diacritics", "abbreviation", "paraphrase", "typo")
MEDIAN_BUDGET_MS = 50


def load_queries(part: str = "all", path: Path = QUERIES) -> list[dict]:
    queries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["queries"]
    for entry in queries:
        entry.setdefault("part", "unsplit")
        entry.setdefault("plan_rows", [])
    return [q for q in queries if part == "all" or q["part"] == part]


def rows(outcome) -> list[str]:
    """The result rows in the order shown: "chu-de/x.html#id" and the like.
    Page captions (score 0) and anything folded under "more" are not rows."""
    return [item.url for item in outcome.items if not (item.is_page and item.score == 0) and not item.more]


def right(entry: dict, url: str) -> bool:
    path, _, anchor = url.partition("#")
    if path.startswith("chu-de/") and anchor in entry["answers"]:
        return True
    return url in entry.get("plan_rows", ())


def evaluate(site: Path, queries: list[dict], offline: bool = False, browser=None) -> list[dict]:
    out = []
    with SearchHarness(site, offline=offline, browser=browser) as search:
        for entry in queries:
            outcome = search.query(entry["q"])
            got = rows(outcome)
            out.append({"q": entry["q"], "form": entry.get("form", "other"), "part": entry["part"], "got": got[:3],
                        "ms": outcome.ms, "top1": bool(got) and right(entry, got[0]),
                        "top3": any(right(entry, url) for url in got[:3])})
    return out


def summary(results: list[dict]) -> dict[str, float]:
    times = sorted(r["ms"] for r in results if r["ms"] is not None)
    n = max(1, len(results))
    return {"queries": len(results),
            "top1": sum(r["top1"] for r in results) / n,
            "top3": sum(r["top3"] for r in results) / n,
            "median_ms": statistics.median(times) if times else float("nan"),
            "p90_ms": times[int(0.9 * (len(times) - 1))] if times else float("nan"),
            "max_ms": times[-1] if times else float("nan")}


def report(results: list[dict], label: str) -> None:
    s = summary(results)
    print(f"  {label}: {s['queries']} queries: first row right {s['top1']:6.1%}, "
          f"one of the first three {s['top3']:6.1%}")
    forms = list(FORMS) + sorted({r["form"] for r in results} - set(FORMS))
    for form in forms:
        sub = [r for r in results if r["form"] == form]
        if sub:
            f = summary(sub)
            print(f"      {form:14} {f['queries']:3}: first {f['top1']:6.1%}, first three {f['top3']:6.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="built site folder (default: site)")
    parser.add_argument("--offline", action="store_true", help="open the site through file:// instead of HTTP")
    parser.add_argument("--queries", default=str(QUERIES),
                        help="queries file in the format of tests/search_eval.yml (default: that file)")
    parser.add_argument("--part", default="all", help="only the queries of this part (tune, heldback, ...; default: all)")
    parser.add_argument("--misses", action="store_true", help="list the queries whose first row is wrong")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "search" / "search_index.json").exists():
        print(f"{site}: no built site; run `make build` first", file=sys.stderr)
        return 2
    queries_path = Path(args.queries)
    if not queries_path.exists():
        print(f"{queries_path}: no such file", file=sys.stderr)
        return 2
    queries = load_queries(args.part, queries_path)
    if not queries:
        print(f"{queries_path}: no queries" + (f" in part {args.part!r}" if args.part != "all" else ""),
              file=sys.stderr)
        return 2
    results = evaluate(site, queries, offline=args.offline)
    try:
        shown = queries_path.resolve().relative_to(ROOT)
    except ValueError:
        shown = queries_path
    print(f"search benchmark: {shown}, typed into the search box of {site} "
          f"({'file://' if args.offline else 'http'})")
    known = ("tune", "heldback")
    parts = sorted({r["part"] for r in results}, key=lambda p: (known.index(p) if p in known else len(known), p))
    for part in parts:
        report([r for r in results if r["part"] == part], part)
    if len(parts) > 1:
        report(results, "all")
    s = summary(results)
    print(f"  last keystroke -> results: median {s['median_ms']:.0f} ms, p90 {s['p90_ms']:.0f} ms, "
          f"max {s['max_ms']:.0f} ms   (budget: median {MEDIAN_BUDGET_MS} ms) "
          f"{'PASS' if s['median_ms'] <= MEDIAN_BUDGET_MS else 'FAIL'}")
    if args.misses:
        for r in results:
            if not r["top1"]:
                print(f"  {'miss3' if not r['top3'] else 'miss1'} [{r['form']}] {r['q']!r}: got {r['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

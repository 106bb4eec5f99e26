"""Fuzzing: mutate the real faq.yml (delete, duplicate or swap lines, retype a
value, cut the file short, insert random characters or bytes, change an
indentation, put hostile Markdown into an answer) and run main on it in-process. Every outcome must be a
build (exit 0, warnings only) or a clean refusal (exit 1, located errors and
the count, the docs folder untouched); never an exception.

`make test` runs a small, fixed set of examples (derandomized, so CI is
reproducible); `FUZZ=1 pytest tests/test_fuzz.py` (`make fuzz`) runs many more,
with fresh randomness each time. A failure prints the mutations to replay.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from conftest import ROOT, run_build
from faqbuild.scan import scan_page

FUZZ = os.environ.get("FUZZ") == "1"
settings.register_profile("faq-fuzz-ci", max_examples=100, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("faq-fuzz-long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile("faq-fuzz-long" if FUZZ else "faq-fuzz-ci")

FAQ = (ROOT / "faq.yml").read_text(encoding="utf-8")
ERROR_LINE = re.compile(r"^[^:]+:\d+:\d+: .+")
COUNT_LINE = re.compile(r"^build_faq\.py: (\d+) errors?; nothing written$")
KEY_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+:)(?:\s.*)?$")

# Values of another type, or YAML that means something else entirely.
VALUES = ["123", "1.10", "002", "0x7E9", ".inf", "yes", "~", '""', "2025-08-01", "[a, b]", "[]",
          "{a: 1}", "{}", "|", ">-", "- x", "&a x", "*a", "!!str x", "!!python/object:os.system x",
          "[", "{", '"', "'", "<<: {a: 1}", "? [a]", "x: y", "`a`", "<b>", "[x](javascript:y)",
          "“ý Đảng”", "a\u200bb", "a\u00a0b", "\u1ea0\u0323"]
# Characters that matter to YAML, Markdown, the quote rule, or the byte decoder.
ALPHABET = st.one_of(st.sampled_from(list(" \t\n\r:-#&*!|>'\"[]{},?%@`<>\\") +
                                     ["\u00a0", "\u200b", "\ufeff", "\u2028", "\x85", "\x00", "\x7f",
                                      "ơ", "\u0301", "đ", "“", "”"]),
                     st.characters(exclude_categories=("Cs",)))  # lone surrogates are not text

# Hostile Markdown an editor could type into an answer: attribute lists, nested and
# entity-encoded reference definitions, abbreviation and snippet lines, headings with ids.
HOSTILE = ['{: onclick="alert(1)" }', "**x**{: onmouseover=alert(1) }", '{: style="position:fixed" }',
           "[x](ke-hoach/002.md){: href=\"javascript:alert(1)\" }", "[x][1]\n\n> [1]: javascript:alert(1)",
           "- [x][2]\n\n    [2]: JaVaScRiPt:alert(1)", "[x](javascript&#58;alert(1))", "[x][3]\n\n[3]: jav&#x61;script:1",
           "*[XSSX]: &lt;img src=x onerror=alert(1)&gt;", '--8<-- "LICENSE"', "## T {#muc-dich-ke-hoach-002}",
           "# H1", "![](https://tracker.example/p.png)", "![a][i]\n\n[i]: //tracker.example/q.png",
           "<img src=x onerror=alert(1)>", "[x](data:text/html,hi)", "\u202e", "\u2063", "[x](//evil.example)"]
ANSWER_LINE = re.compile(r"^ {6,}\S")

LINE = st.integers(min_value=0, max_value=10**6)        # taken modulo the current length
POSITION = st.floats(min_value=0, max_value=1, allow_nan=False)
MUTATION = st.one_of(
    st.tuples(st.just("delete line"), LINE),
    st.tuples(st.just("duplicate line"), LINE),
    st.tuples(st.just("swap lines"), LINE, LINE),
    st.tuples(st.just("retype value"), LINE, st.sampled_from(VALUES)),
    st.tuples(st.just("cut at"), POSITION),
    st.tuples(st.just("insert text"), POSITION, st.text(ALPHABET, min_size=1, max_size=6)),
    st.tuples(st.just("insert bytes"), POSITION, st.binary(min_size=1, max_size=6)),
    st.tuples(st.just("indent"), LINE, st.sampled_from(["+1", "-1", "+2", "-2", "+4", "tab", "none"])),
    st.tuples(st.just("hostile answer"), LINE, st.sampled_from(HOSTILE)),
)


def mutate(text: str, mutations: list[tuple]) -> bytes:
    data = text.encode("utf-8")
    for kind, *args in mutations:
        if kind in ("insert bytes", "cut at"):
            at = int(args[0] * len(data))
            data = data[:at] + args[1] + data[at:] if kind == "insert bytes" else data[:at]
            continue
        text = data.decode("utf-8", "surrogateescape")
        lines = text.split("\n")
        if kind == "insert text":
            at = int(args[0] * len(text))
            text = text[:at] + args[1] + text[at:]
        elif kind == "hostile answer":
            candidates = [i for i, line in enumerate(lines) if ANSWER_LINE.match(line)]
            i = candidates[args[0] % len(candidates)]
            indent = lines[i][:len(lines[i]) - len(lines[i].lstrip(" "))]
            lines[i:i + 1] = [lines[i], ""] + [indent + part if part else "" for part in args[1].split("\n")] + [""]
        elif kind == "retype value":
            candidates = [i for i, line in enumerate(lines) if KEY_VALUE.match(line)]
            if candidates:
                i = candidates[args[0] % len(candidates)]
                lines[i] = f"{KEY_VALUE.match(lines[i]).group(1)} {args[1]}"
        else:
            i = args[0] % len(lines)
            if kind == "delete line":
                del lines[i]
            elif kind == "duplicate line":
                lines.insert(i, lines[i])
            elif kind == "swap lines":
                j = args[1] % len(lines)
                lines[i], lines[j] = lines[j], lines[i]
            elif kind == "indent":
                body = lines[i].lstrip(" ")
                width = len(lines[i]) - len(body)
                new = {"tab": "\t" + " " * width, "none": ""}.get(args[1])
                lines[i] = (new if new is not None else " " * max(0, width + int(args[1]))) + body
        if kind != "insert text":
            text = "\n".join(lines)
        data = text.encode("utf-8", "surrogateescape")
    return data


def live_markup(docs) -> list[str]:
    """What a built page would run: live HTML in the generated Markdown (the
    answers' HTML blocks), or a line a page-wide extension would act on."""
    found = []
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs).as_posix()
        text = page.read_text(encoding="utf-8")
        found += [str(hit) for hit in scan_page(rel, text)]
        for line in text.splitlines():
            if rel != "includes/abbreviations.md" and re.match(r"^\s*(?:;*-+8<-+|\*\[)", line):
                found.append(f"{rel}: {line[:60]!r}")
    return found


def test_mutate_changes_the_text():
    assert mutate(FAQ, [("delete line", 0)]) != FAQ.encode()
    assert mutate(FAQ, [("cut at", 0.5)]) == FAQ.encode()[:len(FAQ.encode()) // 2]


def stat_snapshot(folder) -> dict[str, tuple[int, int, int]]:
    """Size, modification time and inode of every file: any write (atomic
    replacement included) changes one of them, and this is much cheaper than
    reading every page on every example."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): (s.st_size, s.st_mtime_ns, s.st_ino)
            for p in sorted(folder.rglob("*")) if p.is_file() for s in [p.stat()]}


def check_outcome(code: int, out: str, err: str, docs_before: dict, docs_after: dict) -> str:
    assert "Traceback" not in out + err
    assert code in (0, 1), (code, err[-2000:])
    lines = err.splitlines()
    if code == 0:
        for line in lines:  # uncited sections, without --strict
            assert ERROR_LINE.match(line) and line.endswith("(warning)"), line
        return "built"
    count = COUNT_LINE.match(lines[-1]) if lines else None
    assert count, err[-2000:]
    assert int(count.group(1)) == len(lines) - 1 > 0
    for line in lines[:-1]:
        assert ERROR_LINE.match(line), line
    assert docs_after == docs_before, "a refused build changed the docs folder"
    return "refused"


OUTCOMES: dict[str, int] = {}


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    """One folder for all examples: the docs a build leaves are what the next
    refusal must not touch (and unchanged pages are not rewritten)."""
    return tmp_path_factory.mktemp("fuzz")


@PROFILE
@given(mutations=st.lists(MUTATION, min_size=1, max_size=3))
def test_mutated_faq_builds_or_is_refused_cleanly(mutations, fuzz_dir):
    data = mutate(FAQ, mutations)
    assume(data != FAQ.encode("utf-8"))
    faq, docs = fuzz_dir / "faq.yml", fuzz_dir / "docs"
    faq.write_bytes(data)
    before = stat_snapshot(docs)
    code, out, err = run_build("--faq", str(faq), "--docs", str(docs))
    outcome = check_outcome(code, out, err, before, stat_snapshot(docs))
    if outcome == "built" and any(kind == "hostile answer" for kind, *_ in mutations):
        assert live_markup(docs) == [], mutations
    OUTCOMES[outcome] = OUTCOMES.get(outcome, 0) + 1


def test_fuzzing_reached_both_outcomes():
    """Runs after the fuzz test (file order): the mutations must produce both
    builds and refusals, or the fuzzing explores only one side."""
    if not OUTCOMES:  # the fuzz test was deselected
        return
    print(f"\nfuzz outcomes: {OUTCOMES}")
    assert OUTCOMES.get("built", 0) > 0 and OUTCOMES.get("refused", 0) > 0, OUTCOMES

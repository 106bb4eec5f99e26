"""Validation: every rule's exact message, pinned with one broken fixture,
and the guarantee that a failed build writes nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, run_build, snapshot

FIXTURES = Path(__file__).parent / "fixtures"


def problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("build_faq.py:")]


def test_broken_fixture_reports_every_error_exactly(tmp_path):
    code, out, err = run_build("--faq", "tests/fixtures/broken.yml", "--docs", str(tmp_path / "docs"))
    expected = (FIXTURES / "broken.expected").read_text(encoding="utf-8")
    assert code == 1
    assert err == expected
    assert err.splitlines()[-1] == "build_faq.py: 27 errors; nothing written"
    assert not (tmp_path / "docs").exists()
    assert "Traceback" not in out + err


def test_every_rule_of_the_issue_has_a_message():
    expected = (FIXTURES / "broken.expected").read_text(encoding="utf-8")
    for phrase in ("duplicate key 'topic'", "unknown key 'colour'", "missing required key 'topic'",
                   "expected text in quotes; got the number 42",
                   "section must be quoted text such as \"II.1.1\"; got the number 1.10",
                   "duplicate id (first at line 12)", "unknown plan '003'", "has no section 'II.9'",
                   "quote is not verbatim", "answer: is empty", "unknown body 'bdtgdv'",
                   "listed twice for plan", "raw HTML", "link target 'javascript:"):
        assert phrase in expected, phrase


def test_syntax_error_is_located():
    code, _, err = run_build("--faq", "tests/fixtures/syntax.yml", "--docs", "/nonexistent/docs")
    assert code == 1
    assert problems(err) == [
        "tests/fixtures/syntax.yml:5:1: YAML syntax error: found unexpected end of stream "
        "(while scanning a quoted scalar at line 3, column 15); expected valid YAML"]


def test_failed_build_leaves_previous_output_alone(tmp_path):
    docs = tmp_path / "docs"
    code, _, err = run_build("--docs", str(docs))
    assert code == 0, err
    before = snapshot(docs)
    code, _, _ = run_build("--faq", "tests/fixtures/broken.yml", "--docs", str(docs))
    assert code == 1
    assert snapshot(docs) == before


def test_nfd_input_is_accepted_and_written_as_nfc(tmp_path):
    import unicodedata
    text = (ROOT / "faq.yml").read_text(encoding="utf-8")
    nfd = tmp_path / "faq.yml"
    nfd.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    code, _, err = run_build("--faq", str(nfd), "--docs", str(tmp_path / "docs"))
    assert code == 0, err
    for path in (tmp_path / "docs").rglob("*.md"):
        content = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", content), path


def test_check_detects_stale_pages(tmp_path):
    docs = tmp_path / "docs"
    assert run_build("--docs", str(docs))[0] == 0
    code, out, _ = run_build("--check", "--docs", str(docs))
    assert code == 0 and "up to date" in out
    page = docs / "chu-de" / "muc-dich.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nhand edit\n", encoding="utf-8")
    before = snapshot(docs)
    code, _, err = run_build("--check", "--docs", str(docs))
    assert code == 1
    assert "chu-de/muc-dich.md: stale" in err
    assert snapshot(docs) == before


def test_second_build_writes_nothing(tmp_path):
    docs = tmp_path / "docs"
    assert run_build("--docs", str(docs))[0] == 0
    mtimes = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    code, out, _ = run_build("--docs", str(docs))
    assert code == 0 and " 0 files written" in out
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()} == mtimes


def test_plain_number_plan_id_is_explained(tmp_path):
    faq = tmp_path / "faq.yml"
    faq.write_text("questions:\n  - id: a\n    topic: tasks\n    question: Q?\n    answer: A.\n"
                   "    citations:\n      - plan: 2\n        section: \"II.1.1\"\n", encoding="utf-8")
    code, _, err = run_build("--faq", str(faq), "--docs", str(tmp_path / "docs"))
    assert code == 1
    assert problems(err) == [
        f"{faq}:7:15: question 'a': citation: plan must be quoted text such as \"002\"; got the number 2 "
        "(unquoted, YAML reads it as a number: write \"2\")"]

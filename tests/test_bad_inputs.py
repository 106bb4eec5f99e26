"""Bad inputs: every way faq.yml or a plan can be broken, run through
build_faq.py as a subprocess (as an editor runs it), with the exact error
output pinned in tests/bad_inputs/<case>.expected (see the README there).

Every refused input must: exit 1; print only `file:line:col: message` lines
and the final count; never a traceback; and leave a previously built site
byte-for-byte as it was. Large and pathological inputs (deep nesting, alias
bombs, 10,000 questions) are generated here, and must also finish quickly in
bounded memory: an input must never crash or hang the build.

Run with UPDATE_BAD_INPUTS=1 to rewrite the .expected files after a
deliberate change of a message, then review the diff.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, snapshot

BAD = Path(__file__).parent / "bad_inputs"
GOOD = Path(__file__).parent / "good_inputs"
BASELINE_FAQ = GOOD / "minimal.yml"
ERROR_LINE = re.compile(r"^[^:]+:\d+:\d+: .+")
COUNT_LINE = re.compile(r"^build_faq\.py: (\d+) errors?; nothing written$")
UPDATE = os.environ.get("UPDATE_BAD_INPUTS") == "1"
ENV = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")

# Cases without an input file of their own: what they run instead.
SPECIAL = {
    "missing-file": {"faq": "tests/bad_inputs/missing-file.yml"},
    "faq-is-a-directory": {"faq": "tests/bad_inputs"},
    "faq-is-endless": {"faq": "/dev/zero"},
    "plan-folder-empty": {"plans": []},
}
CASES = sorted(p.stem for p in BAD.glob("*.expected"))


def build_faq(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_faq.py"), *args], cwd=cwd, env=ENV,
                          capture_output=True, encoding="utf-8", timeout=timeout)


def assert_clean_refusal(result: subprocess.CompletedProcess) -> list[str]:
    """Exit 1, nothing on stdout, only located errors and the count: returns the errors."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, (result.returncode, output[-2000:])
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines, "no error reported"
    count = COUNT_LINE.match(lines[-1])
    assert count, lines[-1]
    errors = lines[:-1]
    assert int(count.group(1)) == len(errors) > 0
    for line in errors:
        assert ERROR_LINE.match(line), line
    return errors


@pytest.fixture(scope="session")
def good_site(tmp_path_factory) -> Path:
    """A site built from a small good faq.yml: every refusal must leave it as it was."""
    docs = tmp_path_factory.mktemp("good") / "docs"
    result = build_faq("--faq", str(BASELINE_FAQ), "--docs", str(docs), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert snapshot(docs)
    return docs


def refuse(tmp_path: Path, good_site: Path, args: list[str], cwd: Path) -> list[str]:
    """Run a bad input over a copy of the good site; the site must not change."""
    docs = tmp_path / "docs"
    shutil.copytree(good_site, docs)
    before = snapshot(tmp_path)
    result = build_faq(*args, "--docs", str(docs), cwd=cwd)
    assert_clean_refusal(result)
    assert snapshot(tmp_path) == before, "a refused build changed files"
    return result.stderr


def case_args(name: str, tmp_path: Path) -> tuple[list[str], Path]:
    """The command line of a case, and the folder it runs in."""
    special = SPECIAL.get(name, {})
    if name.startswith("plan-"):
        run = tmp_path / "run"
        (run / "plans").mkdir(parents=True)
        for plan in special.get("plans", ["case", "002.yml"]):
            if plan == "case":
                shutil.copyfile(BAD / f"{name}.yml", run / "plans" / "000.yml")
            else:
                shutil.copyfile(ROOT / "plans" / plan, run / "plans" / plan)
        return ["--faq", str(BASELINE_FAQ), "--plans", "plans"], run
    if name.startswith("duties-"):
        # A broken register: duties-<plan>-<what>.yml replaces plans/duties/<plan>.yml in a copy of plans/.
        run = tmp_path / "run"
        shutil.copytree(ROOT / "plans", run / "plans")
        shutil.copyfile(BAD / f"{name}.yml", run / "plans" / "duties" / f"{name.split('-')[1]}.yml")
        return ["--faq", str(BASELINE_FAQ), "--plans", "plans"], run
    return ["--faq", special.get("faq", f"tests/bad_inputs/{name}.yml")], ROOT


def test_the_suite_covers_enough_cases():
    inputs = {p.stem for p in BAD.glob("*.yml")}
    assert inputs - set(CASES) == set(), "inputs without an .expected file"
    assert set(CASES) - inputs <= set(SPECIAL), "an .expected file without an input"
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_refused_exactly(name, tmp_path, good_site):
    args, cwd = case_args(name, tmp_path)
    stderr = refuse(tmp_path, good_site, args, cwd)
    expected = BAD / f"{name}.expected"
    if UPDATE:
        expected.write_text(stderr, encoding="utf-8")
    assert stderr == expected.read_text(encoding="utf-8")
    assert not (BAD / "faq-ids.txt").exists()


# ---------------------------------------------------------------------------
# Accepted inputs: odd but valid files build the same site as the plain one.
# ---------------------------------------------------------------------------

def accept(faq: Path, tmp_path: Path) -> dict[str, bytes]:
    docs = tmp_path / "docs"
    result = build_faq("--faq", str(faq), "--docs", str(docs), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for line in result.stderr.splitlines():  # uncited sections, without --strict
        assert ERROR_LINE.match(line) and line.endswith("(warning)"), line
    return snapshot(docs)


@pytest.mark.parametrize("name", ["crlf", "nbsp-in-quote"])
def test_accepted_input_builds_the_same_site(name, tmp_path, good_site):
    assert accept(GOOD / f"{name}.yml", tmp_path) == snapshot(good_site)


def test_nfd_input_is_accepted_and_written_as_nfc(tmp_path, good_site):
    nfd = tmp_path / "nfd.yml"
    nfd.write_text(unicodedata.normalize("NFD", BASELINE_FAQ.read_text(encoding="utf-8")), encoding="utf-8")
    assert nfd.read_bytes() != BASELINE_FAQ.read_bytes()
    site = accept(nfd, tmp_path)
    for path, data in site.items():
        assert unicodedata.is_normalized("NFC", data.decode("utf-8")), path
    assert site == snapshot(good_site)


# ---------------------------------------------------------------------------
# Generated inputs: too large to commit, or pathological on purpose.
# ---------------------------------------------------------------------------

QUESTION = (BAD / "unknown-topic.yml").read_text(encoding="utf-8").replace("topic: task\n", "topic: tasks\n")

GENERATED = {
    # name: (input text, expected error lines)
    "deep-lists": ("questions: " + "[" * 10_000 + "]" * 10_000 + "\n",
                   ["deep-lists.yml:1:24: YAML is nested too deeply; expected at most 12 levels"]),
    "deeper-lists": ("questions: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n",
                     ["deeper-lists.yml:1:24: YAML is nested too deeply; expected at most 12 levels"]),
    "deep-mappings": ("questions: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n",
                      ["deep-mappings.yml:1:57: YAML is nested too deeply; expected at most 12 levels"]),
    "deep-block-mappings": ("questions:\n" + "".join("  " * i + "- a:\n" for i in range(1, 100))
                            + "  " * 100 + "  x\n",
                            ["deep-block-mappings.yml:7:15: YAML is nested too deeply; expected at most 12 levels"]),
    "answer-1mb": (QUESTION.replace("answer: Trong tháng 8/2025.", "answer: " + "Trả lời dài. " * 80_000),
                   ["answer-1mb.yml:6:13: question 'quan-triet': answer: is 1039999 characters long; "
                    "expected at most 20000 (split it up)"]),
    "long-line": (QUESTION.replace("question: Việc quán triệt phải xong khi nào?",
                                   "question: " + "a" * 100_000 + ": x"),
                  ["long-line.yml:5:100015: YAML syntax error: mapping values are not allowed in this "
                   "context; expected valid YAML"]),
    "long-lines-valid-yaml": (QUESTION.replace("topic: tasks", "topic: " + "t" * 200_000)
                              .replace("quote: \"", "quote: \"" + "q" * 20_001),
                              ["long-lines-valid-yaml.yml:4:12: question 'quan-triet': topic: is 200000 characters "
                               "long; expected at most 20000 (split it up)",
                               "long-lines-valid-yaml.yml:10:16: question 'quan-triet': citation: quote: is 20057 "
                               "characters long; expected at most 20000 (split it up)"]),
    "flat-300k-values": ("questions: [" + ",".join(["a"] * 1_100_000) + "]\n",
                         ["flat-300k-values.yml:1:2000007: file holds more than 1000000 YAML values; "
                          "expected at most 1000000"]),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_input_is_refused_exactly(name, tmp_path, good_site):
    text, expected = GENERATED[name]
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / f"{name}.yml").write_text(text, encoding="utf-8")
    started = time.monotonic()
    stderr = refuse(tmp_path, good_site, ["--faq", f"{name}.yml", "--plans", str(ROOT / "plans")],
                    tmp_path / "run")
    assert time.monotonic() - started < 10
    assert stderr.splitlines()[:-1] == expected


def test_ten_thousand_questions_finish_and_report_every_error(tmp_path, good_site):
    (tmp_path / "run").mkdir()
    faq = tmp_path / "run" / "many.yml"
    faq.write_text("questions:\n" + "".join(f"  - {{id: q{i}, topic: tasks}}\n" for i in range(10_000)),
                   encoding="utf-8")
    started = time.monotonic()
    stderr = refuse(tmp_path, good_site, ["--faq", "many.yml", "--plans", str(ROOT / "plans")], tmp_path / "run")
    assert time.monotonic() - started < 20
    lines = stderr.splitlines()
    assert lines[-1] == "build_faq.py: 30000 errors; nothing written"
    assert lines[:3] == [f"many.yml:2:5: question 'q0': missing required key '{key}'"
                         for key in ("answer", "citations", "question")]
    assert lines[-2] == "many.yml:10001:5: question 'q9999': missing required key 'question'"


# Runs main in a fresh interpreter whose address space is capped, and
# reports the time main took and the peak resident memory. The peak is VmHWM,
# the high-water mark of this process's own memory: getrusage's ru_maxrss
# carries over the parent's peak across fork and exec (here, pytest's).
MEASURE = textwrap.dedent("""
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    sys.path.insert(0, sys.argv[1])
    from faqbuild.cli import main
    started = time.perf_counter()
    code = main(sys.argv[3:])
    seconds = time.perf_counter() - started
    status = open("/proc/self/status").read()
    hwm = [int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")]
    peak_kb = hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(sys.argv[2], "w") as out:
        json.dump({"code": code, "seconds": seconds, "peak_rss_mb": peak_kb / 1024}, out)
""")
MAX_SECONDS = 2.0
MAX_PEAK_RSS_MB = 100  # an interpreter with build_faq loaded: ~25 MB


def measure(tmp_path: Path, faq: Path) -> dict:
    report = tmp_path / "measure.json"
    result = subprocess.run([sys.executable, "-c", MEASURE, str(ROOT), str(report), "--faq", str(faq),
                             "--plans", str(ROOT / "plans"), "--docs", str(tmp_path / "docs")],
                            cwd=tmp_path, env=ENV, capture_output=True, encoding="utf-8", timeout=60)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])  # -11 would be a crash
    assert COUNT_LINE.match(result.stderr.splitlines()[-1])
    data = json.loads(report.read_text())
    print(f"\n{faq.name}: {data['seconds']:.3f} s, peak RSS {data['peak_rss_mb']:.1f} MB")
    assert data["code"] == 1
    assert not (tmp_path / "docs").exists()
    return data


@pytest.mark.parametrize("name", ["billion-laughs", "deep-lists", "deeper-lists", "deep-mappings"])
def test_pathological_input_is_refused_quickly_in_bounded_memory(name, tmp_path):
    if name in GENERATED:
        faq = tmp_path / f"{name}.yml"
        faq.write_text(GENERATED[name][0], encoding="utf-8")
    else:
        faq = BAD / f"{name}.yml"
    data = measure(tmp_path, faq)
    assert data["seconds"] < MAX_SECONDS
    assert data["peak_rss_mb"] < MAX_PEAK_RSS_MB


def test_wider_alias_bomb_is_refused_quickly(tmp_path):
    """30 levels of 30 aliases: 30^30 strings if anything expanded it."""
    lines = ['a0: &a0 "lol"'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 30) + "]" for i in range(1, 31)]
    faq = tmp_path / "bomb.yml"
    faq.write_text("\n".join(lines) + "\nquestions: *a30\n", encoding="utf-8")
    data = measure(tmp_path, faq)
    assert data["seconds"] < MAX_SECONDS
    assert data["peak_rss_mb"] < MAX_PEAK_RSS_MB

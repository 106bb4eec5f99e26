"""The command line of build_faq.py (a hand-written parser, see OPTIONS):
help, defaults, both value spellings, and a usage error for anything else."""

from __future__ import annotations

import subprocess
import sys

import build_faq
from conftest import ROOT


def test_defaults_and_value_spellings():
    assert build_faq.parse_options([]) == build_faq.Options()
    assert build_faq.parse_options(["--faq", "a.yml", "--plans=p", "--docs", "d", "--strict", "--record-ids"]) == \
        build_faq.Options(faq="a.yml", plans="p", docs="d", strict=True, record_ids=True)
    assert build_faq.parse_options(["--check", "--watch"]) == build_faq.Options(check=True, watch=True)


def test_usage_errors_name_what_is_wrong():
    assert build_faq.parse_options(["--bogus"]).startswith("error: unrecognized argument: --bogus; expected one of")
    assert build_faq.parse_options(["--faq"]) == "error: --faq expects a value (FAQ)"
    assert build_faq.parse_options(["--faq", "--strict"]) == "error: --faq expects a value (FAQ)"
    assert build_faq.parse_options(["--strict=yes"]) == "error: --strict takes no value; got '--strict=yes'"


def test_help_and_errors_from_the_command_line():
    run = lambda *args: subprocess.run([sys.executable, str(ROOT / "build_faq.py"), *args], cwd=ROOT,
                                       capture_output=True, text=True, timeout=60)
    shown = run("--help")
    assert shown.returncode == 0 and shown.stdout.startswith("usage: build_faq.py [-h] [--faq FAQ]")
    assert "--record-ids" in shown.stdout and not shown.stderr
    wrong = run("--strcit")
    assert wrong.returncode == 2 and not wrong.stdout
    assert wrong.stderr.splitlines() == [build_faq.USAGE, "build_faq.py: error: unrecognized argument: --strcit; "
                                         "expected one of -h, --faq, --plans, --docs, --check, --watch, "
                                         "--record-ids, --strict"]

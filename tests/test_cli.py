"""faqbuild.cli: the command line of build_faq.py (argparse): help, defaults,
both value spellings, and a usage error that names what was expected."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from faqbuild.build import Options
from faqbuild.cli import parse_options


def test_defaults_and_value_spellings():
    assert parse_options([]) == Options()
    assert parse_options(["--faq", "a.yml", "--plans=p", "--docs", "d", "--strict", "--record-ids"]) == \
        Options(faq="a.yml", plans="p", docs="d", strict=True, record_ids=True)
    assert parse_options(["--check", "--watch"]) == Options(check=True, watch=True)


@pytest.mark.parametrize("args, message", [
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["--faq"], "argument --faq: expected one argument"),
    (["--faq", "--strict"], "argument --faq: expected one argument"),
    (["--strict=yes"], "argument --strict: ignored explicit argument 'yes'"),
    (["--stri"], "unrecognized arguments: --stri"),  # no abbreviations: a typo is never another option
])
def test_usage_errors_name_what_is_wrong_and_what_was_expected(args, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        parse_options(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("usage: build_faq.py [-h] [--faq FAQ]")
    assert err[-1] == (f"build_faq.py: error: {message}; expected one of -h, --help, --faq, --plans, "
                       "--docs, --check, --watch, --record-ids, --strict")


def test_help_and_errors_from_the_command_line():
    run = lambda *args: subprocess.run([sys.executable, str(ROOT / "build_faq.py"), *args], cwd=ROOT,
                                       capture_output=True, text=True, timeout=60)
    shown = run("--help")
    assert shown.returncode == 0 and shown.stdout.startswith("usage: build_faq.py [-h] [--faq FAQ]")
    assert "--record-ids" in shown.stdout and not shown.stderr
    wrong = run("--strcit")
    assert wrong.returncode == 2 and not wrong.stdout
    assert wrong.stderr.splitlines()[-1] == ("build_faq.py: error: unrecognized arguments: --strcit; expected "
                                             "one of -h, --help, --faq, --plans, --docs, --check, --watch, "
                                             "--record-ids, --strict")
    assert "Traceback" not in wrong.stderr

"""Shared test fixtures: run build_faq.py in-process, build the real site once,
and drive Debian's Chromium through Playwright.

Place in the pipeline: tests sit after build_faq.py and mkdocs; they check the
generated pages and the site a reader opens.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from faqbuild.cli import main  # noqa: E402
# One way to serve a built site and launch Debian's chromium, shared with the search harness.
from search_harness import CHROMIUM, CHROMIUM_ARGS, chromium_available, serve  # noqa: E402,F401

STRICT = ("--strict",) if os.environ.get("FAQ_NOT_STRICT") != "1" else ()


def run_build(*args: str) -> tuple[int, str, str]:
    """Run main in-process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(cwd)
    return code, out.getvalue(), err.getvalue()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to prove nothing changed."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's own site, built once into a temporary folder."""
    code, _, err = run_build(*STRICT)
    assert code == 0, err
    site = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # The booklet PDF, as `make build` writes it after mkdocs.
    result = subprocess.run([sys.executable, "-m", "faqbuild.pdf", str(site)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site


def make_project(tmp: Path, faq_text: str) -> Path:
    """A throwaway copy of the project around another faq.yml, for tests that
    need a full build without touching the repository's own files."""
    project = tmp / "project"
    project.mkdir(exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides", dirs_exist_ok=True)
    shutil.copytree(ROOT / "plans", project / "plans", dirs_exist_ok=True)
    shutil.copytree(ROOT / "overrides", project / "overrides", dirs_exist_ok=True)   # theme.custom_dir
    for hand_written in ("assets", "includes"):
        shutil.copytree(ROOT / "docs" / hand_written, project / "docs" / hand_written, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("abbreviations.md", "lunr", "*.min.js"))
    (project / "faq.yml").write_text(faq_text, encoding="utf-8")
    return project


def build_project(project: Path, *extra: str, site: bool = True, build_faq: bool = True) -> tuple[int, str]:
    """build_faq.py (recording ids) and, if it passed, mkdocs build into project/site."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if build_faq:
        step = subprocess.run([sys.executable, str(ROOT / "build_faq.py"), "--record-ids", *extra],
                              cwd=project, capture_output=True, text=True, env=env)
        if step.returncode != 0 or not site:
            return step.returncode, step.stdout + step.stderr
    step = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                          cwd=project, capture_output=True, text=True, env=env)
    return step.returncode, step.stdout + step.stderr


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium. Missing browser fails, never skips silently."""
    if not chromium_available():
        if os.environ.get("ALLOW_NO_BROWSER") == "1" and not os.environ.get("CI"):
            pytest.skip("chromium missing and ALLOW_NO_BROWSER=1")
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    pg = context.new_page()
    yield pg
    context.close()

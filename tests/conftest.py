"""Shared test fixtures: run build_faq.py in-process, build the real site once,
and drive Debian's Chromium through Playwright.

Place in the pipeline: tests sit after build_faq.py and mkdocs; they check the
generated pages and the site a reader opens.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build_faq  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
STRICT = ("--strict",) if os.environ.get("FAQ_NOT_STRICT") != "1" else ()
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run_build(*args: str) -> tuple[int, str, str]:
    """Run build_faq.main in-process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = build_faq.main(list(args))
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
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site


def make_project(tmp: Path, faq_text: str) -> Path:
    """A throwaway copy of the project around another faq.yml, for tests that
    need a full build without touching the repository's own files."""
    project = tmp / "project"
    project.mkdir(exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "plans", project / "plans", dirs_exist_ok=True)
    for hand_written in ("assets", "includes"):
        shutil.copytree(ROOT / "docs" / hand_written, project / "docs" / hand_written, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("abbreviations.md", "lunr", "*.min.js"))
    (project / "faq.yml").write_text(faq_text, encoding="utf-8")
    return project


def build_project(project: Path, *extra: str, site: bool = True) -> tuple[int, str]:
    """build_faq.py (recording ids) and, if it passed, mkdocs build into project/site."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    step = subprocess.run([sys.executable, str(ROOT / "build_faq.py"), "--record-ids", *extra],
                          cwd=project, capture_output=True, text=True, env=env)
    if step.returncode != 0 or not site:
        return step.returncode, step.stdout + step.stderr
    step = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
                          cwd=project, capture_output=True, text=True, env=env)
    return step.returncode, step.stdout + step.stderr


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a folder on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium. Missing browser fails, never skips silently."""
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
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

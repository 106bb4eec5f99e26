"""Plan 002 prints that it belongs to the Party's organs and may not be spread:
search-engine indexing is off unless one setting turns it on, and the notice is
shown as printed where the plan's text is; and a strict build is strict."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import yaml

from conftest import ROOT, make_project

NOTICE = "Tài liệu này thuộc sở hữu của các cơ quan Đảng. Việc phát tán, sử dụng trái phép bị nghiêm cấm"


def pages(site):
    return [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(("assets/", "search/"))]


def test_by_default_no_page_may_be_indexed(built_site):
    for page in pages(built_site):
        assert re.search(r'<meta name="robots" content="noindex[^"]*">', page.read_text(encoding="utf-8")), page
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines() == ["User-agent: *", "Disallow: /"]
    assert "sitemap" not in robots.lower()


def test_one_setting_turns_public_indexing_on(tmp_path, built_site):
    site = tmp_path / "public"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PUBLIC_INDEXING="true")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not any('name="robots"' in p.read_text(encoding="utf-8") for p in pages(site) if p.name != "404.html"
                   and "cau-hoi" not in p.parts)  # the redirect pages are never indexed
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert robots[:2] == ["User-agent: *", "Allow: /"] and robots[2].startswith("Sitemap: http")


def test_the_notice_is_the_plans_own_words_and_shows_on_its_page(built_site):
    plan = yaml.safe_load((ROOT / "plans" / "002.yml").read_text(encoding="utf-8"))
    assert plan["notice"] == NOTICE
    assert NOTICE in (ROOT / "plans" / "sources" / "002_60ffbd11398bff44.txt").read_text(encoding="utf-8")
    page = (built_site / "ke-hoach" / "002.html").read_text(encoding="utf-8")
    head, _, rest = page.partition('id="tieu-de"')
    assert NOTICE in head and 'class="admonition warning"' in head  # above the plan's text
    assert NOTICE not in (built_site / "ke-hoach" / "000.html").read_text(encoding="utf-8")


def test_make_build_fails_on_a_warning_that_strict_mode_counts(tmp_path):
    """A reference-style link to a missing page in a docs page: MkDocs warns, and
    `make build` must stop (with --quiet it used to drop the warning and pass)."""
    project = make_project(tmp_path, (ROOT / "faq.yml").read_text(encoding="utf-8"))
    for name in ("Makefile", "build_faq.py", "faq-ids.txt", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "faqbuild", project / "faqbuild", ignore=shutil.ignore_patterns("__pycache__"))
    venv = ROOT / ".venv"
    run = lambda: subprocess.run(["make", "--no-print-directory", "build", f"VENV={venv}"], cwd=project,
                                 capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    (project / "docs" / "ghi-chu.md").write_text("# Ghi chú\n\nXem [mục này][1].\n\n[1]: no-such-page.md#x\n",
                                                 encoding="utf-8")
    failed = run()
    assert failed.returncode != 0
    assert "no-such-page.md" in failed.stdout + failed.stderr
    assert "strict mode" in failed.stdout + failed.stderr

"""Every internal link and #anchor of the built site resolves, and two builds
of the same commit are identical (apart from what MkDocs stamps)."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import ROOT, snapshot

LINK_RE = re.compile(r'<(?:a|link|script|img|iframe|source)\b[^>]*?\b(?:href|src)="([^"]*)"', re.I)
REFRESH_RE = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', re.I)
ID_RE = re.compile(r'\b(?:id|name)="([^"]+)"')


def internal_links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    links = [html.unescape(m) for m in LINK_RE.findall(text)]
    links += [html.unescape(m) for m in REFRESH_RE.findall(text)]
    return [link for link in links
            if link and not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", link, re.I)]


def test_every_internal_link_and_anchor_resolves(built_site):
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(ID_RE.findall(path.read_text(encoding="utf-8")))
        return ids[path]

    broken, checked = [], 0
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        for link in internal_links(page):
            parts = urlsplit(link)
            # 404.html uses site-absolute paths (it is served from any depth).
            base = built_site if parts.path.startswith("/") else page.parent
            target = page if not parts.path else (base / unquote(parts.path.lstrip("/"))).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {link} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                broken.append(f"{page.relative_to(built_site)}: {link} (no such anchor)")
    assert broken == []
    assert checked > 500


def test_citations_backlinks_and_glossary_are_among_the_checked_links(built_site):
    topic = (built_site / "chu-de" / "nhiem-vu.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./ke-hoach/002\.html#muc-ii-\d', topic), "citations"
    plan = (built_site / "ke-hoach" / "002.html").read_text(encoding="utf-8")
    assert re.search(r'class="faq-backlinks"', plan) and re.search(r'href="\.\./chu-de/[a-z-]+\.html#', plan)
    assert "<abbr" in plan and (built_site / "chu-viet-tat.html").exists()


def build_once(out: Path, env_extra: dict[str, str]) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_extra)
    docs = out / "docs"
    # build_faq.py into a copy of docs/ so the repository is untouched.
    subprocess.run(["cp", "-r", str(ROOT / "docs"), str(docs)], check=True)
    subprocess.run(["cp", "-r", str(ROOT / "overrides"), str(out / "overrides")], check=True)   # theme.custom_dir
    result = subprocess.run([sys.executable, "build_faq.py", "--docs", str(docs)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    config = out / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
                      .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
                      + f"\ndocs_dir: {docs}\nsite_dir: {out / 'site'}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_two_builds_are_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    # Different hash seeds, locales and time zones must not change a byte.
    build_once(a, {"PYTHONHASHSEED": "1", "LC_ALL": "C", "TZ": "UTC"})
    build_once(b, {"PYTHONHASHSEED": "2", "LC_ALL": "C.UTF-8", "TZ": "Asia/Ho_Chi_Minh"})
    assert snapshot(a / "docs") == snapshot(b / "docs")
    site_a, site_b = snapshot(a / "site"), snapshot(b / "site")
    # MkDocs stamps the build date into the sitemap; nothing else may differ.
    stamped = {"sitemap.xml", "sitemap.xml.gz"}
    assert sorted(site_a) == sorted(site_b)
    differ = [name for name in site_a if site_a[name] != site_b[name] and name not in stamped]
    assert differ == []
    assert (a / "site" / "faq.json").read_bytes() == (b / "site" / "faq.json").read_bytes()

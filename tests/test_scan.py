"""faqbuild.scan, the second layer: the built site holds nothing live, and the
scan finds every kind of payload planted in a built page, including what a
broken first layer would let through."""

from __future__ import annotations

import shutil
import subprocess
import sys

import faqbuild.questions
import faqbuild.sanitize
from conftest import ROOT, build_project, make_project, run_build
from faqbuild.scan import scan_site

PLANTED = {
    '<p onclick="alert(1)">x</p>': "event-handler attribute 'onclick'",
    '<div style="position:fixed;inset:0">x</div>': "style attribute",
    '<a href="jav&#x61;script:alert(1)">x</a>': "href is a javascript: URL",
    '<a href=" DATA:text/html,x">x</a>': "href is a data: URL",
    '<iframe src="vbscript:x"></iframe>': "src is a vbscript: URL",
    '<img src="https://tracker.example/p.png" alt="">': "src loads 'https://tracker.example/p.png' from another host",
    '<link rel="stylesheet" href="//cdn.example/x.css">': "href loads '//cdn.example/x.css' from another host",
    '<script src="https://cdn.example/x.js"></script>': "src loads 'https://cdn.example/x.js' from another host",
    '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">': "refresh to",
    '<h2 id="gioi-thieu">stolen</h2>': "duplicate id 'gioi-thieu'",
    "<p>a\u202eb</p>": "bidirectional control U+202E",
    '<abbr title="&lt;img src=x onerror=alert(1)&gt;">X</abbr>': "title holds markup",
    '<style>body{background:url("https://tracker.example/b.png")}</style>': "loads from another host",
}
HARMLESS = '<p><a href="https://example.org/doc">a link a reader follows</a></p>'


def test_the_built_site_has_nothing_live(built_site):
    assert scan_site(built_site) == []


def test_every_planted_payload_is_found_with_its_page(tmp_path, built_site):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    home = site / "index.html"
    text = home.read_text(encoding="utf-8")
    home.write_text(text.replace("</article>", "\n".join([*PLANTED, HARMLESS]) + "\n</article>", 1),
                    encoding="utf-8")
    hits = scan_site(site)
    assert all(h.page == "site/index.html" for h in hits)
    for payload, what in PLANTED.items():
        assert any(what in h.what for h in hits), (payload, [str(h) for h in hits])
    assert len(hits) == len(PLANTED)  # the ordinary outside link is not a hit
    assert str(hits[0]).startswith("site/index.html:")


def test_the_command_fails_and_names_page_and_element(tmp_path, built_site):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "chu-de" / "nhiem-vu.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<article", '<article onmouseover="x()"', 1),
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "faqbuild.scan", str(site)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("site/chu-de/nhiem-vu.html:") and "<article onmouseover=" in lines[0]
    assert lines[-1] == "scan: 1 problem in the built site"
    clean = subprocess.run([sys.executable, "-m", "faqbuild.scan", str(built_site)], cwd=ROOT,
                           capture_output=True, text=True)
    assert clean.returncode == 0 and "nothing live found" in clean.stdout


HOSTILE_ANSWER = ('Phải xong trong tháng 8/2025. <img src="https://tracker.example/p.png" onerror="alert(1)"> '
                  '[mục](javascript:alert(2))')


def test_payloads_past_a_broken_first_layer_are_caught(tmp_path, monkeypatch):
    """With the rules and the sanitizer switched off, the hostile answer is built:
    the scan of the built site must still catch what it put there."""
    registry = (ROOT / "tests" / "good_inputs" / "minimal.yml").read_text(encoding="utf-8").split("\nquestions:")[0]
    faq = (registry + "\nquestions:\n  - id: quan-triet\n    topic: tasks\n    question: Khi nào?\n"
           f"    answer: '{HOSTILE_ANSWER}'\n    citations:\n      - plan: \"002\"\n        section: \"II.1.1\"\n")
    project = make_project(tmp_path, faq)
    monkeypatch.setattr(faqbuild.questions, "check_markdown", lambda *args: True)
    monkeypatch.setattr(faqbuild.sanitize.nh3, "clean", lambda raw, **kwargs: raw)
    code, _, err = run_build("--faq", str(project / "faq.yml"), "--docs", str(project / "docs"))
    assert code == 0, err
    code, out = build_project(project, site=True, build_faq=False)
    assert code == 0, out
    whats = [h.what for h in scan_site(project / "site")]
    assert any("event-handler attribute 'onerror'" in w for w in whats), whats
    assert any("loads 'https://tracker.example/p.png' from another host" in w for w in whats), whats
    assert any("javascript: URL" in w for w in whats), whats

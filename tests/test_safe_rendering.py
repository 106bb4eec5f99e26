"""Nothing an editor writes can put a script on the page: hostile strings in
every free-text field either fail validation or render as inert text, checked
in the built HTML and in the browser."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from conftest import ROOT, build_project, make_project, serve

HOSTILE = [
    "<script>window.__pwned = 1</script>",
    "<img src=x onerror=\"window.__pwned = 2\">",
    "\"><svg onload=window.__pwned=3>",
    "javascript:window.__pwned=4",
    "{#x onclick=\"window.__pwned=5\"}",
    "&lt;script&gt;window.__pwned=6&lt;/script&gt;",
    "</title><script>window.__pwned=7</script>",
]


class Inspector(HTMLParser):
    """Real elements and attributes only: escaped text is harmless."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        # Structured data is inert JSON; it must still parse (no early "</script>").
        self.in_json = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        self.in_script = tag == "script" and not self.in_json
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.findings.append(f"<{tag} {name}={value!r}>")
        if tag in ("img", "svg", "iframe", "object", "embed"):
            self.findings.append(f"<{tag}>") if any("__pwned" in (v or "") for _, v in attrs) else None

    def handle_endtag(self, tag):
        self.in_script = self.in_json = False

    def handle_data(self, data):
        if getattr(self, "in_json", False):
            json.loads(data)
        if self.in_script and "__pwned" in data:
            self.findings.append(f"script containing {data.strip()[:40]!r}")


GLOSSARY_HOSTILE = [
    "\" onmouseover=\"window.__pwned=8",
    "javascript:window.__pwned=11",
]


def yq(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def registry_ids() -> list[str]:
    """The registry's ids: the register of duties (plans/duties/) names them all."""
    import yaml
    return list(yaml.safe_load((ROOT / "faq.yml").read_text(encoding="utf-8"))["bodies"])


def hostile_faq() -> str:
    # Every body of the registry gets a hostile name, so the checklists, the matrix,
    # the deadline page and the calendars all carry hostile text.
    lines = ["bodies:"]
    for n, bid in enumerate(registry_ids()):
        evil = HOSTILE[n % len(HOSTILE)]
        lines += [f"  {bid}:", f"    name: {yq('Đảng ủy trực thuộc Tỉnh ủy ' + evil)}",
                  "    aliases: [\"Các đảng ủy trực thuộc Tỉnh ủy\"]"]
    lines.append("glossary:")
    # '<' and '>' are refused in meanings (tooltips render them as HTML); these try the rest.
    lines += [f"  X{n}: {yq(evil)}" for n, evil in enumerate(GLOSSARY_HOSTILE)]
    lines.append("questions:")
    for n, evil in enumerate(HOSTILE):
        # Answers may not hold raw HTML or attribute lists, so the hostile text comes
        # escaped or in code.
        escaped = evil.replace("<", "&lt;").replace("{", "\\{")
        answer = f"Trả lời {n}: {escaped} và `{evil}` và **đậm** [liên kết](https://example.org/a?b=\"c\")."
        lines += [f"  - id: doc-{n}", "    topic: tasks", f"    question: {yq(f'Câu hỏi {n} ' + evil)}",
                  f"    answer: {yq(answer)}", "    citations:", "      - plan: \"002\"",
                  "        section: \"II.1.1\"", "    bodies:", "      - body: dang-uy-truc-thuoc",
                  "        role: thuc-hien"]
    return "\n".join(lines) + "\n"


def test_hostile_strings_render_inert(tmp_path, browser):
    project = make_project(tmp_path, hostile_faq())
    code, out = build_project(project, "--docs", "docs")
    assert code == 0, out
    site = project / "site"
    for page in site.rglob("*.html"):
        parser = Inspector()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.findings == [], (page, parser.findings)
    dialogs = []
    with serve(site) as url:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("chu-de/nhiem-vu.html", "co-quan/index.html", f"co-quan/{registry_ids()[0]}.html",
                     "co-quan/dang-uy-truc-thuoc.html", "ban-in.html",
                     "chu-viet-tat.html", "thoi-han.html", "ke-hoach/002.html"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__pwned") is None, path
            # Hover every abbreviation: their titles come from the glossary.
            for abbr in page.locator("abbr").all()[:40]:
                abbr.hover()
            assert page.evaluate("window.__pwned") is None, path
        # The hostile text is shown to the reader as text.
        page.goto(url + "chu-de/nhiem-vu.html")
        assert "<script>window.__pwned = 1</script>" in page.locator("h2#doc-0").inner_text()
        page.close()
    assert dialogs == []


def test_the_answer_is_an_html_block_page_extensions_never_parse(built_site):
    """The answer's HTML, not its Markdown, is on the page: attr_list, md_in_html,
    snippets and abbr definitions of the page never see an editor's text."""
    page = (built_site / "chu-de" / "nhiem-vu.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<div class="faq-answer">(.*?)</div>', page, re.S)
    assert len(blocks) >= 10
    tags = {t.lower() for block in blocks for t in re.findall(r"<([a-zA-Z0-9]+)", block)}
    assert tags <= {"p", "br", "strong", "em", "code", "ul", "ol", "li", "a", "abbr", "blockquote",
                    "table", "thead", "tbody", "tr", "th", "td"}, tags


def test_raw_html_and_unsafe_links_are_refused(tmp_path):
    faq = ("questions:\n  - id: a\n    topic: tasks\n    question: Q?\n"
           "    answer: \"<b>x</b> [y](javascript:alert(1)) ![z](data:text/html,hi) <https://e.org>\"\n"
           "    citations:\n      - plan: \"002\"\n        section: \"II.1.1\"\n")
    project = make_project(tmp_path, faq)
    code, out = build_project(project, site=False)
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("faq.yml:")]
    assert any("raw HTML '<b>x</b>" in e for e in errors)
    assert any("link target 'javascript:alert(1)'" in e for e in errors)
    assert any("an image '![z](data:text/html…'" in e for e in errors)
    assert any("raw HTML '<https://e.org>'" in e for e in errors)


def test_markup_in_glossary_meanings_is_refused(tmp_path):
    faq = ("glossary:\n  X: \"<img src=x onerror=alert(1)>\"\n  Y: \"&#60;b&#62;\"\nquestions:\n  - id: a\n    topic: tasks\n"
           "    question: Q?\n    answer: A.\n    citations:\n      - plan: \"002\"\n        section: \"II.1.1\"\n")
    project = make_project(tmp_path, faq)
    code, out = build_project(project, site=False)
    assert code == 1
    assert ("faq.yml:2:6: glossary 'X': the meaning contains '<', '>', '&' or a line break; "
            "expected plain words on one line (write 'và' for '&')") in out
    assert not (project / "docs" / "chu-de").exists()

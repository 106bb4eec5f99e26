"""The second layer: scan the built site's pages for live markup.

Runs after `mkdocs build` (`python -m faqbuild.scan site`, from `make build`,
`make dist` and the tests). Whatever an editor typed went through
sanitize.py's allow-list; this scan does not trust that, nor the theme's
Markdown extensions, and reads every HTML page outside the theme's own
assets for what must never be there: event-handler and style attributes,
script URLs (after entity decoding), resources loaded from another host,
duplicate ids, and bidirectional control characters. Any hit fails, naming
the page and the element.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .text import BIDI_RE


THEME_DIRS = ("assets/", "search/")  # the theme's own files, and its search index and worker
SCRIPT_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "background",
                  "xlink:href", "srcset", "ping", "manifest", "codebase", "longdesc", "usemap"}
# Attributes that make the browser load something as the page opens (not links a reader follows).
LOADING = {("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("frame", "src"),
           ("embed", "src"), ("object", "data"), ("audio", "src"), ("video", "src"), ("video", "poster"),
           ("source", "src"), ("source", "srcset"), ("track", "src"), ("input", "src"), ("image", "href"),
           ("use", "href"), ("image", "xlink:href"), ("use", "xlink:href")}
LOADING_LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "prefetch", "modulepreload", "manifest",
                     "apple-touch-icon", "dns-prefetch", "preconnect", "import"}
OFF_SITE_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//")
CSS_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.I)


@dataclass(frozen=True)
class Hit:
    page: str
    line: int
    element: str
    what: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.element}: {self.what}"


def browser_url(value: str) -> str:
    """An attribute value as the browser reads it: entities decoded, and the
    ASCII whitespace and control characters it skips removed."""
    return re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).lower()


class PageScanner(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.hits: list[Hit] = []
        self.ids: dict[str, int] = {}
        self.in_style = False

    def hit(self, element: str, what: str) -> None:
        self.hits.append(Hit(self.page, self.getpos()[0], element, what))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = f"<{tag}" + "".join(f' {k}="{(v or "")[:40]}"' for k, v in attrs[:3]) + ">"
        rels = set()
        for name, value in attrs:
            if name == "rel" and value:
                rels = set(value.lower().split())
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.hit(shown, f"event-handler attribute {name!r}; expected none")
            elif name == "style":
                self.hit(shown, f"style attribute {value[:60]!r}; expected styles in the stylesheets only")
            elif name == "title" and "<" in value:
                # The theme's tooltips (content.tooltips) show a title as HTML.
                self.hit(shown, f"title holds markup {value[:60]!r}; expected plain words (tooltips render HTML)")
            if name in URL_ATTRIBUTES or name.endswith(":href"):
                url = browser_url(value)
                if url.startswith(SCRIPT_SCHEMES):
                    self.hit(shown, f"{name} is a {url.split(':')[0]}: URL; expected a page or https: link")
                loads = (tag, name) in LOADING or (tag == "link" and name == "href" and rels & LOADING_LINK_RELS)
                if loads and OFF_SITE_RE.match(url):
                    self.hit(shown, f"{name} loads {value[:60]!r} from another host; expected a file of this site")
            if name == "id":
                if value in self.ids:
                    self.hit(shown, f"duplicate id {value!r} (first on line {self.ids[value]}); expected each once")
                else:
                    self.ids[value] = self.getpos()[0]
            if name == "http-equiv" and value.lower() == "refresh":
                content = dict(attrs).get("content") or ""
                target = browser_url(content.partition("url=")[2])
                if target.startswith(SCRIPT_SCHEMES) or OFF_SITE_RE.match(target):
                    self.hit(shown, f"refresh to {content[:60]!r}; expected a page of this site")
        self.in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.in_style = False

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if BIDI_RE.search(data):
            char = BIDI_RE.search(data).group()
            self.hit("text", f"bidirectional control U+{ord(char):04X}; expected none (it can show text in "
                             "another order than it is stored)")
        if self.in_style:
            for url in CSS_URL_RE.findall(data):
                if OFF_SITE_RE.match(browser_url(url)):
                    self.hit("<style>", f"url({url[:60]!r}) loads from another host; expected a file of this site")


def scan_page(page: str, text: str) -> list[Hit]:
    scanner = PageScanner(page)
    scanner.feed(text)
    scanner.close()
    if BIDI_RE.search(text) and not any("bidirectional" in h.what for h in scanner.hits):
        line = text.count("\n", 0, BIDI_RE.search(text).start()) + 1  # in an attribute value
        scanner.hits.append(Hit(page, line, "attribute", "bidirectional control character; expected none"))
    return scanner.hits


def scan_site(site: Path) -> list[Hit]:
    hits = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(THEME_DIRS):
            continue
        hits += scan_page(f"{site.name}/{rel}", path.read_text(encoding="utf-8", errors="replace"))
    return hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m faqbuild.scan", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="the built site folder (site/ or dist/…)")
    site = Path(parser.parse_args(argv).site)
    if not site.is_dir():
        print(f"{site}: not a folder; expected the built site (run mkdocs build first)", file=sys.stderr)
        return 2
    hits = scan_site(site)
    for hit in hits:
        print(hit, file=sys.stderr)
    if hits:
        print(f"scan: {len(hits)} problem{'s' if len(hits) != 1 else ''} in the built site", file=sys.stderr)
        return 1
    print(f"scan: {sum(1 for _ in site.rglob('*.html'))} pages, nothing live found")
    return 0


if __name__ == "__main__":
    sys.exit(main())

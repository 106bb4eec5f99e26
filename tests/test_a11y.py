"""Accessibility of the built site in headless Chromium.

- axe-core (WCAG 2.0/2.1 A and AA rules) reports no violation on any HTML page
  of the built site, nor with the search results open, nor on an answer opened
  from search with its words highlighted;
- search works from the keyboard: "/" or "s" focuses it, typing lists results,
  ArrowDown then Enter opens one;
- the copy-link button after each question is reached with Tab, works with
  Enter and Space, and its status region says "Đã sao chép";
- every Tab stop is visible and shows a focus indicator, and the focus rings
  on the red header and the black footer stand out from them;
- on a phone-sized screen too (a sample of pages, the menu and search open),
  axe finds nothing, and a table too wide for the screen can be scrolled
  from the keyboard;
- headings go down one level at a time under a single h1;
- the theme colours chosen in docs/assets/faq.css meet WCAG contrast ratios, as
  rendered.

axe-core is pinned in tests/package.json and tests/package-lock.json; `make
test` installs it with `npm ci --prefix tests`. A missing axe-core fails these
tests, like a missing chromium (see conftest.py); nothing here skips.
"""

from __future__ import annotations

import html
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Error as PlaywrightError, expect

TESTS = Path(__file__).resolve().parent
AXE_DIR = TESTS / "node_modules" / "axe-core"
AXE_JS = AXE_DIR / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEARCH_QUERY = "quán triệt"
VIEWPORT = {"width": 1280, "height": 900}

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}));
}"""

# Headings a screen reader lists: h1–h6 and role=heading, in document order,
# leaving out those not rendered or hidden from assistive technology.
HEADINGS_JS = """() => Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]'))
  .filter(h => h.getClientRects().length && !h.closest('[aria-hidden=true],[hidden]'))
  .map(h => [h.getAttribute('aria-level') ? +h.getAttribute('aria-level')
                                          : (/^H[1-6]$/.test(h.tagName) ? +h.tagName[1] : 2),
             h.textContent.replace(/\\s+/g, ' ').replace(/¶$/, '').trim().slice(0, 70)])"""

# The focused element: where it is, how big, and whether it shows a focus
# indicator (an outline or a box-shadow) while it matches :focus-visible.
FOCUS_JS = """async () => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  // Let focus transitions (the skip link fades in) finish before measuring.
  await Promise.race([Promise.all(e.getAnimations().map(a => a.finished.catch(() => null))),
                      new Promise(resolve => setTimeout(resolve, 1000))]);
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), cls: String(e.className).replace(/\\bfocus-visible\\b/, '').trim(),
          name: (e.getAttribute('aria-label') || e.textContent || e.value || '').replace(/\\s+/g, ' ').trim().slice(0, 50),
          focusVisible: e.matches(':focus-visible'),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
          outlineColor: s.outlineColor, boxShadow: s.boxShadow,
          width: r.width, height: r.height, visibility: s.visibility, opacity: +s.opacity};
}"""

# The colours of an element as rendered, by axe-core's own colour functions
# (those of its color-contrast rule): the background behind the element, its
# semi-transparent layers flattened, and over it the text colour (or, with
# `what`, its ::placeholder colour or its outline colour). Where axe gives no
# background (it declines for elements holding an icon), the backgrounds of
# the element and its ancestors are flattened instead, and the text colour
# faded by their opacity. Run after transitions.
COLOURS_JS = """async ([selector, what]) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error('missing ' + selector);
  await Promise.race([Promise.all(el.getAnimations().map(a => a.finished.catch(() => null))),
                      new Promise(resolve => setTimeout(resolve, 1000))]);
  axe.setup(document);
  try {
    const c = axe.commons.color;
    const colour = css => {
      const m = css.match(/[\\d.]+/g).map(Number);
      return new c.Color(m[0], m[1], m[2], m.length > 3 ? m[3] : 1);
    };
    let bg = c.getBackgroundColor(el, []), bgFrom = 'axe';
    if (!bg) {
      const layers = [];
      for (let n = el; n; n = n.parentElement) {
        const layer = colour(getComputedStyle(n).backgroundColor);
        if (layer.alpha > 0) layers.push(layer);
        if (layer.alpha === 1) break;
      }
      bg = layers.reverse().reduce((under, top) => c.flattenColors(top, under), new c.Color(255, 255, 255, 1));
      bgFrom = 'ancestors';
    }
    const s = getComputedStyle(el);
    const over = css => {  // a colour, faded by the element's and its ancestors' opacity
      const top = colour(css);
      for (let n = el; n; n = n.parentElement) top.alpha *= +getComputedStyle(n).opacity;
      return c.flattenColors(top, bg);
    };
    const fg = what === 'outline' ? over(s.outlineColor)
             : what ? over(getComputedStyle(el, what).color)
             : bgFrom === 'axe' ? c.getForegroundColor(el, false, bg) : over(s.color);
    return {fg: fg.toHexString(), bg: bg.toHexString(), bgFrom, size: parseFloat(s.fontSize),
            weight: +s.fontWeight || 400, ratio: c.getContrast(bg, fg), outlineStyle: s.outlineStyle,
            focused: document.activeElement === el};
  } finally {
    axe.teardown();
  }
}"""


# --- the pages ---------------------------------------------------------------------

class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refresh: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.refresh = a.get("content") or ""


def refresh_of(path: Path) -> str | None:
    """The content of the page's <meta http-equiv=refresh>, or None."""
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.refresh


def refresh_of_target(path: Path) -> str:
    """The address a stub's refresh goes to, as written."""
    target = refresh_of(path).partition(";")[2].strip()
    return re.sub(r"^url\s*=\s*", "", target, flags=re.I).strip("'\"")


def stub_shape(path: Path) -> str:
    """A stub's markup with its text and attribute values blanked out."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r'="[^"]*"', '=""', re.sub(r">[^<]*<", "><", text))


def site_pages(site: Path) -> tuple[list[str], list[str]]:
    """(pages, redirect stubs): every HTML file of the built site, site-relative.

    The stubs are render_permalink_stub's pages under cau-hoi/: an
    immediate <meta http-equiv=refresh> to the answer. They are real documents
    (a browser with refresh disabled, or a reader that does not follow it, shows
    them), so axe checks them too, but they are not content pages: no headings.
    404.html is included: the server shows it for every broken link."""
    pages, stubs = [], []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        (stubs if refresh_of(path) is not None else pages).append(rel)
    return pages, stubs


def report(violations_by_page: dict[str, list[dict]]) -> str:
    lines, summary = [], {}
    for where, violations in violations_by_page.items():
        for v in violations:
            summary.setdefault(v["id"], set()).add(where)
            lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} node(s)]")
            for node in v["nodes"][:5]:
                lines.append(f"    {' '.join(node['target'])}")
                lines.extend("      " + s for s in (node["summary"] or "").splitlines()[:3])
            if len(v["nodes"]) > 5:
                lines.append(f"    … and {len(v['nodes']) - 5} more")
    lines.append("summary: " + "; ".join(f"{rule} on {len(pages)} page(s)" for rule, pages in sorted(summary.items())))
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, at the version pinned in tests/package.json."""
    assert AXE_JS.is_file(), (f"{AXE_JS} is missing: run `npm ci --prefix tests` "
                              "(make test does)")
    pinned = json.loads((TESTS / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    installed = json.loads((AXE_DIR / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == pinned, (f"axe-core {installed} is installed, tests/package.json pins {pinned}: "
                                 "run `npm ci --prefix tests`")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def axe_context(browser, axe_source):
    """A browser context whose every document gets axe-core before its own scripts."""
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    context.add_init_script(axe_source)
    yield context
    context.close()


def run_axe(page) -> list[dict]:
    return page.evaluate(AXE_RUN, WCAG_TAGS)


def wait_for_site_scripts(page) -> None:
    """faq.js has added a copy-link button after every question heading."""
    page.wait_for_function("""() =>
        document.querySelectorAll('.faq-question[data-permalink]').length ===
        document.querySelectorAll('.faq-question[data-permalink] + .faq-copy-bar .faq-copy').length""")


@pytest.fixture(scope="module")
def audit(axe_context, built_site, site_url):
    """Every page of the site loaded once: its axe violations and its headings."""
    pages, stubs = site_pages(built_site)
    page = axe_context.new_page()
    results: dict[str, dict] = {}
    for rel in pages:
        page.goto(site_url + rel)
        wait_for_site_scripts(page)
        assert page.evaluate("typeof window.axe === 'object'"), "axe-core did not load"
        results[rel] = {"violations": run_axe(page), "headings": page.evaluate(HEADINGS_JS)}
    page.close()
    # A stub redirects at once: the redirect is stopped (ERR_ABORTED keeps the
    # stub's document) so that axe sees the stub itself. The stubs come from one
    # template and differ only in text and addresses, so axe runs on one stub of
    # each shape (all of them, should the template ever vary); every stub gets
    # the static checks in test_redirect_stubs_are_immediate_and_labelled.
    shapes: dict[str, str] = {}
    for rel in stubs:
        shapes.setdefault(stub_shape(built_site / rel), rel)
    page = axe_context.new_page()
    current = {"url": "", "redirects": []}

    def stop_redirect(route):
        if route.request.is_navigation_request() and route.request.url != current["url"]:
            current["redirects"].append(route.request.url)
            route.abort("aborted")
        else:
            route.continue_()
    page.route("**/*", stop_redirect)
    for rel in shapes.values():
        current.update(url=site_url + rel, redirects=[])
        try:
            page.goto(current["url"], wait_until="commit")
        except PlaywrightError as e:  # the stopped redirect may be reported as goto's
            if "ERR_ABORTED" not in str(e):
                raise
        for _ in range(100):
            if current["redirects"]:
                break
            page.wait_for_timeout(50)
        page.wait_for_function("document.readyState === 'complete' && typeof window.axe === 'object'")
        results[rel] = {"violations": run_axe(page), "redirects": current["redirects"], "url": page.url,
                        "headings": page.evaluate(HEADINGS_JS)}
    page.close()
    return {"site": built_site, "pages": pages, "stubs": stubs, "results": results}


# --- axe on every page ---------------------------------------------------------------

def test_the_walk_covers_every_kind_of_page(audit, built_site):
    pages, stubs = audit["pages"], audit["stubs"]
    assert len(pages) + len(stubs) == len(list(built_site.rglob("*.html")))
    for must in ("index.html", "404.html", "chu-de/nhiem-vu.html", "ke-hoach/002.html",
                 "co-quan/index.html", "thoi-han.html", "doi-chieu.html", "ban-in.html"):
        assert must in pages
    assert stubs and all(s.startswith("cau-hoi/") for s in stubs)


def test_axe_finds_no_wcag_a_or_aa_violation_on_any_page(audit):
    failing = {rel: r["violations"] for rel, r in audit["results"].items()
               if rel in audit["pages"] and r["violations"]}
    assert not failing, "\n" + report(failing)


def test_axe_finds_no_violation_on_the_redirect_stubs(audit):
    checked = [rel for rel in audit["stubs"] if rel in audit["results"]]
    assert checked, "axe ran on no redirect stub"
    failing = {rel: audit["results"][rel]["violations"] for rel in checked
               if audit["results"][rel]["violations"]}
    assert not failing, "\n" + report(failing)
    for rel in checked:
        r = audit["results"][rel]
        # axe ran on the stub itself, which had asked for its answer's page.
        assert r["url"].endswith(rel), (rel, r["url"])
        target = urljoin(r["url"], refresh_of_target(audit["site"] / rel))
        assert r["redirects"] == [target.partition("#")[0]], (rel, r["redirects"])


def test_redirect_stubs_are_immediate_and_labelled(audit):
    """What axe checked on one stub holds for each: a language, a title, an
    immediate refresh (a delayed one fails WCAG 2.2.1), and a link with text to
    the same place for a reader whose browser does not follow the refresh."""
    problems = []
    for rel in audit["stubs"]:
        path = audit["site"] / rel
        text = path.read_text(encoding="utf-8")
        delay = refresh_of(path).partition(";")[0].strip()
        target = refresh_of_target(path)
        link = re.search(r'<a href="([^"]*)">([^<]*)</a>', text)
        if not re.search(r'<html lang="vi">', text):
            problems.append(f"{rel}: no lang=vi")
        if not re.search(r"<title>[^<\s][^<]*</title>", text):
            problems.append(f"{rel}: empty title")
        if delay != "0":
            problems.append(f"{rel}: refresh after {delay!r} s, not at once")
        if not link or not link.group(2).strip() or html.unescape(link.group(1)) != target:
            problems.append(f"{rel}: no link with text to {target}")
    assert not problems, "\n".join(problems)


def test_axe_finds_no_violation_with_search_results_open(axe_context, site_url):
    page = axe_context.new_page()
    page.goto(site_url + "index.html")
    wait_for_site_scripts(page)
    page.keyboard.press("/")
    page.keyboard.type(SEARCH_QUERY, delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10000)
    # Previews with the query's words highlighted are in the list.
    expect(page.locator(".md-search-result__article mark").first).to_be_visible()
    violations = {"index.html, search open": run_axe(page)}
    # Open a section result from the keyboard: the answer, words highlighted.
    section_links = page.locator(".md-search-result__link[href*='#']")
    href = section_links.first.get_attribute("href")
    for _ in range(50):
        page.keyboard.press("ArrowDown")
        if page.evaluate("document.activeElement.getAttribute('href')") == href:
            break
    else:
        pytest.fail(f"ArrowDown never reached the result {href}")
    page.keyboard.press("Enter")
    expect(page).to_have_url(href)
    wait_for_site_scripts(page)
    expect(page.locator(".md-content mark[data-md-highlight]").first).to_be_attached()
    violations[page.url.replace(site_url, "") + ", highlighted"] = run_axe(page)
    page.close()
    failing = {k: v for k, v in violations.items() if v}
    assert not failing, "\n" + report(failing)


PHONE = {"width": 390, "height": 844}
PHONE_PAGES = ["index.html", "chu-de/nhiem-vu.html", "co-quan/index.html", "thoi-han.html",
               "doi-chieu.html", "ke-hoach/002.html"]


def test_axe_finds_no_violation_on_a_phone(browser, axe_source, site_url):
    """Material's phone layout differs: wide tables scroll sideways, navigation
    is a drawer, search fills the screen. A sample of pages with tables (every
    page at this width takes as long again as the whole desktop walk)."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    context.add_init_script(axe_source)
    page = context.new_page()
    violations = {}
    for rel in PHONE_PAGES:
        page.goto(site_url + rel)
        wait_for_site_scripts(page)
        violations[rel + ", phone"] = run_axe(page)
    # A table too wide for a phone (every generated one fits at 390 px now but
    # the matrix: the summary table of chu-de/nhiem-vu.html is made too wide
    # here): faq.js makes its scroll box a named region that takes focus, and
    # the arrow keys scroll it.
    page.goto(site_url + "chu-de/nhiem-vu.html")
    wait_for_site_scripts(page)
    page.add_style_tag(content=".md-typeset td, .md-typeset th { white-space: nowrap; }")
    page.evaluate("window.dispatchEvent(new Event('resize'))")
    region = page.locator(".md-typeset__scrollwrap[tabindex='0'][role=region]").first
    expect(region).to_have_attribute("aria-label", re.compile(r"^Bảng cuộn ngang: \S"))
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.scrollLeft > 0")
    page.click("label.md-header__button[for=__drawer]")
    expect(page.locator("#__drawer")).to_be_checked()
    page.wait_for_timeout(300)  # the drawer slides in
    violations["chu-de/nhiem-vu.html, phone, menu open"] = run_axe(page)
    page.goto(site_url + "chu-de/nhiem-vu.html")
    wait_for_site_scripts(page)
    page.keyboard.press("/")
    page.keyboard.type(SEARCH_QUERY, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    violations["chu-de/nhiem-vu.html, phone, search open"] = run_axe(page)
    context.close()
    failing = {k: v for k, v in violations.items() if v}
    assert not failing, "\n" + report(failing)


# --- headings -------------------------------------------------------------------------

def test_headings_go_down_one_level_at_a_time_under_one_h1(audit):
    problems = []
    for rel in audit["pages"]:
        headings = audit["results"][rel]["headings"]
        levels = [level for level, _ in headings]
        if levels.count(1) != 1:
            problems.append(f"{rel}: {levels.count(1)} h1 (want exactly one): "
                            f"{[text for level, text in headings if level == 1]}")
        elif levels[0] != 1:
            problems.append(f"{rel}: first heading is h{levels[0]} {headings[0][1]!r}, not the h1")
        for (a, ta), (b, tb) in zip(headings, headings[1:]):
            if b > a + 1:
                problems.append(f"{rel}: h{a} {ta!r} is followed by h{b} {tb!r}")
        if any(not text for _, text in headings):
            problems.append(f"{rel}: an empty heading")
    assert not problems, "\n".join(problems)


def test_redirect_stubs_have_no_headings_to_misorder(audit):
    # A stub is one sentence and a link, no heading; should it ever get
    # headings, they must follow the same rule as the pages.
    for rel in audit["stubs"]:
        text = (audit["site"] / rel).read_text(encoding="utf-8")
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", text)]
        assert not levels or (levels.count(1) == 1 and levels[0] == 1 and
                              all(b <= a + 1 for a, b in zip(levels, levels[1:]))), (rel, levels)


# --- keyboard -------------------------------------------------------------------------

def assert_focus_visible(page, what: str) -> dict:
    focused = page.evaluate(FOCUS_JS)
    assert focused, f"{what}: nothing has focus"
    assert focused["focusVisible"], f"{what}: {focused} does not match :focus-visible"
    assert focused["outline"] or focused["boxShadow"] != "none", f"{what}: no focus indicator: {focused}"
    return focused


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_from_the_keyboard(page, site_url, key):
    page.goto(site_url + "chu-de/muc-dich.html")
    page.keyboard.press(key)
    query = page.locator("input.md-search__input")
    expect(query).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()  # the search dialog is open
    page.keyboard.type(SEARCH_QUERY, delay=20)
    expect(query).to_have_value(SEARCH_QUERY)  # the shortcut key was not typed
    first = page.locator(".md-search-result__link").first
    expect(first).to_be_visible(timeout=10000)
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    focused = assert_focus_visible(page, "first search result")
    assert focused["width"] > 0 and focused["height"] > 0
    href = first.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(href)


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_copy_link_button_from_the_keyboard(browser, site_url, key):
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN",
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "chu-de/thong-tin-chung.html")
    wait_for_site_scripts(page)
    first_button = page.locator(".faq-copy").first
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('faq-copy')"):
            break
    else:
        pytest.fail("Tab never reached a copy-link button")
    expect(first_button).to_be_focused()  # the first one on the page, in reading order
    assert_focus_visible(page, "copy-link button")
    name = first_button.get_attribute("aria-label")
    assert name.startswith(first_button.inner_text()), "the accessible name starts with the visible label"
    bar = page.locator(".faq-copy-bar").first
    status = bar.locator("[role=status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")
    page.keyboard.press(key)
    expect(status).to_have_text("Đã sao chép")
    assert page.evaluate("navigator.clipboard.readText()") == first_button.get_attribute("data-url")
    expect(first_button).to_be_focused()  # focus stays put
    context.close()


def test_every_tab_stop_is_visible_and_shows_focus(page, site_url):
    """Tab through a whole topic page: each stop is on screen with a focus
    indicator. The search box shows focus by opening the search dialog."""
    page.goto(site_url + "chu-de/muc-dich.html")
    wait_for_site_scripts(page)
    stops, problems = [], []
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_JS)
        if focused is None:
            break  # past the last stop
        stops.append(focused)
        where = f"stop {len(stops)}: <{focused['tag']} class={focused['cls']!r}> {focused['name']!r}"
        if focused["width"] == 0 or focused["height"] == 0 or focused["visibility"] != "visible" \
                or focused["opacity"] == 0:
            problems.append(f"{where}: not visible ({focused['width']}x{focused['height']}, "
                            f"visibility {focused['visibility']}, opacity {focused['opacity']})")
        elif "md-search__input" in focused["cls"]:
            if not page.locator("#__search").is_checked():
                page.wait_for_timeout(100)
                if not page.locator("#__search").is_checked():
                    problems.append(f"{where}: focused, but the search dialog did not open")
        elif not focused["focusVisible"] or not (focused["outline"] or focused["boxShadow"] != "none"):
            problems.append(f"{where}: no focus indicator")
    else:
        pytest.fail("Tab never left the page")
    assert any("faq-copy" in s["cls"] for s in stops)
    assert any("md-search__input" in s["cls"] for s in stops)
    assert not problems, "\n".join(problems)


def test_focus_rings_contrast_with_header_and_footer(axe_context, site_url):
    """The accent colour (dark red) is the header's own colour family: a ring in
    it would vanish on the header. Rings there must reach 3:1 (WCAG 1.4.11)."""
    page = axe_context.new_page()
    page.goto(site_url + "chu-de/muc-dich.html")
    wait_for_site_scripts(page)
    problems = []
    for selector in (".md-header__button.md-logo", ".md-footer__link--next", ".md-copyright a"):
        page.locator(selector).first.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus, so that :focus-visible applies
        ring = page.evaluate(COLOURS_JS, [selector, "outline"])
        assert ring["focused"], f"{selector} did not take keyboard focus"
        assert ring["outlineStyle"] != "none", f"{selector}: no outline"
        if ring["ratio"] < 3:
            problems.append(f"{selector}: ring {ring['fg']} on {ring['bg']} is {ring['ratio']:.2f}:1")
    page.close()
    assert not problems, "\n".join(problems)


# --- contrast of the theme colours ------------------------------------------------------

@pytest.fixture(scope="module")
def theme_colours(browser, axe_source, site_url):
    """Text/background pairs of the theme, measured on a topic page, in the
    states a reader sees: at rest, on hover/focus, after copying a link."""
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN",
                                  permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(axe_source)
    page = context.new_page()
    page.goto(site_url + "chu-de/thong-tin-chung.html")
    wait_for_site_scripts(page)
    link = ".md-content .md-typeset p > a[href]:not(.headerlink)"
    measure = lambda selector, what=None: page.evaluate(COLOURS_JS, [selector, what])
    pairs = {
        "body text": measure(".md-content .md-typeset > p"),
        "link": measure(link),
        "header title": measure(".md-header__topic .md-ellipsis"),
        "header logo icon": dict(measure(".md-header__button.md-logo"), large=True),  # non-text: 3:1
        "search box text": measure(".md-search__input"),
        "search box placeholder": measure(".md-search__input", "::placeholder"),
        "copy-link button": measure(".faq-copy"),
        "footer link": measure(".md-footer__link .md-footer__title"),
        "footer copyright": measure(".md-copyright"),
    }
    page.hover(link)
    pairs["link on hover (accent)"] = measure(link)
    page.hover(".faq-copy")
    pairs["copy-link button on hover/focus"] = measure(".faq-copy")
    page.click(".faq-copy")
    expect(page.locator(".faq-copy-status").first).not_to_have_text("")
    pairs["copy-link status"] = measure(".faq-copy-status")
    context.close()
    return pairs


def test_theme_is_the_one_faq_css_chooses(theme_colours):
    css = (TESTS.parent / "docs" / "assets" / "faq.css").read_text(encoding="utf-8")
    primary = re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})", css).group(1).lower()
    link = re.search(r"--md-typeset-a-color:\s*(#[0-9a-fA-F]{6})", css).group(1).lower()
    accent = re.search(r"--md-accent-fg-color:\s*(#[0-9a-fA-F]{6})", css).group(1).lower()
    assert theme_colours["header title"]["bg"] == primary
    assert theme_colours["link"]["fg"] == link
    assert theme_colours["link on hover (accent)"]["fg"] == accent


@pytest.mark.parametrize("pair", [
    "body text", "link", "link on hover (accent)", "header title", "header logo icon",
    "search box text", "search box placeholder", "copy-link button", "copy-link button on hover/focus",
    "copy-link status", "footer link", "footer copyright",
])
def test_theme_colour_contrast(theme_colours, pair):
    c = theme_colours[pair]
    large = c.get("large") or c["size"] >= 24 or (c["size"] >= 18.66 and c["weight"] >= 700)
    need = 3.0 if large else 4.5
    ratio = math.floor(c["ratio"] * 100) / 100  # truncated, as axe does
    print(f"{pair}: {c['fg']} on {c['bg']} = {ratio:.2f}:1 (need {need}:1; background by {c['bgFrom']})")
    assert ratio >= need, (f"{pair}: {c['fg']} on {c['bg']} is {ratio:.2f}:1, below {need}:1 "
                           f"for {'large' if large else 'normal'} text ({c['size']}px, weight {c['weight']})")

"""Drive the built site's search box in headless Chromium, like a reader.

Place in the pipeline: after `build_faq.py` and `mkdocs build`; used by the
search tests (tests/test_search.py) and meant for a search benchmark.

    with SearchHarness(site_dir) as search:
        outcome = search.query("du luan xa hoi")
        outcome.urls        # links shown, in page order ("chu-de/x.html#id")
        outcome.items       # the same with titles, previews, <mark>ed words
        outcome.locations   # everything the worker found, best score first
        outcome.ms          # last keystroke -> results in the page
    latency_summary(outcomes)   # median / p90 / max, for a benchmark

Also from the command line: python tests/search_harness.py SITE "query" ...

How it measures. An init script wraps the page's `Worker` (also the
iframe-worker shim that Material uses on file://) to log, with
performance.now(), every query message sent to the search worker and every
result message back, and a MutationObserver logs every change of the result
list and its "N results" line. The harness types the query a key at a time
with a pause between keys (see `type`), then waits until the worker has
answered the query equal to the final text of the box and the page has
re-rendered after that answer. `ms` is the time from the keydown of the
last character to that re-render: everything a reader waits for (Material
queries on keyup, the worker searches, possibly after the queries of the
previous keystrokes, and the main thread renders).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.server
import os
import shutil
import socketserver
import threading
import urllib.parse
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Runs in every page and frame before the page's own scripts.
_INSTRUMENT = r"""
(() => {
  if (window.top !== window || window.__search) return;
  const log = window.__search = {
    queries: [],        // {t, q}: query messages sent to the worker
    results: [],        // {t, n}: result messages received
    renders: [],        // {t, r}: DOM changes of the result list; r = results received by then
    lastKeydown: null,
    ready: false,
    setupSent: null,    // SETUP message (the whole index) sent to the worker
    readyAt: null,      // worker answered READY: index built
    iframe: null,       // whether the worker is the iframe-worker shim (file://)
    errors: [],
  };
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's SearchMessageType

  // The last query sent since `before` whose text is `value`, or -1: the
  // answer the page must show for what is in the box now.
  window.__searchAnswerIndex = (before, value) => {
    for (let k = log.queries.length - 1; k >= before; k--)
      if (log.queries[k].q === value) return k;
    return -1;
  };

  function instrument(worker) {
    const post = worker.postMessage.bind(worker);
    log.iframe = !!(window.IFrameWorker && worker instanceof window.IFrameWorker);
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === SETUP)
        log.setupSent = performance.now();
      if (message && message.type === QUERY)
        log.queries.push({ t: performance.now(), q: message.data });
      return post(message, ...rest);
    };
    worker.addEventListener("message", ev => {
      const data = ev.data || {};
      if (data.type === READY) { log.ready = true; log.readyAt = performance.now(); }
      if (data.type === RESULT) {
        // Everything the worker found, not only what is rendered (Material
        // renders 10 pages at first, more on scrolling).
        const found = [];
        for (const group of data.data.items || [])
          for (const doc of group)
            if (doc.score > 0) found.push([doc.location, doc.score]);
        log.results.push({ t: performance.now(), n: (data.data.items || []).length, found,
                           suggest: data.data.suggest || [] });
      }
    });
    worker.addEventListener("error", ev => log.errors.push(String(ev.message || ev)));
    return worker;
  }

  // Material constructs the worker after its bundle (and, on file://, the
  // iframe-worker shim, which assigns window.Worker) has run: wrap whatever
  // class is current at that moment.
  let Impl = window.Worker;
  function Wrapped(url, options) { return instrument(new Impl(url, options)); }
  Object.defineProperty(window, "Worker", {
    configurable: true,
    get() { return Wrapped; },
    set(value) { Impl = value; },
  });

  document.addEventListener("keydown", ev => {
    if (ev.target && ev.target.matches && ev.target.matches("input.md-search__input"))
      log.lastKeydown = performance.now();
  }, true);

  function observe() {
    const list = document.querySelector(".md-search-result__list");
    const meta = document.querySelector(".md-search-result__meta");
    if (!list || !meta) return;
    const observer = new MutationObserver(() => {
      log.renders.push({ t: performance.now(), r: log.results.length });
    });
    for (const el of [list, meta])
      observer.observe(el, { childList: true, subtree: true, characterData: true });
  }
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", observe);
  else
    observe();
})();
"""

# True once the answer to the box's current text is rendered; arg: queries before typing.
_SETTLED = r"""
(before) => {
  const log = window.__search;
  const value = document.querySelector("input.md-search__input").value;
  const i = window.__searchAnswerIndex(before, value);
  if (i < 0 && value === "" && before === log.queries.length) return true;
  if (i < 0 || log.results.length <= i || log.queries.length !== log.results.length) return false;
  return log.renders.some(r => r.r > i);
}
"""

# What the reader sees, in order.
_READ_RESULTS = r"""
(before) => {
  const log = window.__search;
  const value = document.querySelector("input.md-search__input").value;
  const i = window.__searchAnswerIndex(before, value);
  const render = i < 0 ? null : log.renders.find(r => r.r > i);
  const items = [];
  for (const link of document.querySelectorAll(".md-search-result__list a.md-search-result__link")) {
    const article = link.querySelector("article");
    const heading = article.querySelector("h1, h2");
    const preview = Array.from(article.children)
      .filter(el => !el.matches("h1, h2, .md-search-result__icon, .md-search-result__terms"));
    items.push({
      href: link.getAttribute("href"),
      title: heading ? heading.textContent.trim() : "",
      title_html: heading ? heading.innerHTML : "",
      text: preview.map(el => el.textContent).join("\n").trim(),
      text_html: preview.map(el => el.outerHTML).join("\n"),
      marks: Array.from(article.querySelectorAll("mark")).map(m => m.textContent),
      missing: Array.from(article.querySelectorAll(".md-search-result__terms del")).map(d => d.textContent),
      score: parseFloat(article.getAttribute("data-md-score")),
      is_page: !!article.querySelector("h1"),
      more: !!link.closest("details"),
    });
  }
  return {
    value,
    items,
    meta: document.querySelector(".md-search-result__meta").textContent.trim(),
    suggestion: (document.querySelector(".md-search__suggest") || {}).textContent || "",
    last_keydown: log.lastKeydown,
    query_sent: i < 0 ? null : log.queries[i].t,
    result_received: i < 0 || !log.results[i] ? null : log.results[i].t,
    rendered: render ? render.t : null,
    found: i < 0 || !log.results[i] ? [] : log.results[i].found,
    queries_sent: log.queries.length - before,
    errors: log.errors,
  };
}
"""


@dataclasses.dataclass(frozen=True)
class SearchItem:
    """One link in the result list."""
    href: str          # as in the page, relative to it, with Material's ?h=
    url: str           # site-relative path plus #anchor, without ?h=: "chu-de/x.html#id"
    anchor: str        # "id", or "" for a whole page
    title: str         # heading text
    title_html: str    # heading HTML (with <mark>s)
    text: str          # preview text
    text_html: str     # preview HTML (with <mark>s)
    marks: tuple[str, ...]    # highlighted words, in order
    missing: tuple[str, ...]  # query words Material lists as missing
    score: float
    is_page: bool      # the page entry of a group (h1), not a section
    more: bool         # inside the collapsed "more results on this page"


@dataclasses.dataclass(frozen=True)
class SearchOutcome:
    query: str
    items: tuple[SearchItem, ...]
    ms: float | None          # last keydown -> results rendered
    worker_ms: float | None   # final query sent -> its answer received
    send_ms: float | None     # last keydown -> final query sent (Material queries on keyup)
    render_ms: float | None   # answer received -> results rendered
    found: tuple[tuple[str, float], ...]  # everything the worker returned: (location, score), best first
    meta: str                 # "N tài liệu liên quan"
    suggestion: str
    queries_sent: int

    @property
    def urls(self) -> list[str]:
        """Shown links, in page order."""
        return [item.url for item in self.items]

    @property
    def locations(self) -> list[str]:
        """Everything found, best score first (as in search_index.json)."""
        return [location for location, _ in self.found]

    @property
    def sections(self) -> list[SearchItem]:
        """Sections (questions, plan sections) only, in the order shown."""
        return [item for item in self.items if item.anchor]

    def ranked(self) -> list[SearchItem]:
        """Every item, best score first (Material shows groups by page)."""
        return sorted(self.items, key=lambda item: -item.score)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a folder on 127.0.0.1 on a free port, in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) and shutil.which(CHROMIUM) is not None


class SearchHarness:
    """The site's search box in headless Chromium.

    site_dir   a built site (mkdocs build output)
    browser    a Playwright Browser to reuse; else one is launched (and closed)
    offline    open the site from file:// (Material's offline build) instead
               of serving it over HTTP
    page       the page to search from
    delay_ms   pause between keystrokes
    """

    def __init__(self, site_dir: str | os.PathLike, *, browser: Any = None, offline: bool = False,
                 page: str = "index.html", delay_ms: float = 40, timeout_ms: float = 15000) -> None:
        self.site_dir = Path(site_dir).resolve()
        self.offline = offline
        self.start_page = page
        self.delay_ms = delay_ms
        self.timeout_ms = timeout_ms
        self._browser = browser
        self._stack = contextlib.ExitStack()
        self.page: Any = None
        self.base_url = ""

    # -- lifecycle ---------------------------------------------------------

    def __enter__(self) -> "SearchHarness":
        try:
            self._open()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stack.close()

    def _open(self) -> None:
        if self.offline:
            self.base_url = self.site_dir.as_uri() + "/"
        else:
            self.base_url = self._stack.enter_context(serve(self.site_dir))
        if self._browser is None:
            if not chromium_available():
                raise RuntimeError(f"{CHROMIUM} is missing; install Debian's chromium")
            from playwright.sync_api import sync_playwright
            playwright = self._stack.enter_context(sync_playwright())
            self._browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            self._stack.callback(self._browser.close)
        context = self._browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        self._stack.callback(context.close)
        context.add_init_script(_INSTRUMENT)
        self.page = context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda msg: self.console.append(f"{msg.type}: {msg.text}"))
        self.page.on("pageerror", lambda err: self.console.append(f"pageerror: {err}"))
        self.page.goto(self.base_url + self.start_page)
        self.box = self.page.locator("input.md-search__input")
        # On file:// Material sets up the worker only once search is opened.
        self.box.focus()
        self.page.wait_for_function("() => window.__search && window.__search.ready",
                                    timeout=self.timeout_ms)
        state = self.page.evaluate("() => window.__search")
        # The worker building its index from search_index.json (and our lunr.vi).
        self.setup_ms = _elapsed(state["setupSent"], state["readyAt"])
        self.iframe_worker = bool(state["iframe"])
        self.clear()

    # -- searching ---------------------------------------------------------

    def clear(self) -> None:
        """Empty the box as a reader would (select all, delete) and wait for the list to settle."""
        self.box.focus()
        before = self.page.evaluate("() => window.__search.queries.length")
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Backspace")
        self._settle(before, "")

    def _settle(self, before: int, text: str) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout
        try:
            self.page.wait_for_function(_SETTLED, arg=before, timeout=self.timeout_ms)
        except PlaywrightTimeout:
            state = self.page.evaluate("""(before) => {
              const log = window.__search;
              return { value: document.querySelector("input.md-search__input").value,
                       queries: log.queries.slice(before).map(q => q.q),
                       results: log.results.length - before, renders: log.renders.slice(-3),
                       errors: log.errors };
            }""", before)
            raise RuntimeError(f"search for {text!r} did not settle: {state}; console: {self.console[-5:]}")

    def query(self, text: str, *, delay_ms: float | None = None) -> SearchOutcome:
        """Type `text` into an empty search box; return what the page shows."""
        self.clear()
        before = self.page.evaluate("() => window.__search.queries.length")
        self.type(text, self.delay_ms if delay_ms is None else delay_ms)
        self._settle(before, text)
        raw = self.page.evaluate(_READ_RESULTS, before)
        if raw["errors"]:
            raise RuntimeError(f"search worker failed: {raw['errors']}")
        if raw["value"] != text:
            raise RuntimeError(f"the search box holds {raw['value']!r}, not {text!r}")
        return SearchOutcome(
            query=text,
            items=tuple(self._item(item) for item in raw["items"]),
            ms=_elapsed(raw["last_keydown"], raw["rendered"]),
            worker_ms=_elapsed(raw["query_sent"], raw["result_received"]),
            send_ms=_elapsed(raw["last_keydown"], raw["query_sent"]),
            render_ms=_elapsed(raw["result_received"], raw["rendered"]),
            found=tuple(sorted(((loc, score) for loc, score in raw["found"]), key=lambda x: -x[1])),
            meta=raw["meta"],
            suggestion=raw["suggestion"],
            queries_sent=raw["queries_sent"],
        )

    def type(self, text: str, delay_ms: float) -> None:
        """Type like a person: each key pressed and released at once, a pause
        between keys. (keyboard.type's own delay holds every key down for the
        whole pause, and Material only searches on keyup.)

        Letters that are not on a US keyboard (ư, ộ, đ, a combining mark…)
        arrive the way a Vietnamese input method (Telex, VNI) delivers them in
        Chromium: keydown "Process" (keyCode 229), the text inserted, keyup.
        Playwright's own fallback inserts the text with no key events at all,
        which Material would not notice."""
        for i, char in enumerate(text):
            if i and delay_ms:
                self.page.wait_for_timeout(delay_ms)
            if " " <= char <= "~":
                self.page.keyboard.type(char)
            else:
                self._ime_key("keydown")
                self.page.keyboard.insert_text(char)
                self._ime_key("keyup")

    def _ime_key(self, kind: str) -> None:
        self.box.evaluate("""(box, kind) => box.dispatchEvent(new KeyboardEvent(kind, {
            key: "Process", code: "", keyCode: 229, which: 229, bubbles: true, cancelable: true }))""", kind)

    def _item(self, raw: dict) -> SearchItem:
        href = raw["href"]
        absolute = urllib.parse.urljoin(self.page.url, href)
        parts = urllib.parse.urlsplit(absolute)
        path = urllib.parse.unquote(parts.path)
        root = urllib.parse.unquote(urllib.parse.urlsplit(self.base_url).path)
        if path.startswith(root):
            path = path[len(root):]
        anchor = urllib.parse.unquote(parts.fragment)
        return SearchItem(
            href=href, url=path + (f"#{anchor}" if anchor else ""), anchor=anchor,
            title=raw["title"], title_html=raw["title_html"], text=raw["text"],
            text_html=raw["text_html"], marks=tuple(raw["marks"]), missing=tuple(raw["missing"]),
            score=raw["score"], is_page=raw["is_page"], more=raw["more"])


def _elapsed(start: float | None, end: float | None) -> float | None:
    return None if start is None or end is None else round(end - start, 1)


def latency_summary(outcomes: list[SearchOutcome]) -> dict[str, float]:
    """Keystroke-to-results statistics for a benchmark report."""
    times = sorted(o.ms for o in outcomes if o.ms is not None)
    if not times:
        return {}
    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(round(p * (len(times) - 1))))]
    return {"queries": len(times), "median_ms": pct(0.5), "p90_ms": pct(0.9), "max_ms": times[-1],
            "worker_median_ms": sorted(o.worker_ms or 0 for o in outcomes)[len(outcomes) // 2]}


def run_queries(site_dir: str | os.PathLike, queries: list[str], **options: Any) -> list[SearchOutcome]:
    """Convenience for a benchmark: one browser, every query typed afresh."""
    with SearchHarness(site_dir, **options) as search:
        return [search.query(q) for q in queries]


if __name__ == "__main__":  # python tests/search_harness.py SITE_DIR "query" ...
    import sys
    site, *queries = sys.argv[1:]
    with SearchHarness(site) as harness:
        print(f"index built in {harness.setup_ms} ms")
        outcomes = [harness.query(q) for q in queries]
    for outcome in outcomes:
        print(f"{outcome.query!r}: {outcome.ms} ms (keyup+send {outcome.send_ms}, worker {outcome.worker_ms},"
              f" render {outcome.render_ms}), {outcome.meta}")
        for item in outcome.items[:10]:
            print(f"  {item.score:10.2f} {item.url}  {item.title[:70]}  marks={list(item.marks)[:6]}")

"""The command line: `python build_faq.py [options]`, and --watch for `make serve`.

Under `make serve`, mkdocs serves with --dirty: it rebuilds only the pages
whose files changed, which is what makes an edit show within a second. A
dirty build leaves the other pages' navigation and tooltips as they were,
so when a build changes what every page shares (a page added or removed,
a plan's title in the navigation, the glossary) the watcher touches every
page, and mkdocs rebuilds them all.

The print booklet holds every answer, and mkdocs takes longer to rebuild it
than all else an edit changes (0.2 s of its 0.4 s). So the watcher's first
pass after an edit leaves it out, and a second pass writes it once the
editor has paused for DEFERRED_SECONDS: the edited answer shows within the
editing loop's budget (`make bench`), the booklet a moment later.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

from .build import Options, run
from .ids import PUBLISHED_IDS_NAME
from .urls import ABBREVIATIONS_SNIPPET, SEARCH_TEMPLATE, VIEW_PAGES


DESCRIPTION = "Build the Q&A pages of the site (docs/) from faq.yml and the plans' own text."
SETTLE_SECONDS = 0.05  # editors save in several steps (truncate, write, rename)
DEFERRED_SECONDS = 1.0  # an editor's pause before the booklet is rewritten
DEFERRED = frozenset({VIEW_PAGES["print"]})


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D102 - argparse's hook, with what was expected
        options = ", ".join(o for a in self._actions for o in a.option_strings)
        self.exit(2, f"{self.format_usage()}{self.prog}: error: {message}; expected one of {options}\n")


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="build_faq.py", description=DESCRIPTION, allow_abbrev=False)
    p.add_argument("--faq", default="faq.yml", help="the questions file (default: faq.yml)")
    p.add_argument("--plans", default="plans", help="folder of plan files (default: plans)")
    p.add_argument("--docs", default="docs", help="where pages are written (default: docs)")
    p.add_argument("--check", action="store_true",
                   help="validate and fail if the generated pages are stale; write nothing")
    p.add_argument("--watch", action="store_true",
                   help="rebuild whenever faq.yml, a plan or the search template changes")
    p.add_argument("--record-ids", action="store_true",
                   help=f"add every current answer id to {PUBLISHED_IDS_NAME} (publishing builds do this)")
    p.add_argument("--strict", action="store_true",
                   help="treat warnings (such as an uncited plan section) as errors")
    return p


def parse_options(argv: list[str]) -> Options:
    """Options from the command line; exits with status 2 on a usage error."""
    return Options(**vars(parser().parse_args(argv)))


def main(argv: list[str] | None = None) -> int:
    options = parse_options(sys.argv[1:] if argv is None else argv)
    return watch(options) if options.watch else run(options)


def shared_state(docs: Path) -> tuple:
    """What every page shows besides its own content: the pages and their
    titles (the navigation) and the glossary (the tooltips)."""
    titles = []
    for page in sorted(docs.rglob("*.md")):
        with page.open(encoding="utf-8") as text:
            head = [line for line, _ in zip(text, range(4))]  # front matter: "---", the mark, "title: …"
        titles.append((page.relative_to(docs).as_posix(), next((h for h in head if h.startswith("title:")), "")))
    snippet = docs / ABBREVIATIONS_SNIPPET
    return titles, snippet.read_bytes() if snippet.exists() else b""


def flush() -> None:
    sys.stdout.flush()
    sys.stderr.flush()


def touch_pages(docs: Path) -> None:
    """Make every page newer than its built copy: mkdocs --dirty rebuilds them all."""
    for page in docs.rglob("*.md"):
        os.utime(page)


def watch(options: Options) -> int:
    """Rebuild on every change of an input, from file-system events."""
    from watchdog.events import EVENT_TYPE_CLOSED_NO_WRITE, EVENT_TYPE_OPENED, FileSystemEventHandler
    from watchdog.observers import Observer

    READS = (EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE)
    inputs = {Path(options.faq).resolve(), (Path(options.docs) / SEARCH_TEMPLATE).resolve()}
    plans_dir = Path(options.plans).resolve()
    changed = threading.Event()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type in READS:
                return  # the build's own reading of its inputs, which would start it again
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path and (Path(path) in inputs or plans_dir in Path(path).parents and path.endswith(".yml")):
                    changed.set()

    observer = Observer()
    for folder in {p.parent for p in inputs}:
        if folder.is_dir():
            observer.schedule(Handler(), str(folder), recursive=False)
    if plans_dir.is_dir():  # the plans, and the register of duties in plans/duties/
        observer.schedule(Handler(), str(plans_dir), recursive=True)
    observer.start()
    docs = Path(options.docs)
    shared = shared_state(docs)
    deferred = False  # the booklet is behind the last good build
    try:
        while True:
            if deferred and not changed.wait(DEFERRED_SECONDS):
                run(options)  # the editor paused: the booklet catches up
                deferred = False
                flush()
                continue
            changed.wait()
            changed.clear()
            while changed.wait(SETTLE_SECONDS):  # wait until the editor has finished saving
                changed.clear()
            # After a broken save the booklet waits for the next good one.
            deferred = run(options, defer=DEFERRED) == 0
            if deferred:
                now = shared_state(docs)
                if now != shared:
                    touch_pages(docs)
                shared = now
            flush()
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()

"""The orchestrator: load and check the inputs, render the site, write docs/.

    plans/*.yml ─ plans.load_plans ─┐
    faq.yml ───── faqfile.load_faq ─┼─ site.render_site ─ write.update_docs ─ docs/
    faq-ids.txt ─ ids.load_published┘

Every problem is collected before anything is written: when there is one,
they are all printed with one count, and docs/ keeps the last good build.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .checker import Checker
from .duties import load_register
from .facets import check_facets
from .faqfile import coverage, load_faq
from .ids import PUBLISHED_IDS_NAME, check_published, load_published, published_path, render_published
from .model import Faq, Plan, Problem, Register
from .plans import load_plans
from .site import render_site
from .urls import SEARCH_TEMPLATE
from .write import sync_file, update_docs


@dataclass(frozen=True)
class Options:
    faq: str = "faq.yml"
    plans: str = "plans"
    docs: str = "docs"
    check: bool = False
    watch: bool = False
    record_ids: bool = False
    strict: bool = False


@dataclass(frozen=True)
class Inputs:
    plans: dict[str, Plan]
    faq: Faq | None        # None when a problem stopped the checks
    problems: list[Problem]


def load_inputs(options: Options) -> Inputs:
    """Load the plans, faq.yml and the published ids, and check them against
    each other. Problems are sorted and unique."""
    plans, problems = load_plans(Path(options.plans), options.plans)
    faq = None
    registers: list[Register] = []

    def check_register(check: Checker, items: dict, questions: list, bodies: list) -> None:
        register, found = load_register(Path(options.plans), options.plans, plans, {b.id: b for b in bodies})
        check.problems += found
        if register is not None and check_facets(check, items, questions, register):
            registers.append(register)

    if not problems:
        faq, problems = load_faq(Path(options.faq), options.faq, plans, check_register)
        if faq is not None:
            faq = dataclasses.replace(faq, register=registers[0])
        shown_ids = str(Path(options.faq).parent / PUBLISHED_IDS_NAME)
        published, found = load_published(published_path(Path(options.faq)), shown_ids)
        problems += found
        if faq is not None and not problems:
            check = Checker(shown_ids)
            check_published(check, faq, published)
            problems += check.problems
        if faq is not None:
            faq = dataclasses.replace(faq, published=tuple((i, p) for i, p, _ in published))
    problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.message))
    return Inputs(plans, faq if not problems else None, problems)


def coverage_warnings(options: Options, plans: dict[str, Plan], faq: Faq) -> list[Problem]:
    """An uncited plan section: a warning, an error under --strict."""
    warnings = []
    for pid, (hit, missing) in coverage(plans, faq).items():
        print(f"coverage: plan {pid}: {len(hit)}/{len(hit) + len(missing)} sections cited")
        for sid in missing:
            section = plans[pid].section(sid)
            warnings.append(Problem(f"{options.plans}/{pid}.yml", section.line, section.col,
                                    f"section {sid!r} of plan {pid!r} is not cited by any question; "
                                    "expected at least one citation"))
    return warnings


def errors(count: int, what: str) -> str:
    return f"build_faq.py: {count} error{'s' if count != 1 else ''}{what}; nothing written"


def run(options: Options, defer: Collection[str] = ()) -> int:
    """One build: 0 when docs/ is up to date (or, with --check, would be).
    The pages in `defer` are neither rendered nor written (the watcher's
    first pass after an edit, see cli.py); they stay as they were."""
    inputs = load_inputs(options)
    for problem in inputs.problems:
        print(problem, file=sys.stderr)
    if inputs.faq is None:
        print(errors(len(inputs.problems), ""), file=sys.stderr)
        return 1
    plans, faq = inputs.plans, inputs.faq
    warnings = coverage_warnings(options, plans, faq)
    for warning in warnings:
        print(f"{warning} ({'error' if options.strict else 'warning'})", file=sys.stderr)
    if warnings and options.strict:
        print(errors(len(warnings), " (--strict)"), file=sys.stderr)
        return 1
    docs = Path(options.docs)
    template_path = docs / SEARCH_TEMPLATE
    try:
        search_template = template_path.read_text(encoding="utf-8") if template_path.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{template_path}:1:1: cannot read the search template ({exc}); expected UTF-8 JavaScript",
              file=sys.stderr)
        return 1
    files = ((path, content) for path, content in render_site(plans, faq, search_template) if path not in defer)
    ids_path = published_path(Path(options.faq))
    ids_text = [render_published(faq, [(i, p, 0) for i, p in faq.published]).encode("utf-8")]
    ids_stale = options.record_ids and not sync_file(ids_path, ids_text, write=False)
    if options.check:
        changes = update_docs(docs, files, write=False)
        for rel_path in changes.changed + changes.removed:
            print(f"{docs / rel_path}: stale; run `python build_faq.py` to regenerate", file=sys.stderr)
        if ids_stale:
            print(f"{ids_path}: stale; run `python build_faq.py` and commit it", file=sys.stderr)
        if changes.changed or changes.removed or ids_stale:
            return 1
        print(f"build_faq.py: {len(faq.questions)} questions; generated pages are up to date")
        return 0
    try:
        changes = update_docs(docs, files, write=True, keep=defer)
        if ids_stale:
            sync_file(ids_path, ids_text, write=True)
    except OSError as exc:
        print(f"{docs}: cannot write ({exc.strerror}); expected a writable docs folder", file=sys.stderr)
        return 1
    written = len(changes.changed)
    print(f"build_faq.py: {len(faq.questions)} questions, {len(plans)} plans; "
          f"{written} files written, {changes.total - written} unchanged, {len(changes.removed)} removed")
    return 0

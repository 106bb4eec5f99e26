"""The booklet as a PDF: a step after the site build (`make build`, `make dist`).

    python -m faqbuild.pdf SITE_DIR [--faq faq.yml] [--plans plans]

writes SITE_DIR/hoi-dap-chi-thi-47.pdf (urls.BOOKLET_PDF).

Loads and checks the inputs as build_faq.py does, renders booklet.py's HTML
and lays it out with WeasyPrint (CSS paged media: A4, page numbers,
target-counter() for the contents). The version on the cover and the PDF's
dates come from the last commit that changed the content (faq.yml, plans/),
so the same content gives the same bytes, and a commit that changes only code
or tests finds the laid-out PDF in the cache (8-20 s saved); the file is
written, like every output, only when its bytes changed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import subprocess
import sys
from pathlib import Path

from .booklet import Version, render_booklet
from .build import Options, load_inputs
from .urls import BOOKLET_PDF
from .write import sync_file


CSS_PATH = Path(__file__).with_name("booklet.css")


CONTENT = ("faq.yml", "plans")  # what the booklet says, beside faq.yml


def commit_version(where: Path) -> Version:
    """The date and short hash of the last commit that changed the content;
    an empty Version where there is no git or no repository (a copy from an
    archive)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs%n%h%n%cI", "--", *CONTENT], cwd=where,
                                capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return Version()
    lines = result.stdout.split()
    if result.returncode != 0 or len(lines) != 3:
        return Version()
    return Version(date=lines[0], commit=lines[1], timestamp=lines[2])


def booklet_pdf(html_text: str) -> bytes:
    import weasyprint  # only this step needs it
    document = weasyprint.HTML(string=html_text, base_url=str(CSS_PATH.parent))
    # The PDF identifier is derived from the content (not random), and no
    # date but the commit's is written: the same input gives the same bytes.
    return document.write_pdf(pdf_identifier=False, uncompressed_pdf=False)


def weasyprint_version() -> str:
    try:
        return importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m faqbuild.pdf",
                                     description="Write the printable booklet as a PDF.")
    parser.add_argument("site", help="the built site's folder (site/, dist/…/)")
    parser.add_argument("--faq", default="faq.yml")
    parser.add_argument("--plans", default="plans")
    parser.add_argument("--cache", help="keep the last PDF here with the hash of its HTML, and reuse it "
                                        "when the HTML is the same (mkdocs build empties site/ each time)")
    args = parser.parse_args(argv)
    inputs = load_inputs(Options(faq=args.faq, plans=args.plans))
    for problem in inputs.problems:
        print(problem, file=sys.stderr)
    if inputs.faq is None:
        print(f"faqbuild.pdf: {len(inputs.problems)} errors; nothing written", file=sys.stderr)
        return 1
    version = commit_version(Path(args.faq).resolve().parent)
    html_text = render_booklet(inputs.plans, inputs.faq, version, CSS_PATH.read_text(encoding="utf-8"))
    key = hashlib.sha256((weasyprint_version() + "\n" + html_text).encode("utf-8")).hexdigest()
    cached = Path(args.cache) / f"{key}.pdf" if args.cache else None
    reused = cached is not None and cached.is_file()
    if reused:
        data = cached.read_bytes()
    else:
        try:
            data = booklet_pdf(html_text)
        except (ImportError, OSError) as exc:  # no WeasyPrint, or no Pango for it
            print(f"faqbuild.pdf: cannot load WeasyPrint ({exc}); expected it installed from requirements.txt "
                  "(`make build` does) and Pango (`make fonts`); nothing written", file=sys.stderr)
            return 1
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            for old in cached.parent.glob("*.pdf"):  # one booklet kept, the last
                old.unlink()
            sync_file(cached, [data], write=True)
    out = Path(args.site) / BOOKLET_PDF
    out.parent.mkdir(parents=True, exist_ok=True)
    same = sync_file(out, [data], write=True)
    print(f"faqbuild.pdf: {out} ({len(data) / 1024:.0f} KB, {version.shown()})"
          + ("; unchanged" if same else "") + ("; the cached copy (same HTML)" if reused else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

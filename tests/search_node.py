"""Run Material's search worker, with our lunr.vi, under Node (no browser).

Place in the pipeline: a test tool. tests/search_worker.js executes the
worker script exactly as the browser would (our lunr.vi loaded through its
importScripts); this module feeds it a request and returns its answer. With
`site=None` it uses the worker shipped in the installed Material package and
the template docs/includes/lunr.vi.js with a glossary of the test's choosing,
so no site build is needed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).with_name("search_worker.js")
TEMPLATE = ROOT / "docs" / "includes" / "lunr.vi.js"
NODE = shutil.which("node") or "/usr/bin/node"

# Material's search settings for this site (mkdocs.yml: search, lang: vi).
CONFIG = {"lang": ["vi"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}


def node_available() -> bool:
    return os.path.exists(NODE) and os.access(NODE, os.X_OK)


def material_templates() -> Path:
    """The theme folder of the installed Material: its worker and lunr files."""
    import material
    return Path(material.__file__).resolve().parent / "templates"


def run(request: dict[str, Any], timeout: float = 120) -> dict[str, Any]:
    """One run of the worker; see search_worker.js for the request format."""
    result = subprocess.run([NODE, str(RUNNER)], input=json.dumps(request, ensure_ascii=False),
                            capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"search_worker.js failed:\n{result.stderr}")
    return json.loads(result.stdout)


def run_template(glossary: dict[str, str], *, docs: list[dict] | None = None,
                 **request: Any) -> dict[str, Any]:
    """The template with `glossary` filled in, in Material's own worker."""
    index = {"config": CONFIG, "docs": docs or [{"location": "index.html", "title": "", "text": ""}]}
    return run({"site": str(material_templates()), "lunr_vi": str(TEMPLATE),
                "glossary": glossary, "index": index, **request})


def ranked(result: dict[str, Any]) -> list[dict[str, Any]]:
    """A query's documents (sections and pages), best score first, without
    the score-0 page entries Material adds to complete a group."""
    items = [item for group in result["items"] for item in group if item["score"] > 0]
    return sorted(items, key=lambda item: -item["score"])

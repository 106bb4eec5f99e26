"""Golden files: a small input faq.yml next to the exact pages it renders.

Run with UPDATE_GOLDEN=1 to rewrite expected/ after an intended change, then
review the diff like any other change."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import run_build, snapshot

GOLDEN = Path(__file__).parent / "golden"
EXPECTED = GOLDEN / "expected"


def test_rendering_matches_golden_files(tmp_path):
    docs = tmp_path / "docs"
    code, _, err = run_build("--faq", "tests/golden/faq.yml", "--docs", str(docs))
    assert code == 0, err
    got = {k: v.decode("utf-8") for k, v in snapshot(docs).items()}
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for old in EXPECTED.rglob("*") if EXPECTED.exists() else []:
            if old.is_file():
                old.unlink()
        for rel, text in got.items():
            target = EXPECTED / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    want = {k: v.decode("utf-8") for k, v in snapshot(EXPECTED).items()}
    assert sorted(got) == sorted(want)
    for rel in want:
        assert got[rel] == want[rel], f"{rel} differs from tests/golden/expected/{rel}"

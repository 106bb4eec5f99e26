"""faqbuild.cli --watch, the editor's loop under `make serve`: file events
rebuild docs/ at once; a broken save prints located errors and leaves docs/
as it was; a change of the navigation touches every page, so that mkdocs
serve --dirty rebuilds them all."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

QID = "chi-thi-47-la-gi"
TOPIC_PAGE = "chu-de/thong-tin-chung.md"


def wait_for(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def add_line_to_answer(faq: str, line: str) -> str:
    anchor = f"  - id: {QID}\n"
    head, tail = faq.split(anchor, 1)
    answer = "    answer: |\n"
    before, after = tail.split(answer, 1)
    return head + anchor + before + answer + f"      {line}\n\n" + after


@pytest.fixture
def project(tmp_path):
    for name in ("faq.yml", "faq-ids.txt"):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    log = open(tmp_path / "watch.log", "w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(ROOT / "build_faq.py"), "--watch"], cwd=tmp_path,
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    time.sleep(1.0)  # the observer is watching once the process has imported watchdog
    try:
        yield tmp_path, lambda: (tmp_path / "watch.log").read_text(encoding="utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_an_edit_rebuilds_the_page_and_a_broken_save_keeps_the_last_good_build(project):
    folder, log = project
    faq = folder / "faq.yml"
    page = folder / "docs" / TOPIC_PAGE
    original = faq.read_text(encoding="utf-8")
    faq.write_text(add_line_to_answer(original, "Dòng thêm để thử vòng sửa."), encoding="utf-8")
    assert wait_for(lambda: "Dòng thêm để thử vòng sửa." in page.read_text(encoding="utf-8")), log()
    assert wait_for(lambda: "files written" in log()), log()  # the build has finished writing
    good = {p: p.read_bytes() for p in (folder / "docs").rglob("*") if p.is_file()}

    faq.write_text(original.replace("topic: overview", "topic: overveiw", 1), encoding="utf-8")
    assert wait_for(lambda: "nothing written" in log()), log()
    assert "faq.yml:" in log() and "unknown topic 'overveiw'; did you mean 'overview'?" in log()
    assert "Traceback" not in log()
    assert {p: p.read_bytes() for p in (folder / "docs").rglob("*") if p.is_file()} == good


def test_a_new_page_touches_every_page_for_a_full_rebuild(project):
    folder, log = project
    faq = folder / "faq.yml"
    other = folder / "docs" / "ke-hoach" / "000.md"
    before = other.stat().st_mtime_ns
    text = faq.read_text(encoding="utf-8")
    # A new body in the registry adds its page (co-quan/…): the navigation changes.
    faq.write_text(text.replace("bodies:\n", "bodies:\n  so-thu:\n    name: Sở Thử\n", 1), encoding="utf-8")
    assert wait_for(lambda: (folder / "docs" / "co-quan" / "so-thu.md").exists()), log()
    assert wait_for(lambda: other.stat().st_mtime_ns > before), log()
    assert other.read_bytes() == (ROOT / "docs" / "ke-hoach" / "000.md").read_bytes()  # touched, not rewritten


def test_an_ordinary_edit_touches_only_what_changed(project):
    folder, log = project
    faq = folder / "faq.yml"
    other = folder / "docs" / "ke-hoach" / "000.md"
    before = other.stat().st_mtime_ns
    faq.write_text(add_line_to_answer(faq.read_text(encoding="utf-8"), "Một dòng nữa."), encoding="utf-8")
    assert wait_for(lambda: "Một dòng nữa." in (folder / "docs" / TOPIC_PAGE).read_text(encoding="utf-8")), log()
    time.sleep(0.3)
    assert other.stat().st_mtime_ns == before


def test_the_booklet_follows_once_the_editor_pauses(project):
    """The first pass leaves the booklet out (mkdocs takes longest over it);
    it is written DEFERRED_SECONDS after the last save."""
    folder, log = project
    faq = folder / "faq.yml"
    booklet = folder / "docs" / "ban-in.md"
    faq.write_text(add_line_to_answer(faq.read_text(encoding="utf-8"), "Dòng cho bản in."), encoding="utf-8")
    assert wait_for(lambda: "files written" in log()), log()
    assert "Dòng cho bản in." in (folder / "docs" / TOPIC_PAGE).read_text(encoding="utf-8")
    assert "Dòng cho bản in." not in booklet.read_text(encoding="utf-8")
    assert wait_for(lambda: "Dòng cho bản in." in booklet.read_text(encoding="utf-8")), log()
    time.sleep(1.5)  # and then the watcher is idle: its own reading of faq.yml is no edit
    assert log().count("files written") == 2, log()


def test_an_edit_of_the_register_of_duties_rebuilds(project):
    folder, log = project
    register = folder / "plans" / "duties" / "002.yml"
    page = folder / "docs" / "co-quan" / "mttq.md"
    text = register.read_text(encoding="utf-8")
    old = "không đứng riêng sau “Ủy ban Mặt trận Tổ quốc Việt Nam”."
    assert old in text and old in page.read_text(encoding="utf-8")
    register.write_text(text.replace(old, old + " Ghi chú thử.", 1), encoding="utf-8")
    assert wait_for(lambda: "Ghi chú thử." in page.read_text(encoding="utf-8")), log()

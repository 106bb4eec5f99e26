"""The write step: build_faq.update_docs and sync_file compare each generated
file with docs/ piece by piece, rewrite only what differs, atomically, and
leave no temporary files behind."""

from __future__ import annotations

import os

import pytest

import build_faq

NEW = [b"abc", b"def"]


@pytest.mark.parametrize("old", [None, b"abcdef", b"abcdefg", b"abcde", b"abXdef", b"abcdXf", b""],
                         ids=["missing", "same", "longer", "shorter", "differs-early", "differs-late", "empty"])
def test_sync_file_compares_then_replaces(tmp_path, old):
    target = tmp_path / "page.md"
    if old is not None:
        target.write_bytes(old)
    up_to_date = old == b"".join(NEW)
    assert build_faq.sync_file(target, iter(NEW), write=False) is up_to_date
    assert (target.read_bytes() if target.exists() else None) == old  # a check writes nothing
    before = target.stat().st_mtime_ns if target.exists() else None
    assert build_faq.sync_file(target, iter(NEW), write=True) is up_to_date
    assert target.read_bytes() == b"abcdef"
    if up_to_date:
        assert target.stat().st_mtime_ns == before  # untouched, so `mkdocs serve` does not reload
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]


def test_sync_file_keeps_the_old_file_when_rendering_fails(tmp_path):
    target = tmp_path / "page.md"
    target.write_bytes(b"old content")

    def chunks():
        yield b"new "
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        build_faq.sync_file(target, chunks(), write=True)
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]


def test_sync_file_leaves_no_half_new_file_when_rendering_fails(tmp_path):
    target = tmp_path / "page.md"

    def chunks():
        yield b"new "
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        build_faq.sync_file(target, chunks(), write=True)
    assert list(tmp_path.iterdir()) == []


def test_update_docs_writes_pieces_and_removes_orphans(tmp_path):
    docs = tmp_path / "docs"
    orphan = docs / "chu-de" / "old.md"
    orphan.parent.mkdir(parents=True)
    orphan.write_text(f"---\n{build_faq.MD_MARK}\n---\n", encoding="utf-8")
    hand_written = docs / "chu-de" / "notes.md"
    hand_written.write_text("written by hand\n", encoding="utf-8")
    files = [("chu-de/a.md", "một\n"), ("faq.json", iter(["{\n", ' "x": 1\n', "}\n"]))]
    changed, orphans, total = build_faq.update_docs(docs, iter(files), write=False)
    assert (changed, orphans, total) == (["chu-de/a.md", "faq.json"], ["chu-de/old.md"], 2)
    assert orphan.exists() and not (docs / "faq.json").exists()
    files = [("chu-de/a.md", "một\n"), ("faq.json", iter(["{\n", ' "x": 1\n', "}\n"]))]
    assert build_faq.update_docs(docs, iter(files), write=True) == (["chu-de/a.md", "faq.json"],
                                                                   ["chu-de/old.md"], 2)
    assert (docs / "chu-de" / "a.md").read_text(encoding="utf-8") == "một\n"
    assert (docs / "faq.json").read_text(encoding="utf-8") == '{\n "x": 1\n}\n'
    assert not orphan.exists() and hand_written.exists()
    mode = (docs / "faq.json").stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()  # an ordinary file, readable by the web server
    files = [("chu-de/a.md", "một\n"), ("faq.json", iter(["{\n", ' "x": 1\n', "}\n"]))]
    assert build_faq.update_docs(docs, iter(files), write=True) == ([], [], 2)


def test_json_lines_is_valid_json_with_a_line_per_item():
    import json
    data = {"a": 1, "empty": [], "items": [{"x": "ệ"}, {"x": 2}], "lazy": (n for n in range(2)), "last": None}
    text = "".join(build_faq.json_lines(data))
    assert json.loads(text) == {"a": 1, "empty": [], "items": [{"x": "ệ"}, {"x": 2}], "lazy": [0, 1], "last": None}
    assert text.splitlines() == ["{", ' "a": 1,', ' "empty": [],', ' "items": [', '  {"x": "ệ"},', '  {"x": 2}',
                                 " ],", ' "lazy": [', "  0,", "  1", " ],", ' "last": null', "}"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_rel_matches_os_path_relpath():
    """rel() does string work on the POSIX docs paths instead of os.path.relpath."""
    import posixpath
    pages = ["index.md", "faq.json", "chu-de/a.md", "cau-hoi/x.html", "ke-hoach/002.md", "co-quan/index.md",
             "a/b/c.md", "a/d.md", "a/b/e/f.md"]
    for here in pages:
        for there in pages:
            assert build_faq.rel(here, there) == posixpath.relpath(there, posixpath.dirname(here) or "."), \
                (here, there)

"""faqbuild.write: update_docs and sync_file compare each generated
file with docs/ piece by piece, rewrite only what differs, atomically, and
leave no temporary files behind."""

from __future__ import annotations

import pytest

from faqbuild.exports import json_lines
from faqbuild.md import MD_MARK
from faqbuild.write import Changes, sync_file, update_docs

NEW = [b"abc", b"def"]


@pytest.mark.parametrize("old", [None, b"abcdef", b"abcdefg", b"abcde", b"abXdef", b"abcdXf", b""],
                         ids=["missing", "same", "longer", "shorter", "differs-early", "differs-late", "empty"])
def test_sync_file_compares_then_replaces(tmp_path, old):
    target = tmp_path / "page.md"
    if old is not None:
        target.write_bytes(old)
    up_to_date = old == b"".join(NEW)
    assert sync_file(target, iter(NEW), write=False) is up_to_date
    assert (target.read_bytes() if target.exists() else None) == old  # a check writes nothing
    before = target.stat().st_mtime_ns if target.exists() else None
    assert sync_file(target, iter(NEW), write=True) is up_to_date
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
        sync_file(target, chunks(), write=True)
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]


def test_sync_file_leaves_no_half_new_file_when_rendering_fails(tmp_path):
    target = tmp_path / "page.md"

    def chunks():
        yield b"new "
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        sync_file(target, chunks(), write=True)
    assert list(tmp_path.iterdir()) == []


def test_update_docs_writes_pieces_and_removes_orphans(tmp_path):
    docs = tmp_path / "docs"
    orphan = docs / "chu-de" / "old.md"
    orphan.parent.mkdir(parents=True)
    orphan.write_text(f"---\n{MD_MARK}\n---\n", encoding="utf-8")
    hand_written = docs / "chu-de" / "notes.md"
    hand_written.write_text("written by hand\n", encoding="utf-8")
    files = [("chu-de/a.md", "một\n"), ("faq.json", iter(["{\n", ' "x": 1\n', "}\n"]))]
    c = update_docs(docs, iter(files), write=False)
    assert c == Changes(["chu-de/a.md", "faq.json"], ["chu-de/old.md"], 2)
    assert orphan.exists() and not (docs / "faq.json").exists()
    files = [("chu-de/a.md", "một\n"), ("faq.json", iter(["{\n", ' "x": 1\n', "}\n"]))]
    assert update_docs(docs, iter(files), write=True) == Changes(["chu-de/a.md", "faq.json"],
                                                                   ["chu-de/old.md"], 2)
    assert (docs / "chu-de" / "a.md").read_text(encoding="utf-8") == "một\n"
    assert (docs / "faq.json").read_text(encoding="utf-8") == '{\n "x": 1\n}\n'
    assert not orphan.exists() and hand_written.exists()
    assert (docs / "faq.json").stat().st_mode & 0o777 == 0o644  # readable by the web server
    files = [("chu-de/a.md", "một\n"), ("faq.json", iter(["{\n", ' "x": 1\n', "}\n"]))]
    assert update_docs(docs, iter(files), write=True) == Changes([], [], 2)


def test_json_lines_is_valid_json_with_a_line_per_item():
    import json
    data = {"a": 1, "empty": [], "items": [{"x": "ệ"}, {"x": 2}], "lazy": (n for n in range(2)), "last": None}
    text = "".join(json_lines(data))
    assert json.loads(text) == {"a": 1, "empty": [], "items": [{"x": "ệ"}, {"x": 2}], "lazy": [0, 1], "last": None}
    assert text.splitlines() == ["{", ' "a": 1,', ' "empty": [],', ' "items": [', '  {"x": "ệ"},', '  {"x": 2}',
                                 " ],", ' "lazy": [', "  0,", "  1", " ],", ' "last": null', "}"]

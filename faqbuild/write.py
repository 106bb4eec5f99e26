"""Writing docs/: the last stage, and the only module that touches the disk.

A file is rewritten only when its content changed, so that `mkdocs serve`
rebuilds only what an edit changed; a changed file is replaced through a
temporary file and a rename, so a reader never sees half of it.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .urls import GENERATED_DIRS
from .vocabulary import GENERATED_MARK


@dataclass(frozen=True)
class Changes:
    changed: list[str]   # docs-relative paths whose content differs (or that are new)
    removed: list[str]   # generated files no longer produced
    total: int           # files produced


def update_docs(docs: Path, files: Iterable[tuple[str, str | Iterable[str]]], write: bool,
                keep: Collection[str] = ()) -> Changes:
    """Bring docs/ up to date with the generated files, or with write=False
    only find what is stale. Generated files in `keep` stay as they are even
    when not produced (the watcher's deferred pages)."""
    changed: list[str] = []
    produced: set[str] = set()
    for rel_path, content in files:
        if rel_path in produced:
            raise ValueError(f"{rel_path} generated twice")  # a bug of ours, not the editor's
        produced.add(rel_path)
        target = docs / rel_path
        pieces = (content,) if isinstance(content, str) else content
        if write:
            target.parent.mkdir(parents=True, exist_ok=True)
        if not sync_file(target, (piece.encode("utf-8") for piece in pieces), write):
            changed.append(rel_path)
    removed = []
    for folder in GENERATED_DIRS:
        for path in sorted((docs / folder).rglob("*.*")) if (docs / folder).is_dir() else []:
            rel_path = path.relative_to(docs).as_posix()
            if rel_path not in produced and rel_path not in keep and GENERATED_MARK in path.read_text(encoding="utf-8", errors="replace"):
                removed.append(rel_path)
                if write:
                    path.unlink()
    return Changes(changed, removed, len(produced))


def sync_file(target: Path, chunks: Iterable[bytes], write: bool) -> bool:
    """True if the file already holds exactly these bytes. Otherwise, when
    `write` is set, replace it. The content comes in chunks and is compared
    as it comes, so neither side is held whole (the booklet and faq.json run
    to tens of MB at 10,000 questions): a memory budget of `make bench`."""
    chunks = iter(chunks)
    try:
        old = target.open("rb")
    except FileNotFoundError:
        old = None
    if old is None:
        new: Iterator[bytes] = chunks
    else:
        with old:
            matched = 0  # bytes equal to the start of the old file
            for chunk in chunks:
                if old.read(len(chunk)) != chunk:
                    old.seek(0)
                    new = itertools.chain([old.read(matched), chunk], chunks)
                    break
                matched += len(chunk)
            else:
                if not old.read(1):
                    return True
                old.seek(0)
                new = iter([old.read(matched)])
    if not write:
        return False
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
                                     delete=False) as out:
        try:
            out.writelines(new)
        except BaseException:
            out.close()
            os.unlink(out.name)
            raise
    os.chmod(out.name, 0o644)  # mkstemp creates files readable by their owner only
    os.replace(out.name, target)
    return False

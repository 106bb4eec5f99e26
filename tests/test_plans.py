"""The plans' own text: faithful to the seeds, structured as the issue lists,
with every recorded repair auditable against the extracted text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

SEEDS = ROOT / "plans" / "sources"
PLAN_SEEDS = {"000": "000_951b0d867e5639a2.txt", "002": "002_60ffbd11398bff44.txt"}
EXPECTED_IDS = {
    "000": ["I", "I.1", "I.2", "II", "II.1", "II.2", "II.3", "II.4", "III", "III.1", "III.2"],
    "002": ["I", "I.1", "I.2", "I.3", "I.4", "II", "II.1", "II.1.1", "II.1.2", "II.1.3",
            "II.2", "II.2.1", "II.2.2", "II.2.3", "II.2.4", "II.3"]
           + [f"II.3.{i}" for i in range(1, 9)] + ["III", "III.1", "III.2", "III.3", "III.4"],
}


def load(pid: str) -> dict:
    return yaml.safe_load((ROOT / "plans" / f"{pid}.yml").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).replace("**", "")


def seed_text(pid: str) -> str:
    path = SEEDS / PLAN_SEEDS[pid]
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("pid", sorted(PLAN_SEEDS))
def test_section_ids_are_the_plans_own_numbering(pid):
    ids = [s["id"] for s in load(pid)["sections"] if s["id"] not in ("mo-dau", "ket-thuc")]
    assert ids == EXPECTED_IDS[pid]
    assert all(isinstance(s["id"], str) for s in load(pid)["sections"])


@pytest.mark.parametrize("pid", sorted(PLAN_SEEDS))
def test_every_word_comes_from_the_seed(pid):
    seed = squash(seed_text(pid))
    plan = load(pid)
    for section in plan["sections"]:
        for field in ("title", "text"):
            if section.get(field):
                assert squash(section[field]) in seed, (pid, section["id"], field)
    for recipient in plan["recipients"]:
        assert squash(recipient) in seed, recipient
    for part in plan["signer"].values():
        assert squash(part) in seed


@pytest.mark.parametrize("pid", sorted(PLAN_SEEDS))
def test_no_sentence_of_the_seed_is_dropped(pid):
    plan = load(pid)
    undash = lambda t: re.sub(r"(?m)^\s*-\s*", "", t)  # noqa: E731 - list bullets
    ours = squash(undash("\n".join(s.get("number", "") + s.get("title", "") + "\n" + s.get("text", "")
                                   for s in plan["sections"])
                         + "\n" + plan["title"] + "\n" + " ".join(plan["recipients"])))
    seed = seed_text(pid)
    removed = [squash(r["printed"]) for r in plan.get("repairs", []) if not r["repaired"] and r["printed"]]
    checked = 0
    for sentence in re.split(r"\.\s+", seed):
        s = squash(sentence)
        if len(s) < 20 or any(s in r or r in s for r in removed if r):
            continue
        # Sentences that straddle the header or the footer are checked piecewise.
        pieces = [p for p in re.split(r"\n\s*\n", sentence) if len(squash(p)) >= 20]
        for piece in pieces or [sentence]:
            p = squash(undash(piece))
            if any(r and (r in p or p in r) for r in removed) or p.startswith(("T/M", "Nơinhận", "KẾHOẠCH")):
                continue
            checked += 1
            assert p in ours or p.rstrip(".") in ours, (pid, piece[:80])
    assert checked > 20


@pytest.mark.parametrize("pid", sorted(PLAN_SEEDS))
def test_every_repair_is_auditable(pid):
    seed = squash(seed_text(pid))
    for repair in load(pid).get("repairs", []):
        if repair["printed"]:
            assert squash(repair["printed"]) in seed, repair


@pytest.mark.parametrize("pid", sorted(PLAN_SEEDS))
def test_plan_files_are_nfc(pid):
    text = (ROOT / "plans" / f"{pid}.yml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_plan_000_names_no_province():
    text = (ROOT / "plans" / "000.yml").read_text(encoding="utf-8")
    assert "Lào Cai" not in text
    assert load("000")["issuer"] is None


def test_slips_are_kept_as_printed():
    p002 = {s["id"]: s.get("text", "") for s in load("002")["sections"]}
    assert "Trách nhiệm theo dõi, đốc đốc thực hiện" in p002["II.1.1"]
    assert "đồng thuận cao với chủ trương, của Đảng" in p002["II.3.1"]
    p000 = {s["id"]: s.get("text", "") for s in load("000")["sections"]}
    assert "công tác viên dư luận xã hội" in p000["III.1"]
    assert "Chỉ thị số 47- CT/TW" in p000["III.1"]


@pytest.mark.parametrize("pid", sorted(PLAN_SEEDS))
def test_a_page_footer_is_printed_on_every_page_of_the_source(pid):
    # The booklet reprints the footer (plan 002's restriction notice) with the
    # plan: it must be the source's own line, found at each page break of it.
    footer = load(pid).get("notice")
    seed = seed_text(pid)
    if footer is None:
        assert "Tài liệu này thuộc sở hữu" not in seed
        return
    lines = [line.strip() for line in seed.splitlines()]
    assert lines.count(footer) >= 2, footer


def test_an_untitled_section_is_headed_by_its_words_whole_when_they_fit_two_phone_lines():
    from faqbuild.model import Section
    from faqbuild.plan_pages import HEADING_CHARS, section_heading
    short = Section("002", "II.1.3", "1.3.", "", ("Xây dựng, ban hành Quy định về nắm bắt dư luận.",), 3)
    assert section_heading(short) == "II.1.3. Xây dựng, ban hành Quy định về nắm bắt dư luận."
    long = Section("002", "II.1.1", "1.1.", "", (" ".join(["Tổ chức phổ biến, quán triệt"] * 8),), 3)
    heading = section_heading(long)
    assert heading.endswith("…") and len(heading) <= HEADING_CHARS + 1
    assert long.paragraphs[0].startswith(heading.removeprefix("II.1.1. ").rstrip("…"))

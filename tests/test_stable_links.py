"""Links that last: a published id never silently disappears, and an old link
still lands on the right answer after a recorded rename, merge or retirement."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from conftest import ROOT, build_project, make_project, serve

# Without its change log, which names the ids these tests rename and drop.
GOLDEN = (ROOT / "tests" / "golden" / "faq.yml").read_text(encoding="utf-8").split("\n\nchanges:")[0] + "\n"
OLD, NEW = "quy-dinh-nam-bat-du-luan", "ban-hanh-quy-dinh-nam-bat-du-luan"


def test_dropping_a_published_id_fails_with_the_fix(tmp_path):
    project = make_project(tmp_path, GOLDEN)
    code, out = build_project(project, site=False)
    assert code == 0, out
    assert f"{OLD} chu-de/nhiem-vu.md" in (project / "faq-ids.txt").read_text(encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    (project / "faq.yml").write_text(GOLDEN.replace(f"id: {OLD}", f"id: {NEW}"), encoding="utf-8")
    code, out = build_project(project, site=False)
    assert code == 1
    line = next(n for n, text in enumerate((project / "faq-ids.txt").read_text().splitlines(), 1)
                if text.startswith(OLD + " "))
    assert (f"faq-ids.txt:{line}:1: published id '{OLD}' is no longer in faq.yml, so links to it would "
            f"break; expected the question back under that id, or an entry under 'moved:' in faq.yml: "
            f"{{id: {OLD}, moved_to: <id of the question that answers it now>}} or "
            f"{{id: {OLD}, retired: \"<why it was dropped>\"}}") in out
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before


def test_rename_merge_and_retire_keep_old_links_working(tmp_path, browser):
    project = make_project(tmp_path, GOLDEN)
    assert build_project(project, site=False)[0] == 0
    # Rename one question (and move it to another topic), merge the other into it.
    changed = (GOLDEN.replace(f"id: {OLD}", f"id: {NEW}").replace("topic: tasks", "topic: deadlines")
               .replace("  - id: muc-dich-000", "  - id: muc-dich-000-moi")
               + "moved:\n"
               f"  - id: {OLD}\n    moved_to: {NEW}\n"
               "  - id: muc-dich-000\n    retired: Câu hỏi được thay bằng câu hỏi mới.\n"
               "  - id: mot-cau-da-gop\n    moved_to: mot-cau-trung-gian\n"
               f"  - id: mot-cau-trung-gian\n    moved_to: {NEW}\n")
    (project / "faq.yml").write_text(changed, encoding="utf-8")
    code, out = build_project(project)
    assert code == 0, out
    data = json.loads((project / "site" / "faq.json").read_text(encoding="utf-8"))
    assert {m["id"]: m["moved_to"] for m in data["moved"]} == {
        OLD: NEW, "mot-cau-da-gop": "mot-cau-trung-gian", "mot-cau-trung-gian": NEW}
    assert data["retired"] == [{"id": "muc-dich-000", "reason": "Câu hỏi được thay bằng câu hỏi mới."}]
    with serve(project / "site") as url:
        page = browser.new_page()
        # The old stable address redirects to the renamed answer on its new page.
        page.goto(url + f"cau-hoi/{OLD}.html")
        expect(page).to_have_url(re.compile(rf"chu-de/thoi-gian\.html#{NEW}$"))
        expect(page.locator(f"h2#{NEW}")).to_be_in_viewport()
        # A merged id, through a chain of moves, lands on the same answer.
        page.goto(url + "cau-hoi/mot-cau-da-gop.html")
        expect(page).to_have_url(re.compile(rf"chu-de/thoi-gian\.html#{NEW}$"))
        # The old anchor on the old page still resolves and points on.
        page.goto(url + f"chu-de/nhiem-vu.html#{OLD}")
        note = page.locator(f"#{OLD}")
        expect(note).to_be_in_viewport()
        note.locator("a").click()
        expect(page).to_have_url(re.compile(rf"chu-de/thoi-gian\.html#{NEW}$"))
        # A retired id explains itself instead of a 404.
        page.goto(url + "cau-hoi/muc-dich-000.html")
        expect(page.locator("body")).to_contain_text("Câu hỏi được thay bằng câu hỏi mới.")
        page.goto(url + "chu-de/muc-dich.html#muc-dich-000")
        expect(page.locator("#muc-dich-000")).to_contain_text("đã được bỏ")
        page.close()


def test_moved_entries_are_validated(tmp_path):
    bad = GOLDEN + ("moved:\n  - id: khong-co-dich\n    moved_to: khong-ton-tai\n"
                    f"  - id: {OLD}\n    retired: Vẫn còn.\n  - id: ca-hai\n    moved_to: {OLD}\n    retired: X\n")
    project = make_project(tmp_path, bad)
    code, out = build_project(project, site=False)
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("faq.yml:")]
    assert lines == [
        "faq.yml:116:9: moved 'khong-co-dich': moved_to 'khong-ton-tai' leads to no question; "
        "expected the id of a question in faq.yml",
        f"faq.yml:118:9: moved '{OLD}': is still a question's id; expected an id that no longer names "
        "a question (remove this entry)",
        "faq.yml:120:5: moved 'ca-hai': expected exactly one of 'moved_to' (the id that answers it now) "
        "or 'retired' (why it was dropped)",
    ]

"""The register of duties and every view made from it: each body's checklist,
the groups, the matrix, the deadline page, the timeline SVG, the .ics calendars
(parsed back with icalendar), the CSV (parsed with csv), faq.json; the matrix
at 390x844 in Chromium; past deadlines marked against the reader's date."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT
from faqbuild.build import Options, load_inputs
from faqbuild.ical import window
from faqbuild.urls import duty_anchor
from faqbuild.vocabulary import ROLES


@pytest.fixture(scope="module")
def inputs():
    found = load_inputs(Options(faq=str(ROOT / "faq.yml"), plans=str(ROOT / "plans")))
    assert not found.problems, found.problems
    return found


@pytest.fixture(scope="module")
def register(inputs):
    return inputs.faq.register


def text_of(page_html: str) -> str:
    inline = re.sub(r"</?(?:abbr|a|strong|em|span)\b[^>]*>", "", page_html)  # the glossary's <abbr> sits inside words
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", inline)))


def duty_block(page_html: str, duty) -> str:
    start = page_html.index(f'id="{duty_anchor(duty)}"')
    return page_html[start:page_html.index('<div class="duty"', start + 10)
                     if '<div class="duty"' in page_html[start + 10:] else len(page_html)]


def test_the_register_is_complete_where_the_issue_asks(register, inputs):
    plans = inputs.plans
    # Every section of 002 with role lines has duties; every clause-bearing section of III has some.
    for s in plans["002"].sections:
        if s.role_lines:
            assert any(d.plan == "002" and d.section == s.id for d in register.duties), s.id
    for pid, ids in (("000", ["III.1", "III.2", "II.1", "II.2"]), ("002", ["III.1", "III.2", "III.3", "III.4"])):
        for sid in ids:
            assert any(d.plan == pid and d.section == sid for d in register.duties), (pid, sid)
    assert len(register.duties) >= 50


def test_every_duty_is_on_the_page_of_each_body_it_names_with_its_time(built_site, register):
    for d in register.duties:
        for b in d.bodies:
            page = (built_site / "co-quan" / f"{b.body}.html").read_text(encoding="utf-8")
            block = text_of(duty_block(page, d))
            assert re.sub(r"\s+", " ", d.text) in block, (b.body, d.key)
            assert (d.time.wording if d.time else "Kế hoạch không nêu") in block, (b.body, d.key)
            assert ROLES[b.role] in block and b.as_printed in block, (b.body, d.key)
            for other in d.bodies:  # co-responsible bodies, linked
                if other.body != b.body:
                    assert f'href="{other.body}.html"' in duty_block(page, d), (b.body, d.key, other.body)
            assert f"ke-hoach/00{d.plan[-1]}.html#muc-" in duty_block(page, d)
            if d.note:
                assert d.note in block


def test_checklists_are_in_time_order_per_plan(built_site, register, inputs):
    for body in inputs.faq.bodies:
        page = (built_site / "co-quan" / f"{body.id}.html").read_text(encoding="utf-8")
        for pid in ("000", "002"):
            mine = {d.key: d for d, _ in register.of_body(body.id) if d.plan == pid}
            shown = [k for k in re.findall(r'class="duty" id="nv-(\d{3})-([^"]+)"', page) if k[0] == pid]
            keys = {duty_anchor(d): d for d in mine.values()}
            order = [keys[f"nv-{p}-{i}"] for p, i in shown]
            assert len(order) == len(mine)
            assert [d.sort_key() for d in order] == sorted(d.sort_key() for d in order)


def test_groups_gather_their_members_duties_marked_as_printed(built_site, register):
    for g in register.groups:
        page = (built_site / "co-quan" / f"{g.id}.html").read_text(encoding="utf-8")
        assert g.note in text_of(page)
        for m in g.members:
            for d, b in register.of_body(m):
                assert b.as_printed in text_of(duty_block(page, d)), (g.id, d.key)


def test_readers_names_lead_to_pages(built_site):
    index = text_of((built_site / "co-quan" / "index.html").read_text(encoding="utf-8"))
    for name in ("bí thư đảng ủy xã", "Công an tỉnh", "Ủy ban MTTQ", "Hội Liên hiệp Phụ nữ",
                 "Ban Tuyên giáo và Dân vận", "Sở Tài chính"):
        assert name in index, name


def test_matrix_agrees_with_the_register(built_site, register, inputs):
    page = (built_site / "co-quan" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('class="duty-matrix"'):]
    table = table[:table.index("</table>")]
    header = re.findall(r'<th scope="col"><a href="([^"]+)\.html">', table)
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", table, re.S)
    assert len(rows) == len(register.duties)
    for d, row in zip(register.duties, rows):
        cells = re.findall(r"<td>(.*?)</td>", row)
        assert len(cells) == len(header)
        for body_id, cell in zip(header, cells):
            codes = re.findall(r">([A-ZĐ]{2})</abbr>", cell)
            want = [b.role for b in d.bodies if b.body == body_id]
            assert len(codes) == len(want), (d.key, body_id)


def test_timeline_svg_agrees_with_the_register(built_site, register):
    svg = ET.parse(built_site / "lich" / "dong-thoi-gian.svg").getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert svg.find("s:title", ns).text and svg.find("s:desc", ns).text
    groups = {g.get("id"): g for g in svg.findall("s:g", ns)}
    for d in register.duties:
        dated = window(d) is not None
        recurring_002 = d.time is not None and d.time.kind in ("monthly", "yearly") and d.plan == "002"
        assert (duty_anchor(d) in groups) == (dated or recurring_002), d.key
        if duty_anchor(d) in groups:
            assert d.time.wording in groups[duty_anchor(d)].find("s:title", ns).text
    assert 'href' not in (built_site / "lich" / "dong-thoi-gian.svg").read_text(encoding="utf-8")


def test_calendars_parse_and_agree_with_the_register(built_site, register, inputs):
    cal = icalendar.Calendar.from_ical((built_site / "lich" / "tat-ca.ics").read_bytes())
    items = {str(c["uid"]): c for c in cal.walk() if c.name in ("VEVENT", "VTODO")}
    assert len(items) == len(register.duties)
    for d in register.duties:
        c = items[f"{d.plan}-{d.id}@hoi-dap-chi-thi-47"]
        assert d.text in str(c["description"]) and duty_anchor(d) in str(c["description"])
        span = window(d)
        if span:
            assert c.name == "VEVENT"
            assert c.decoded("dtstart") == span[0] and c.decoded("dtend") == span[1]
            assert "rrule" not in c
        elif d.time and d.time.kind in ("monthly", "yearly") and d.plan == "002":
            assert c.name == "VEVENT"
            assert c["rrule"]["FREQ"] == [{"monthly": "MONTHLY", "yearly": "YEARLY"}[d.time.kind]]
            assert c.decoded("dtstart") == dt.date(2025, 8, 1)
        else:
            assert c.name == "VTODO" and "due" not in c and "dtstart" not in c
        assert (d.time.wording if d.time else "Kế hoạch không nêu") in str(c["description"])
    for body in inputs.faq.bodies:
        mine = {f"{d.plan}-{d.id}@hoi-dap-chi-thi-47" for d, _ in register.of_body(body.id)}
        path = built_site / "lich" / f"{body.id}.ics"
        if not mine:
            assert not path.exists()
            continue
        got = icalendar.Calendar.from_ical(path.read_bytes())
        assert {str(c["uid"]) for c in got.walk() if c.name in ("VEVENT", "VTODO")} == mine, body.id


def test_csv_agrees_with_the_register(built_site, register):
    raw = (built_site / "lich" / "nhiem-vu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == sum(len(d.bodies) for d in register.duties)
    pairs = {(r["ke_hoach"], r["ma_viec"], r["co_quan"], r["vai_tro"]) for r in rows}
    for d in register.duties:
        for b in d.bodies:
            assert (d.plan, d.id, b.body, b.role) in pairs
    for r in rows:
        d = next(x for x in register.duties if (x.plan, x.id) == (r["ke_hoach"], r["ma_viec"]))
        assert r["viec"] == d.text and r["thoi_gian_nguyen_van"] == (d.time.wording if d.time else "")


def test_faq_json_carries_the_register(built_site, register):
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    assert [x["key"] for x in data["duties"]] == [d.key for d in register.duties]
    for body in data["bodies"]:
        assert body["duties"] == list(dict.fromkeys(d.key for d, _ in register.of_body(body["id"])))
    schema = json.loads((built_site / "schema" / "duties.schema.json").read_text(encoding="utf-8"))
    duty_keys = set(schema["$defs"]["duty"]["properties"])
    assert {"id", "section", "duty", "bodies", "deadline", "report", "note"} == duty_keys


def test_matrix_keeps_its_labels_in_view_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "co-quan/index.html")
    box = page.locator(".duty-matrix")
    box.scroll_into_view_if_needed()
    box.evaluate("el => { el.scrollLeft = el.scrollWidth; el.scrollTop = 400; }")
    page.wait_for_timeout(100)
    frame = box.bounding_box()
    first = page.locator(".duty-matrix tbody tr:nth-child(12) th").bounding_box()
    head = page.locator(".duty-matrix thead th:nth-child(5)").bounding_box()
    assert frame["width"] <= 390
    assert abs(first["x"] - frame["x"]) < 3, "the first column stays at the left edge"
    assert abs(head["y"] - frame["y"]) < 3, "the header row stays at the top"
    last_cell = page.locator(".duty-matrix tbody tr:nth-child(12) td:last-child").bounding_box()
    assert last_cell["x"] + last_cell["width"] <= frame["x"] + frame["width"] + 1
    assert last_cell["x"] >= first["x"] + first["width"] - 1, "cells pass under the sticky column"


def test_past_deadlines_are_marked_against_the_readers_date(page, site_url):
    page.clock.set_fixed_time(dt.datetime(2025, 9, 2, 10, 0))
    page.goto(site_url + "co-quan/btgdv.html")
    marked = page.locator(".duty-when + .duty-past")
    texts = [page.locator(".duty-when").nth(i).inner_text() for i in range(page.locator(".duty-when").count())]
    past = [t for t in texts if "8/2025" in t]
    assert past and marked.count() == len(past)
    assert marked.first.inner_text() == "đã qua thời hạn"
    page.clock.set_fixed_time(dt.datetime(2025, 8, 31, 23, 0))
    page.reload()
    assert page.locator(".duty-past").count() == 0


def test_a_checklist_prints_to_a4(page, site_url, tmp_path):
    import subprocess
    page.goto(site_url + "co-quan/dang-uy-ubnd.html")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").first.is_visible()
    pdf = tmp_path / "checklist.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)", info), info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "238-QĐ/TW" in text and "trước, trong và sau" in text


def test_a_role_line_left_out_of_the_register_fails_the_build(tmp_path):
    from faqbuild.build import load_inputs as load
    import shutil
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    reg = tmp_path / "plans" / "duties" / "002.yml"
    text = reg.read_text(encoding="utf-8")
    cut = '''      - body: so-tai-chinh
        role: phoi-hop
        as_printed: "Sở Tài chính"
    deadline:'''
    assert cut in text
    reg.write_text(text.replace(cut, "    deadline:", 1), encoding="utf-8")
    found = load(Options(faq=str(ROOT / "faq.yml"), plans=str(tmp_path / "plans")))
    assert [p.message for p in found.problems if "'II.3.6'" in p.message and "Sở Tài chính" in p.message]
    assert Path(found.problems[0].path).name == "002.yml" and found.problems[0].line > 1

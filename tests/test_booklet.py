"""The booklet: faqbuild/booklet.py's HTML and the PDF that `make build` puts
beside the site, read as a reader's tools read it (poppler's pdfinfo,
pdffonts, pdftotext)."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest

from conftest import ROOT
from faqbuild.booklet import Version, answer_html, keep_together, render_booklet
from faqbuild.build import Options, load_inputs
from faqbuild.model import Question
from faqbuild.pdf import CSS_PATH, commit_version
from faqbuild.sanitize import render_answer
from faqbuild.urls import BOOKLET_PDF
from faqbuild.vocabulary import TOPICS

# The text area of an A4 page in points (booklet.css: margins 20 22 22 20 mm):
# body text without the running header, the foot, and the margin labels.
MM = 72 / 25.4
BODY = dict(x=round(20 * MM), y=round(20 * MM), W=round((210 - 22 - 20 + 1) * MM), H=round((297 - 20 - 22) * MM))


@pytest.fixture(scope="module")
def inputs():
    found = load_inputs(Options(faq=str(ROOT / "faq.yml"), plans=str(ROOT / "plans")))
    assert found.faq is not None, found.problems
    return found


@pytest.fixture(scope="module")
def pdf(built_site):
    return built_site / BOOKLET_PDF


def run(*args) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    """Each page's whole text."""
    return run("pdftotext", str(pdf), "-").split("\f")[:-1]


@pytest.fixture(scope="module")
def body(pdf) -> str:
    """The running text of every page, joined: what a reader reads across pages."""
    args = [a for key, value in BODY.items() for a in (f"-{key}", str(value))]
    return flat(run("pdftotext", *args, str(pdf), "-").replace("\f", " "))


def test_the_booklet_is_a4_with_many_pages(pdf):
    info = run("pdfinfo", str(pdf))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == (595, 842)
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 40
    assert "Hỏi – đáp về kế hoạch thực hiện Chỉ thị số 47-CT/TW" in info


def test_every_font_is_embedded_and_covers_vietnamese(pdf, body):
    rows = run("pdffonts", str(pdf)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        columns = row.split()
        assert columns[-5] == "yes", f"not embedded: {row}"   # emb
        assert columns[-3] == "yes", f"no ToUnicode map: {row}"  # uni: the text can be copied
    assert any("Noto-Serif" in row for row in rows)
    # Every tone mark and đ came through, composed (NFC): the text can be searched and copied.
    for word in ("Đảng", "ủy", "nghiêm túc", "Nhân dân", "thường xuyên", "dư luận xã hội", "Tỉnh ủy Lào Cai"):
        assert word in body


def test_every_question_is_numbered_and_grouped_as_on_the_site(inputs, body):
    number = 0
    position = 0
    for topic, (_, title, _) in TOPICS.items():
        items = [q for q in inputs.faq.questions if q.topic == topic]
        if not items:
            continue
        position = body.index(title, position)
        for q in items:
            number += 1
            heading = flat(f"Câu {number}. {q.question}")
            found = body.find(heading, position)
            assert found >= 0, heading
            position = found
    assert number == len(inputs.faq.questions)


def test_every_quoted_word_of_every_citation_is_printed(inputs, body):
    missing = [(q.id, c.section, c.quote) for q in inputs.faq.questions for c in q.citations
               if c.quote and flat(f"“{c.quote}”") not in body]
    assert not missing, missing[:5]
    assert body.count("Căn cứ:") == len(inputs.faq.questions)


def test_both_plans_are_appended_in_full(pdf, inputs, body, pages):
    appendix = body[body.index("Phụ lục 1. Toàn văn"):]
    for plan in inputs.plans.values():
        for section in plan.sections:
            for paragraph in (section.title, *section.paragraphs):
                assert flat(paragraph) in appendix, (plan.id, section.id, paragraph[:60])
        for recipient in plan.recipients:
            assert flat(recipient) in appendix
        assert plan.signer.name in appendix and plan.title in appendix
    # Plan 002's restriction notice, as printed, at the foot of each of its pages.
    notice = inputs.plans["002"].notice
    assert notice == ("Tài liệu này thuộc sở hữu của các cơ quan Đảng. "
                      "Việc phát tán, sử dụng trái phép bị nghiêm cấm")
    start = next(i for i, text in enumerate(pages) if "Phụ lục 2. Toàn văn" in text and "TỈNH ỦY LÀO CAI" in text)
    # At the foot, where the page number is: an answer before the appendix
    # quotes the notice in its text (the one on copying plan 002).
    feet = [flat(run("pdftotext", "-f", str(n), "-l", str(n), "-y", str(round(270 * MM)), "-H", str(round(27 * MM)),
                     "-x", "0", "-W", "595", str(pdf), "-")) for n in range(1, len(pages) + 1)]
    assert all(notice in foot for foot in feet[start:])
    assert not any(notice in foot for foot in feet[:start])
    assert any(notice in flat(text) for text in pages[:start])  # the quoting answer: the foot check means something


def test_every_page_but_the_cover_is_numbered_at_its_foot(pdf, pages):
    for number in range(2, len(pages) + 1):
        foot = flat(run("pdftotext", "-f", str(number), "-l", str(number), "-y", str(round(275 * MM)),
                        "-H", str(round(22 * MM)), "-x", "0", "-W", "595", str(pdf), "-"))
        assert foot.split()[-1:] == [str(number)], (number, foot)
    assert not re.search(r"(^|\s)1\s*$", pages[0])


def test_the_contents_give_the_page_of_every_question_and_appendix(pdf, inputs, pages):
    contents = [i for i, text in enumerate(pages) if text.lstrip().startswith("Mục lục")]
    assert contents and contents[0] == 1  # right after the cover
    layout = run("pdftotext", "-layout", "-f", str(contents[0] + 1), "-l", str(contents[-1] + 1), str(pdf), "-")
    # An entry may wrap; its page number ends its last line, after the dot leaders.
    pages_of: dict[str, int] = {}
    entry: list[str] = []
    for line in (line.strip() for line in layout.splitlines()):
        if re.match(r"Câu \d+\.|Phụ lục \d\.", line):
            entry = []
        if not line or line == "Mục lục" or re.fullmatch(r"\d+", line) and not entry:
            continue
        entry.append(line)
        end = re.search(r"(?:\s*\.(?: ?\.)*)?\s{2,}(\d+)$", line)
        if end:
            pages_of[flat(" ".join(entry)[: -len(end.group())])] = int(end.group(1))
            entry = []
    assert len([e for e in pages_of if e.startswith("Câu")]) == len(inputs.faq.questions)
    for number, q in enumerate((q for t in TOPICS for q in inputs.faq.questions if q.topic == t), start=1):
        entry = flat(f"Câu {number}. {q.question}")
        page = pages_of[entry]
        assert flat(f"Câu {number}. ") in flat(pages[page - 1]), (entry, page)
    for label in ("Phụ lục 1.", "Phụ lục 2."):
        page = next(p for e, p in pages_of.items() if e.startswith(label))
        assert label in pages[page - 1]


def test_each_citation_names_the_appendix_page_of_its_section(body, pages):
    refs = re.findall(r"(mục [IVX]+(?:\.\d+)*) \(tr\. (\d+)\)", body)
    assert len(refs) > 100
    for label, page in refs:
        assert label in pages[int(page) - 1], (label, page)


def test_no_web_only_text_and_no_number_split_across_lines(pdf, pages):
    text = "\n".join(pages)
    for web in ("Dùng lệnh In", "Ctrl+P", "Sao chép", "Xem câu hỏi này", "¶"):
        assert web not in text
    # "47-CT/TW" broke as "47-" / "CT/TW" in the browser's print.
    lines = [line.strip() for line in text.splitlines()]
    assert not [line for line in lines if re.search(r"\d-$|\w/$", line)]
    assert not [line for line in lines if re.match(r"^CT/TW", line)]
    # No line ends in a hyphen but the plans' "-----" rule: "“Dự báo -" / "Phân
    # tích" reads as a split word, and pdftotext's default mode (like the
    # viewers built on poppler) drops such a hyphen, so the quote could not be
    # found. "-layout" keeps it, to see it here. Nor "(mục III." / "1 Kế hoạch".
    layout = [line.strip() for line in run("pdftotext", "-layout", str(pdf), "-").splitlines()]
    assert [line for line in layout if line.endswith("-")] == ["-----", "-----"]
    assert not [(a, b) for a, b in zip(layout, layout[1:]) if re.search(r"\b[IVX]+\.$", a) and re.match(r"\d", b)]


def test_the_cover_names_both_plans_and_the_commit(pages, inputs):
    cover = flat(pages[0])
    assert "Hỏi – đáp về kế hoạch thực hiện Chỉ thị số 47-CT/TW" in cover
    assert "Kế hoạch số …-KH/TU ngày … tháng 8 năm 2025 của Tỉnh ủy Lào Cai" in cover
    assert "người ký: Mùa A Sơn, Phó Bí thư" in cover
    version = commit_version(ROOT)
    assert version.commit and version.shown() in cover
    assert re.search(r"Phiên bản [0-9a-f]{7,}, ngày \d{1,2}/\d{1,2}/\d{4}", cover)


def test_the_same_commit_gives_the_same_bytes(pdf, tmp_path):
    result = subprocess.run([sys.executable, "-m", "faqbuild.pdf", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / BOOKLET_PDF).read_bytes() == pdf.read_bytes()
    info = run("pdfinfo", "-isodates", str(pdf))
    assert commit_version(ROOT).timestamp[:10] in re.search(r"CreationDate:\s+(\S+)", info).group(1)


# The HTML, before WeasyPrint.

def question(answer: str) -> Question:
    """A question whose answer went through the allow-list, as the loader does it."""
    return Question(id="x", question="?", answer=answer, topic="tasks", citations=(), bodies=(), deadline=None,
                    line=1, answer_html=render_answer(answer, (("DLXH", "dư luận xã hội"),)).html)


def test_answers_escape_raw_html_and_keep_links_inside_the_booklet():
    got = answer_html(question("Xem [mục II.1.1](ke-hoach/002.md#muc-ii-1-1), [câu kia](chu-de/nhiem-vu.md#a), "
                               "[câu khác](chu-de/nhiem-vu.md#b) và [trang](thoi-han.md) <b>x</b> "
                               "<script>alert(1)</script> [y](javascript:alert(2)) "
                               '<a href="ke-hoach/002.md#muc-i" onclick="alert(3)">z</a> về DLXH'), {"a"})
    assert '<a href="#kh002-muc-ii-1-1">mục <span class="nw">II.1.1</span></a>' in got
    assert '<a href="#a">câu kia</a>' in got
    assert "<span>câu khác</span>" in got and "<span>trang</span>" in got  # not in the booklet: plain text
    assert '<abbr title="dư luận xã hội">DLXH</abbr>' in got
    # Raw HTML is inert: removed, with a script's content; no script URL, no handler.
    assert "<b>" not in got and "<script" not in got and "alert" not in got and "onclick" not in got
    assert "javascript" not in got
    assert re.findall(r'href="([^"]*)"', got) == ["#kh002-muc-ii-1-1", "#a", "#kh002-muc-i"]


def test_numbers_and_references_are_kept_on_one_line():
    assert keep_together("Chỉ thị số 47-CT/TW ngày 23/5/2025, mục II.1.1, (mục III.1 Kế hoạch)") == (
        'Chỉ thị số <span class="nw">47-CT/TW</span> ngày <span class="nw">23/5/2025,</span> '
        'mục <span class="nw">II.1.1,</span> (mục <span class="nw">III.1</span> Kế hoạch)')
    assert keep_together("Ký hiệu “-KH/TU”; Quý IV/2025") == (
        'Ký hiệu <span class="nw">“-KH/TU”;</span> Quý <span class="nw">IV/2025</span>')
    # A spaced hyphen keeps a word on each side (a line never ends or starts
    # with it); attributes are never touched.
    assert keep_together('<a href="x/1-2">kinh tế - xã hội</a>') == (
        '<a href="x/1-2">kinh <span class="nw">tế - xã</span> hội</a>')
    assert keep_together("hệ thống “Dự báo - Phân tích - Ứng\ndụng”") == (
        'hệ thống “Dự <span class="nw">báo - Phân</span> <span class="nw">tích - Ứng</span>\ndụng”')
    # A unit runs across the inline tags the glossary and the answers put in it ...
    assert keep_together('là “-<abbr title="Kế hoạch">KH/TU</abbr>”, phần') == (
        'là <span class="nw">“-<abbr title="Kế hoạch">KH/TU</abbr>”,</span> phần')
    assert keep_together("<strong>Vụ Nghiên cứu</strong> - <abbr>DLXH</abbr>, x") == (
        '<strong>Vụ Nghiên cứu</strong><span class="nw"> - <abbr>DLXH</abbr>,</span> x')
    # ... never across a cell, a paragraph or a line break.
    assert keep_together("<td>a</td><td>- b</td><p>47</p><p>-CT</p>x<br>y - z") == (
        '<td>a</td><td>- b</td><p>47</p><p>-CT</p>x<br><span class="nw">y - z</span>')


def test_without_git_the_cover_says_the_version_is_unknown(inputs, tmp_path):
    assert commit_version(tmp_path) == Version()
    html = render_booklet(inputs.plans, inputs.faq, Version(), CSS_PATH.read_text(encoding="utf-8"))
    assert "Phiên bản: không rõ" in html and "dcterms.created" not in html
    dated = render_booklet(inputs.plans, inputs.faq, Version("2026-12-01", "abc1234", "2026-12-01T08:00:00+00:00"),
                           "")
    assert "Phiên bản abc1234, ngày 1/12/2026" in re.sub(r"<[^>]+>", "", dated)
    assert '<meta name="dcterms.created" content="2026-12-01T08:00:00+00:00">' in dated


def test_bad_input_gives_located_errors_and_no_pdf(tmp_path):
    faq = tmp_path / "faq.yml"
    faq.write_text("questions:\n  - id: x\n    topic: tasks\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "faqbuild.pdf", str(tmp_path / "site"), "--faq", str(faq),
                             "--plans", str(ROOT / "plans")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert re.search(r"faq\.yml:2:5: question 'x': missing required key 'answer'", result.stderr), result.stderr
    assert "Traceback" not in result.stderr and "nothing written" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_cache_reuses_the_pdf_only_for_the_same_html(pdf, tmp_path):
    # mkdocs build empties site/ each time: make build keeps the last PDF in
    # .cache/booklet/ under the hash of its HTML, and lays it out again only
    # when that changes.
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / ("0" * 64 + ".pdf")).write_bytes(b"an older booklet")
    first = subprocess.run([sys.executable, "-m", "faqbuild.pdf", str(tmp_path / "a"), "--cache", str(cache)],
                           cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0 and "cached" not in first.stdout, first.stdout + first.stderr
    assert [p.name for p in cache.iterdir()] != ["0" * 64 + ".pdf"] and len(list(cache.iterdir())) == 1
    second = subprocess.run([sys.executable, "-m", "faqbuild.pdf", str(tmp_path / "b"), "--cache", str(cache)],
                            cwd=ROOT, capture_output=True, text=True)
    assert second.returncode == 0 and "the cached copy" in second.stdout
    assert (tmp_path / "b" / BOOKLET_PDF).read_bytes() == (tmp_path / "a" / BOOKLET_PDF).read_bytes() \
        == pdf.read_bytes()


def test_the_version_is_the_last_commit_that_changed_the_content(tmp_path):
    """A commit of code or tests alone keeps the cover, and so the cached PDF."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path,
                              check=True, capture_output=True, text=True).stdout.strip()
    git("init", "-q")
    (tmp_path / "faq.yml").write_text("questions: []\n", encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "000.yml").write_text("id: '000'\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "content")
    first = commit_version(tmp_path)
    assert first.commit == git("rev-parse", "--short", "HEAD")
    (tmp_path / "tool.py").write_text("pass\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "code only")
    assert commit_version(tmp_path) == first
    (tmp_path / "plans" / "000.yml").write_text("id: '000'\ntitle: x\n", encoding="utf-8")
    git("commit", "-qam", "a plan")
    assert commit_version(tmp_path).commit == git("rev-parse", "--short", "HEAD") != first.commit

"""Search as Vietnamese readers type it, in headless Chromium on the real site.

Place in the pipeline: after build_faq.py (which turns docs/includes/lunr.vi.js
plus the glossary of faq.yml into assets/javascripts/lunr/min/lunr.vi.min.js)
and `mkdocs build`. Each query is typed into Material's search box key by key
(tests/search_harness.py); expectations are worked out from the site's own
search_index.json and glossary, so they follow the content as it grows.
Spelling and glossary rules on made-up documents: test_lunr_vi.py.
"""

from __future__ import annotations

import html
import json
import os
import re
import statistics
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from faqbuild.faqfile import load_faq
from faqbuild.plans import load_plans
from faqbuild.text import fold_key
from faqbuild.urls import (SEARCH_ASKED_SLOT, SEARCH_GLOSSARY_SLOT, SEARCH_NAMES_SLOT, SEARCH_SYNONYMS_SLOT,
                           SEARCH_TEMPLATE, question_url)
from conftest import ROOT
from search_harness import SearchHarness

LUNR_VI = "assets/javascripts/lunr/min/lunr.vi.min.js"
TIMINGS: list[tuple[str, float]] = []     # (query, ms) of every query typed here


# ---------------------------------------------------------------------------
# The site, its index and glossary, and the search box
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(request) -> Path:
    """The repository's site, built afresh (conftest's built_site); or, with
    SEARCH_SITE=/path/to/site, an existing build (a published copy, or one
    with a broken lunr.vi to see these tests fail)."""
    if os.environ.get("SEARCH_SITE"):
        return Path(os.environ["SEARCH_SITE"]).resolve()
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="module")
def search(site, browser):
    with SearchHarness(site, browser=browser) as harness:
        yield Typist(harness)


class Typist:
    """The harness, remembering how long each query took."""

    def __init__(self, harness: SearchHarness) -> None:
        self.harness = harness

    def __call__(self, query: str):
        outcome = self.harness.query(query)
        assert outcome.ms is not None, query
        TIMINGS.append((query, outcome.ms))
        return outcome


@pytest.fixture(scope="module")
def docs(site) -> dict[str, dict]:
    """The index entries, each with the readers' wordings the plugin indexes
    for it (`asked`, faq.yml also_asked): what ranking sees of an answer is
    its title, its text and those."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    asked = shipped_constant((site / LUNR_VI).read_text(encoding="utf-8"), "ASKED")
    return {doc["location"]: {**doc, "asked": asked.get(doc["location"], [])} for doc in index["docs"]}


def shipped_constant(source: str, name: str):
    """A slot's JSON as build_faq.py wrote it into the plugin ("const NAME = …")."""
    match = re.search(rf"^\s*const {name} = (\{{.*\}})\s*$", source, re.M)
    assert match, f"{name} is not in the built lunr.vi.min.js"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def glossary(site) -> dict[str, str]:
    return shipped_constant((site / LUNR_VI).read_text(encoding="utf-8"), "GLOSSARY")


def plain_text(doc: dict) -> str:
    """Title and text of an index entry as a reader sees them, NFC, and the
    readers' wordings the search also matches, one line each."""
    text = re.sub(r"<[^>]+>", " ", doc["title"] + " \n " + doc["text"])
    return unicodedata.normalize("NFC", html.unescape(text) + "".join(" \n " + w for w in doc.get("asked", ())))


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def has_phrase(doc: dict, phrase: str) -> bool:
    """The words of `phrase`, folded, in a row (only spaces or hyphens between)."""
    wanted = [fold_key(w) for w in words(phrase)]
    text = fold_key(plain_text(doc))
    pattern = r"(?<![^\W_])" + r"[\s\-–]+".join(map(re.escape, wanted)) + r"(?![^\W_])"
    return re.search(pattern, text) is not None


def has_abbreviation(doc: dict, abbreviation: str) -> bool:
    """The abbreviation as written (case kept; "HDND" counts as "HĐND")."""
    def d(s: str) -> str:
        return s.replace("đ", "d").replace("Đ", "D")
    pattern = r"(?<![^\W_])" + re.escape(d(abbreviation)) + r"(?![^\W_])"
    return re.search(pattern, d(plain_text(doc))) is not None


def has_word(doc: dict, word: str) -> bool:
    return word in {w.lower() for w in words(plain_text(doc))}


def bare(word: str) -> str:
    return re.sub(r"^[^\w]+|[^\w]+$", "", word)


# ---------------------------------------------------------------------------
# The plugin is the one the browser runs
# ---------------------------------------------------------------------------

def test_site_ships_our_lunr_vi_with_the_glossary(site, glossary):
    shipped = (site / LUNR_VI).read_text(encoding="utf-8")
    template = (ROOT / "docs" / SEARCH_TEMPLATE).read_text(encoding="utf-8")
    # Everything but the four slots is the template as written.
    pieces = re.split(f"{SEARCH_GLOSSARY_SLOT}|{SEARCH_SYNONYMS_SLOT}|{SEARCH_NAMES_SLOT}|{SEARCH_ASKED_SLOT}",
                      template)
    assert len(pieces) == 5 and all(piece in shipped for piece in pieces)
    faq, problems = load_faq(ROOT / "faq.yml", "faq.yml", load_plans(ROOT / "plans", "plans")[0])
    assert not problems
    assert glossary == dict(faq.glossary)
    assert shipped_constant(shipped, "SYNONYMS") == {term: list(words) for term, words in faq.synonyms}
    assert faq.synonyms, "faq.yml has a synonyms section"
    # The bodies' names and the plans' titles, from faq.yml and plans/.
    names = shipped_constant(shipped, "NAMES")
    assert ["Sở Tài chính", "Sở Tài chính tỉnh"] in names["bodies"]
    assert any("Công đoàn" in body for body in names["bodies"])
    assert len(names["titles"]) == 2 and all("Chỉ thị số 47-CT/TW" in title for title in names["titles"])
    # The readers' wordings, by each answer's location in the search index.
    asked = shipped_constant(shipped, "ASKED")
    index_locations = {doc["location"] for doc in json.loads((site / "search" / "search_index.json").read_text())["docs"]}
    assert asked == {question_url(q).lstrip("/"): list(q.also_asked) for q in faq.questions if q.also_asked}
    assert asked and set(asked) <= index_locations
    import material
    theirs = Path(material.__file__).parent / "templates" / LUNR_VI
    assert theirs.read_text(encoding="utf-8") != shipped


def test_browser_loads_our_lunr_vi(search, site, docs):
    page = search.harness.page
    served = page.evaluate(f"() => fetch({LUNR_VI!r}).then(r => r.text())")
    assert served == (site / LUNR_VI).read_text(encoding="utf-8")
    assert "FOLD_MARK" in served
    # And the worker runs it: with Material's own lunr.vi an unaccented query
    # only finds words that happen to be spelt without diacritics.
    best = search("du luan xa hoi").locations[0]
    assert "dư luận xã hội" in plain_text(docs[best]).lower()


def test_search_index_has_no_folded_shadow_text(docs):
    """Folding happens in the worker: the published index is Material's own,
    with the text as written (and so does not grow)."""
    text = "\n".join(plain_text(doc) for doc in docs.values())
    assert "dư luận xã hội" in text
    assert "du luan xa hoi" not in text.lower()
    assert "\u0002" not in text and "\u0003" not in text


# ---------------------------------------------------------------------------
# Diacritics
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("plain, accented", [
    ("du luan xa hoi", "dư luận xã hội"),
    ("dang uy", "đảng ủy"),
    ("mat tran to quoc", "mặt trận tổ quốc"),
    ("tuyen truyen", "tuyên truyền"),
    ("kinh phi", "kinh phí"),
])
def test_query_without_diacritics_finds_what_the_accented_query_finds(search, plain, accented):
    without, with_ = search(plain), search(accented)
    assert with_.found, accented
    # The best match with diacritics is among the first without them (which
    # also match other words that fold alike: "du" is "dư" and "dự"), and
    # the first results largely agree.
    assert with_.locations[0] in without.locations[:3]
    assert len(set(without.locations[:5]) & set(with_.locations[:5])) >= 3
    # Nothing the accented query finds is lost without diacritics.
    assert set(with_.locations) <= set(without.locations)


def test_d_with_bar_folds_to_d(search, docs):
    outcome = search("dang uy")
    top = [docs[loc] for loc in outcome.locations[:5]]
    assert all(re.search(r"đảng ủy", plain_text(doc), re.I) for doc in top)
    assert {"Đảng", "đảng"} & {bare(m) for item in outcome.items[:6] for m in item.marks}


def test_both_tone_placements_nfd_and_capitals_search_alike(search):
    base = search("ủy ban")
    assert base.found
    for variant in ("uỷ ban", unicodedata.normalize("NFD", "ủy ban"), "ỦY BAN", "Uỷ Ban"):
        outcome = search(variant)
        assert outcome.found == base.found, variant
        assert [i.marks for i in outcome.items] == [i.marks for i in base.items], variant
    accented = search("dư luận xã hội")
    for variant in (unicodedata.normalize("NFD", "dư luận xã hội"), "DƯ LUẬN XÃ HỘI"):
        assert search(variant).found == accented.found, variant


def test_typed_words_are_not_listed_as_missing(search, docs):
    """Material lists typed words it thinks a result lacks ("Không: …"),
    testing matched index terms against the typed text; NFD input, the other
    tone placement or missing diacritics must not confuse it."""
    for query, wanted in (("uỷ ban", ["ủy", "ban"]), (unicodedata.normalize("NFD", "dư luận"), ["dư", "luận"]),
                          ("du luan", ["dư", "luận"])):
        outcome = search(query)
        having = [i for i in outcome.items if i.anchor and all(has_word(docs[i.url], w) for w in wanted)]
        assert having, query
        assert all(not i.missing for i in having), [(i.url, i.missing) for i in having if i.missing]


@pytest.mark.parametrize("query, exact_words", [
    ("tình hình", ["tình", "hình"]),
    ("hỏi", ["hỏi"]),
    ("hội", ["hội"]),
])
def test_exact_diacritics_rank_first(search, docs, glossary, query, exact_words):
    outcome = search(query)

    def alone(text, word):  # the word, not the "hội" of "xã hội" (lunr.vi's COMPOUNDS)
        ws = [w.lower() for w in words(text)]
        return any(w == word and not (word == "hội" and i and ws[i - 1] == "xã") for i, w in enumerate(ws))

    def has(doc, word):  # in the text, or in the meaning of an abbreviation the text uses
        return alone(plain_text(doc), word) or any(
            alone(meaning, word) and has_abbreviation(doc, abbreviation)
            for abbreviation, meaning in glossary.items())
    exact = [score for loc, score in outcome.found if all(has(docs[loc], w) for w in exact_words)]
    folded_only = [score for loc, score in outcome.found if not any(has(docs[loc], w) for w in exact_words)]
    assert exact and folded_only, "the content should have both kinds"
    assert min(exact) > max(folded_only)


def test_previews_keep_their_diacritics_and_mark_the_accented_words(search, docs):
    outcome = search("du luan xa hoi")
    shown = [item for item in outcome.items if item.anchor]
    assert shown
    for item in shown:
        doc = docs[item.url]
        assert unicodedata.normalize("NFC", item.title) == \
            re.sub(r"\s+", " ", plain_text({"title": doc["title"], "text": ""})).strip()
        assert "du luan" not in (item.title + item.text).lower()
    marked = {bare(m).lower() for item in shown for m in item.marks}
    assert {"dư", "luận", "xã", "hội"} <= marked
    assert "<mark><mark>" not in "".join(item.title_html + item.text_html for item in outcome.items)


def test_suggestion_has_the_diacritics_of_the_page(search, docs):
    assert any("kinh phí" in doc["title"].lower() for doc in docs.values()), "content changed: pick another"
    assert search("kinh ph").suggestion == "kinh phí"
    assert search("quan tri").suggestion.startswith("quan tri")


# ---------------------------------------------------------------------------
# Abbreviations
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("query, abbreviation", [
    ("DLXH", "DLXH"), ("dlxh", "DLXH"), ("hdnd", "HĐND"), ("HĐND", "HĐND"),
    ("mttq", "MTTQ"), ("ubnd", "UBND"), ("btgdv", "BTGDV"),
])
def test_abbreviation_finds_the_full_words(search, docs, glossary, query, abbreviation):
    meaning = re.sub(r"\s*\(.*?\)", "", glossary[abbreviation])
    outcome = search(query)
    expected = {loc for loc, doc in docs.items()
                if has_phrase(doc, meaning) or has_abbreviation(doc, abbreviation)}
    assert expected, f"the content has neither {abbreviation} nor {meaning!r}"
    assert expected <= set(outcome.locations)
    top = outcome.locations[:len(expected)]
    assert all(loc in expected for loc in top[:5]), [loc for loc in top[:5] if loc not in expected]
    # Shown with the full words marked where the text has them.
    phrase_items = [i for i in outcome.items if i.anchor and has_phrase(docs[i.url], meaning)]
    if phrase_items:
        first_word = words(meaning)[0].lower()
        assert any(first_word in {bare(m).lower() for m in i.marks} for i in phrase_items)


def test_full_words_find_the_abbreviation(search, docs, glossary):
    """For each glossary entry that some page uses without its meaning
    (typically the recipient lists), the meaning typed out, with or without
    diacritics, finds that page."""
    checked, marked = [], []
    first = ["HĐND", "UBND", "DLXH", "MTTQ", "BTV", "BTGDV"]
    for abbreviation in sorted(glossary, key=lambda a: (a not in first, first.index(a) if a in first else 0, a)):
        meaning = glossary[abbreviation]
        meaning = re.sub(r"\s*\(.*?\)", "", meaning)
        if len(words(meaning)) < 2:
            continue
        abbr_only = {loc for loc, doc in docs.items()
                     if has_abbreviation(doc, abbreviation) and not has_phrase(doc, meaning)}
        if not abbr_only:
            continue
        either = {loc for loc, doc in docs.items()
                  if has_abbreviation(doc, abbreviation) or has_phrase(doc, meaning)}
        for query in (meaning, fold_key(meaning)):
            outcome = search(query)
            assert abbr_only <= set(outcome.locations), (abbreviation, query)
            # The abbreviation is what gets marked there (where the preview,
            # at most two paragraphs, shows it).
            for item in outcome.items:
                shown = has_abbreviation({"title": item.title, "text": item.text}, abbreviation)
                if item.url in abbr_only and shown:
                    marks = {bare(m).replace("Đ", "D") for m in item.marks}
                    assert abbreviation.replace("Đ", "D") in marks, (abbreviation, query, item.url, item.marks)
                    marked.append(abbreviation)
            # Places with the whole phrase or its abbreviation come before
            # places that merely have some of its words.
            others = [s for loc, s in outcome.found if loc not in either]
            if others:
                assert min(s for loc, s in outcome.found if loc in either) > max(others), (abbreviation, query)
        # Part of the meaning finds the abbreviation too ("hội đồng" → HĐND).
        part = " ".join(words(meaning)[:2])
        assert abbr_only <= set(search(fold_key(part)).locations), (abbreviation, part)
        checked.append(abbreviation)
        if len(checked) == 8:
            break
    assert len(checked) >= 3, f"only {checked} are used without their meaning; the test needs three"
    assert marked, "no page using an abbreviation alone was among the results shown"


# ---------------------------------------------------------------------------
# Speed
# ---------------------------------------------------------------------------

def test_results_appear_within_100_ms_of_the_last_keystroke(search):
    for query in ("dư luận xã hội", "du luan", "ubnd", "hoi dong nhan dan", "kinh phí",
                  "dang uy", "thoi han", "mttq", "tuyen truyen", "quy iv"):
        search(query)
    times = [ms for _, ms in TIMINGS]
    median = statistics.median(times)
    print(f"\n{len(times)} queries: median {median:.0f} ms, max {max(times):.0f} ms "
          f"(index built in {search.harness.setup_ms} ms)")
    assert median <= 100, sorted(TIMINGS, key=lambda t: -t[1])[:5]


# ---------------------------------------------------------------------------
# Offline: the copy opened from the file system (Material's offline plugin)
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline_site(tmp_path_factory, site) -> Path:  # site: the pages are generated
    out = tmp_path_factory.mktemp("offline") / "site"
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "search" / "search_index.js").exists(), "not an offline build"
    return out


def test_offline_copy_searches_alike(search, offline_site, browser):
    queries = ("du luan xa hoi", "hdnd", "uỷ ban", "Hội đồng nhân dân")
    online = {q: search(q).found for q in queries}
    with SearchHarness(offline_site, browser=browser, offline=True) as offline:
        assert offline.iframe_worker, "on file:// Material runs its worker in an iframe"
        for query in queries:
            outcome = offline.query(query)
            assert outcome.found == online[query], query

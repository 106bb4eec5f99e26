"""Unit tests of the search plugin docs/includes/lunr.vi.js, without a browser.

Place in the pipeline: the template that build_faq.py turns into
assets/javascripts/lunr/min/lunr.vi.min.js. Node runs it inside Material's
real search worker (tests/search_worker.js), so these tests cover both the
spelling functions on their own and what Material's search makes of them,
on small made-up documents. Browser tests over the real site are in
test_search.py.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

from faqbuild.exports import render_search_language
from faqbuild.model import Faq
from faqbuild.text import fold_key
from faqbuild.urls import SEARCH_ASKED_SLOT, SEARCH_GLOSSARY_SLOT, SEARCH_NAMES_SLOT, SEARCH_SYNONYMS_SLOT
from search_node import TEMPLATE, node_available, ranked, run_template

ROOT = Path(__file__).resolve().parent.parent
MARK = "\u0002"  # the plugin's prefix for "glossary entry occurs here" terms
FOLD = "\u0003"  # the plugin's prefix for folded forms


def F(*words: str) -> set[str]:
    """Index terms of folded forms."""
    return {FOLD + w for w in words}

GLOSSARY = {
    "DLXH": "dư luận xã hội",
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "CT-XH": "chính trị - xã hội",
    "CT/TW": "Chỉ thị của Trung ương (ký hiệu chỉ thị của Trung ương Đảng)",
    "AI": "trí tuệ nhân tạo (viết tắt tiếng Anh của artificial intelligence)",
    "KHCN": "khoa học, công nghệ",
    "b/c": "báo cáo (“để b/c” là để báo cáo)",
}


@pytest.fixture(scope="module", autouse=True)
def _node():
    if not node_available():
        if os.environ.get("ALLOW_NO_NODE") == "1" and not os.environ.get("CI"):
            pytest.skip("node missing and ALLOW_NO_NODE=1")
        pytest.fail("node is missing (/usr/bin/node): install Debian's nodejs")


def forms(*words: str) -> list[dict]:
    return run_template(GLOSSARY, fold=list(words))["fold"]


# ---------------------------------------------------------------------------
# The template itself
# ---------------------------------------------------------------------------

def test_template_is_self_contained_and_has_each_slot_once():
    source = TEMPLATE.read_text(encoding="utf-8")
    # Offline (iframe-worker on file://) there is nothing to fetch from.
    for call in ("fetch(", "XMLHttpRequest", "importScripts(", "import(", "require("):
        assert call not in source, call
    # build_faq.py replaces every occurrence; a second one (say in a comment)
    # would receive the JSON too.
    for slot in (SEARCH_GLOSSARY_SLOT, SEARCH_SYNONYMS_SLOT, SEARCH_NAMES_SLOT, SEARCH_ASKED_SLOT):
        assert source.count(slot) == 1, slot
    rendered = render_search_language(
        Faq((), (), (("HĐND", "Hội đồng nhân dân"),)), source)
    assert '{"HĐND": "Hội đồng nhân dân"}' in rendered


def test_the_bodies_names_for_search_come_from_the_registry_and_the_register():
    """Search tells which body a query names by the names editors keep for
    readers: the registry's own (faq.yml `bodies:`), the register's readers'
    names and the aliases of the readers' groups the body is in. The plans'
    titles go with them (for the directive's name)."""
    from faqbuild.exports import search_names
    from faqbuild.model import Body, Group, Register
    faq = Faq((), (Body("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", ("MTTQ tỉnh",)),
                   Body("ct-xh", "Các tổ chức chính trị - xã hội tỉnh", "Các tổ chức chính trị - xã hội tỉnh", ())),
              (), register=Register(groups=(Group("g", "Tổ chức chính trị - xã hội", ("ct-xh",), ("Công đoàn",), ""),),
                                    names=(("mttq", ("Mặt trận",)),)))
    assert search_names(faq) == [
        ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "MTTQ tỉnh", "Mặt trận"],
        ["Các tổ chức chính trị - xã hội tỉnh", "Công đoàn"]]
    rendered = render_search_language(faq, TEMPLATE.read_text(encoding="utf-8"))
    assert '["Các tổ chức chính trị - xã hội tỉnh", "Công đoàn"]]' in rendered and '"titles": []' in rendered


# ---------------------------------------------------------------------------
# Spelling
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("word, exact, folded", [
    ("Đảng", "đảng", "dang"),
    ("ĐẢNG", "đảng", "dang"),
    ("đ", "đ", "d"),
    ("dư", "dư", "du"),
    ("luận", "luận", "luan"),
    ("xã", "xã", "xa"),
    ("hội", "hội", "hoi"),
    ("ủy", "ủy", "uy"),
    ("uỷ", "ủy", "uy"),          # the other tone placement
    ("Uỷ", "ủy", "uy"),
    ("hoà", "hòa", "hoa"),
    ("hòa", "hòa", "hoa"),
    ("thuỷ", "thủy", "thuy"),
    ("khoẻ", "khỏe", "khoe"),
    ("hoá", "hóa", "hoa"),
    ("hoàng", "hoàng", "hoang"),  # final consonant: tone on the last vowel
    ("toán", "toán", "toan"),
    ("huỳnh", "huỳnh", "huynh"),
    ("người", "người", "nguoi"),  # ươ: the tone goes on ơ
    ("ngoài", "ngoài", "ngoai"),  # three vowels: the middle one
    ("khuya", "khuya", "khuya"),
    ("khuỷu", "khuỷu", "khuyu"),
    ("quý", "quý", "quy"),        # qu is an onset
    ("quốc", "quốc", "quoc"),
    ("giữ", "giữ", "giu"),        # gi is an onset
    ("gìn", "gìn", "gin"),
    ("nghĩa", "nghĩa", "nghia"),
    ("thuở", "thuở", "thuo"),
    ("café", "café", "cafe"),     # not one syllable: kept as written
    ("47", "47", "47"),
])
def test_exact_and_folded_forms(word, exact, folded):
    [result] = forms(word)
    assert (result["exact"], result["folded"]) == (exact, folded)
    # Typed decomposed (NFD), or in capitals: the same forms.
    [nfd, upper] = forms(unicodedata.normalize("NFD", word), word.upper())
    assert (nfd["exact"], nfd["folded"]) == (exact, folded)
    assert (upper["exact"], upper["folded"]) == (exact, folded)


def content_words() -> list[str]:
    text = (ROOT / "faq.yml").read_text(encoding="utf-8")
    for plan in sorted((ROOT / "plans").glob("*.yml")):
        text += plan.read_text(encoding="utf-8")
    return sorted(set(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text))))


def test_fold_agrees_with_build_faq_fold_key_on_every_word_of_the_content():
    words = content_words()
    assert len(words) > 500
    results = forms(*words)
    wrong = [(r["word"], r["folded"], fold_key(r["word"]))
             for r in results if r["folded"] != fold_key(r["word"])]
    assert wrong == []
    # And the exact form never loses a letter or a mark other than moving the tone.
    moved = [(r["word"], r["exact"]) for r in results
             if sorted(unicodedata.normalize("NFD", r["exact"])) !=
             sorted(unicodedata.normalize("NFD", r["word"].lower()))]
    assert moved == []


def test_both_tone_placements_of_every_oa_oe_uy_word_are_one_word():
    """Every word of the content written with the tone on the other vowel of
    oa/oe/uy ("hòa" / "hoà") has the same exact form."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    pairs = []
    for word in content_words():
        nfd = unicodedata.normalize("NFD", word.lower())
        match = re.search(f"(o|u)([{tones}])(a|e|y)$|(o|u)(a|e|y)([{tones}])$", nfd)
        if not match:
            continue
        if match.group(1):
            other = nfd[:match.start()] + match.group(1) + match.group(3) + match.group(2)
        else:
            other = nfd[:match.start()] + match.group(4) + match.group(6) + match.group(5)
        pairs.append((word, unicodedata.normalize("NFC", other)))
    assert len(pairs) >= 3, pairs
    results = forms(*[w for pair in pairs for w in pair])
    for i in range(0, len(results), 2):
        assert results[i]["exact"] == results[i + 1]["exact"], (results[i], results[i + 1])


def test_query_terms_are_normalised_like_index_terms():
    out = run_template(GLOSSARY, normalise=["Uỷ*", "CT/TW*", "(DLXH),", "*", "", "d*n", "Đ"])["normalise"]
    assert out == ["ủy*", "cttw*", "dlxh", "*", "", "d*n", "đ"]


# ---------------------------------------------------------------------------
# Index terms (lunr.vi.analyse): folding and the glossary
# ---------------------------------------------------------------------------

def test_every_token_is_indexed_exact_and_folded():
    [terms] = run_template(GLOSSARY, analyse=[["dư", "luận,", "uỷ", "(tg&amp;dv)"]])["analyse"]
    assert terms[0] == ["dư", FOLD + "du"]
    assert terms[1] == ["luận", FOLD + "luan"]      # punctuation is not part of a term
    assert terms[2] == ["ủy", FOLD + "uy"]
    assert set(terms[3]) == {"tg", "dv", "tgdv"} | F("tg", "dv", "tgdv")


def test_abbreviation_in_the_text_indexes_its_meaning():
    [terms] = run_template(GLOSSARY, analyse=[["hđnd", "tỉnh"]])["analyse"]
    assert {"hội", "đồng", "nhân", "dân", "hđnd", MARK + "hđnd"} | F("hoi", "dong", "nhan", "dan", "hdnd") \
        <= set(terms[0])
    assert "hội" not in terms[1]
    [terms] = run_template(GLOSSARY, analyse=[["hdnd"]])["analyse"]   # written without the bar
    assert {"hội", "đồng", MARK + "hđnd"} <= set(terms[0])


def test_meaning_in_the_text_indexes_its_abbreviation_on_every_word():
    [terms] = run_template(GLOSSARY, analyse=[["các", "hội", "đồng", "nhân", "dân", "tỉnh"]])["analyse"]
    for word in terms[1:5]:
        assert {"hđnd", FOLD + "hdnd"} <= set(word)     # each word: highlighting marks them all
    # "The entry occurs here" once per occurrence: it only counts for ranking.
    assert [MARK + "hđnd" in word for word in terms] == [False, True, False, False, False, False]
    assert "hđnd" not in terms[0] and "hđnd" not in terms[5]
    # Without diacritics, or with the other tone placement, still the phrase.
    [terms] = run_template(GLOSSARY, analyse=[["uỷ", "ban", "nhan", "dân"]])["analyse"]
    assert all({"ubnd", FOLD + "ubnd"} <= set(word) for word in terms)


def test_phrase_does_not_run_across_punctuation_unless_the_meaning_has_it():
    [broken, listed] = run_template(GLOSSARY, analyse=[
        ["hội", "đồng.", "nhân", "dân"],
        ["khoa", "học,", "công", "nghệ"],      # the meaning itself has the comma
    ])["analyse"]
    assert not any("hđnd" in word for word in broken)
    assert all("khcn" in word for word in listed)


def test_split_abbreviations_and_notes_in_brackets():
    ct_xh, ct_tw, phrase = run_template(GLOSSARY, analyse=[
        ["ct", "xh"], ["47", "ct/tw"], ["chỉ", "thị", "của", "trung", "ương"],
    ], analyse_originals=[["CT", "XH"], ["47", "CT/TW"], None])["analyse"]
    assert {"ctxh", "chính", FOLD + "chinh", "xã", "hội"} <= set(ct_xh[0]) & set(ct_xh[1])
    assert MARK + "ctxh" in ct_xh[0]
    assert {"ct", "tw", "cttw", "chỉ", "thị", "trung", "ương"} <= set(ct_tw[1])
    assert "ký" not in ct_tw[1] and "hiệu" not in ct_tw[1]          # the note is not the meaning
    assert all({"cttw", FOLD + "cttw"} <= set(word) for word in phrase)
    assert MARK + "cttw" in phrase[0]


def test_abbreviation_must_have_the_glossary_case_when_the_case_is_known():
    """ "AI" means trí tuệ nhân tạo, "Ai" (who) does not; "b/c" is lower case."""
    ai_word, ai_abbr, unknown, bc = run_template(GLOSSARY, analyse=[
        ["ai", "ký"], ["ai"], ["ai"], ["b/c"]], analyse_originals=[
        ["Ai", "ký"], ["AI"], None, ["b/c"]])["analyse"]
    assert "trí" not in ai_word[0]
    assert {"trí", "tuệ", "nhân", "tạo"} <= set(ai_abbr[0])
    assert "artificial" not in ai_abbr[0]
    assert "trí" in unknown[0]      # case not known: matched in any case
    assert {"báo", "cáo", "bc"} <= set(bc[0])


# ---------------------------------------------------------------------------
# Searching: Material's worker with the plugin, on made-up documents
# ---------------------------------------------------------------------------

DOCS = [
    {"location": "a.html", "title": "Trang A", "text": ""},
    {"location": "a.html#dlxh", "title": "Tình hình dư luận xã hội",
     "text": "<p>Công tác dư luận xã hội của Ủy ban nhân dân.</p>"},
    {"location": "a.html#viet-tat", "title": "Nơi nhận",
     "text": "<p>HĐND tỉnh; UBND tỉnh; các đơn vị nắm DLXH.</p>"},
    {"location": "a.html#tinh", "title": "Tỉnh ủy",
     "text": "<p>Văn phòng Tỉnh ủy.</p>"},
    {"location": "a.html#hoi", "title": "Câu hỏi thường gặp",
     "text": "<p>Hỏi và đáp.</p>"},
    {"location": "a.html#hoi-dong", "title": "Hội đồng",
     "text": "<p>Hội đồng nhân dân tỉnh họp.</p>"},
    {"location": "a.html#ai", "title": "Ai ký văn bản?",
     "text": "<p>Đồng chí Bí thư ký.</p>"},
    {"location": "a.html#tri-tue", "title": "Ứng dụng AI",
     "text": "<p>Dùng AI để phân tích.</p>"},
]


def search(*queries, docs=DOCS):
    return {r["query"]: r for r in run_template(GLOSSARY, docs=docs, queries=list(queries))["results"]}


def locations(result):
    return [item["location"] for item in ranked(result)]


def test_unaccented_query_finds_the_accented_text_and_the_abbreviation():
    results = search("du luan xa hoi", "dư luận xã hội")
    plain, accented = locations(results["du luan xa hoi"]), locations(results["dư luận xã hội"])
    assert plain[:2] == accented[:2] == ["a.html#dlxh", "a.html#viet-tat"]
    # Material's "missing terms" stay empty: every typed word matched.
    top = ranked(results["du luan xa hoi"])[0]
    assert top["terms"] == {"du": True, "luan": True, "xa": True, "hoi": True}


def test_exact_spelling_ranks_first_even_against_a_folded_title_match():
    results = search("tình", "tỉnh", "hỏi", "hội", "ủy ban")
    # "ban" typed among accented words is the word "ban", not "bản".
    assert locations(results["ủy ban"])[-1] == "a.html#ai"
    assert locations(results["tình"])[0] == "a.html#dlxh"      # "Tình hình", not the title "Tỉnh ủy"
    assert locations(results["tỉnh"])[0] == "a.html#tinh"
    assert locations(results["hỏi"])[0] == "a.html#hoi"
    # "hội" alone is not the "hội" of "xã hội" (see the compound test below).
    assert locations(results["hội"])[0] == "a.html#hoi-dong"
    assert "a.html#hoi" in locations(results["hội"])             # still found, but after
    assert locations(results["hội"]).index("a.html#hoi") > locations(results["hội"]).index("a.html#hoi-dong")


def test_tone_placement_nfd_and_case_give_identical_results():
    variants = ["ủy ban", "uỷ ban", unicodedata.normalize("NFD", "ủy ban"), "ỦY BAN", "Uỷ Ban"]
    results = search(*variants)
    first = [(i["location"], i["score"]) for i in ranked(results[variants[0]])]
    assert first
    for query in variants[1:]:
        assert [(i["location"], i["score"]) for i in ranked(results[query])] == first, query
    for query in variants:
        # Material lists typed words it thinks did not match ("Không: …"):
        # none may be listed for the page that has both words.
        [dlxh] = [i for i in ranked(results[query]) if i["location"] == "a.html#dlxh"]
        assert dlxh["terms"] and all(dlxh["terms"].values()), query


def test_abbreviations_find_the_full_words_and_back():
    results = search("hdnd", "HĐND", "ubnd", "dlxh", "Hội đồng nhân dân", "hoi dong nhan dan")
    for query in ("hdnd", "HĐND"):
        assert set(locations(results[query])) == {"a.html#viet-tat", "a.html#hoi-dong"}, query
    assert set(locations(results["ubnd"])) == {"a.html#dlxh", "a.html#viet-tat"}
    assert set(locations(results["dlxh"])) == {"a.html#dlxh", "a.html#viet-tat"}
    for query in ("Hội đồng nhân dân", "hoi dong nhan dan"):
        # The two places with the whole phrase or its abbreviation come first,
        # before places with only some of the words ("nhân dân" of UBND).
        assert set(locations(results[query])[:2]) == {"a.html#viet-tat", "a.html#hoi-dong"}, query


def test_a_typed_phrase_does_not_match_a_word_spelt_like_its_abbreviation():
    results = search("tri tue nhan tao", "AI")
    assert locations(results["tri tue nhan tao"])[0] == "a.html#tri-tue"
    assert "a.html#ai" not in locations(results["tri tue nhan tao"])
    # Typing the abbreviation itself is ambiguous: both.
    assert {"a.html#tri-tue", "a.html#ai"} <= set(locations(results["AI"]))


def test_highlighting_marks_the_accented_words_once():
    result = search("du luan")["du luan"]
    top = ranked(result)[0]
    assert top["location"] == "a.html#dlxh"
    assert "<mark>dư</mark> <mark>luận</mark>" in top["title"]
    assert "<mark><mark>" not in top["title"] + top["text"]
    # Abbreviation query: the whole phrase is marked, and the text is untouched.
    top = ranked(search("ubnd")["ubnd"])[0]
    assert "<mark>Ủy</mark> <mark>ban</mark> <mark>nhân</mark> <mark>dân.</mark>" in top["text"]
    assert re.sub(r"</?mark>", "", top["text"]) == DOCS[1]["text"]


def test_required_and_prohibited_terms():
    results = search('"du luận"', '"dư luận"', "+dự", "-hội tỉnh", "tỉnh", "-hội hỏi")
    # Quoted words are required; a wrong or missing accent still matches.
    assert locations(results['"du luận"']) == locations(results['"dư luận"']) == ["a.html#dlxh", "a.html#viet-tat"]
    # A required term with no exact match falls back to its folded form.
    assert "a.html#dlxh" in locations(results["+dự"])
    # -hội removes the pages that have "hội"; exact, so not those with "hỏi".
    assert "a.html#hoi-dong" in locations(results["tỉnh"])
    assert "a.html#hoi-dong" not in locations(results["-hội tỉnh"])
    assert "a.html#tinh" in locations(results["-hội tỉnh"])
    assert "a.html#hoi" in locations(results["-hội hỏi"])


def test_suggestion_completes_the_word_being_typed_with_its_diacritics():
    """Material suggests the last matched term of the best title match when it
    starts with the word being typed: the page's spelling, not the folded one."""
    results = search("tinh h", "tình h", "du lu")
    assert results["tinh h"]["suggest"][-1] == "hình"
    assert results["tình h"]["suggest"][-1] == "hình"
    assert results["du lu"]["suggest"][-1] == "luận"


def test_only_the_word_being_typed_is_a_prefix():
    """Material makes every typed word a prefix; finished words are not (so
    "du" does not also find "dụng"), and neither is a lone first letter,
    which would match most of the site."""
    docs = DOCS + [{"location": "a.html#dung", "title": "Nội dung", "text": "<p>Sử dụng.</p>"}]
    results = search("du luan", "luan du", "t", "ti", docs=docs)
    assert "a.html#dung" not in locations(results["du luan"])
    assert "a.html#dung" in locations(results["luan du"])       # the last word: still a prefix
    assert locations(results["t"]) == []
    assert "a.html#dlxh" in locations(results["ti"])            # "ti" → "Tình"


def test_a_typed_meaning_counts_as_one_name_not_as_its_scattered_words():
    """"chính trị - xã hội" typed out is the name: a place that has it once,
    in a longer text, comes before one whose text merely has its words
    apart, several times ("chính trị", "xã hội"), and the name found through
    its abbreviation counts the same."""
    filler = " ".join(["công tác được triển khai"] * 5)
    docs = DOCS + [
        {"location": "a.html#ten", "title": "Nhiệm vụ của đoàn thể",
         "text": f"<p>{filler} các tổ chức chính trị - xã hội tỉnh {filler}.</p>"},
        {"location": "a.html#viet-tat-ct-xh", "title": "Đoàn thể", "text": "<p>Các tổ chức CT-XH tham gia.</p>"},
        {"location": "a.html#roi-rac", "title": "Tình hình chung",
         "text": "<p>Tình hình chính trị ổn định; đời sống xã hội, an ninh chính trị, trật tự xã hội.</p>"},
    ]
    results = search("chính trị - xã hội", "chinh tri xa hoi", docs=docs)
    for query, result in results.items():
        found = locations(result)
        assert "a.html#roi-rac" in found, query                    # the words apart still find it …
        assert found.index("a.html#roi-rac") > found.index("a.html#ten"), query   # … after the name
        assert found.index("a.html#roi-rac") > found.index("a.html#viet-tat-ct-xh"), query


def test_a_telex_leftover_finds_the_word_it_stands_for():
    """Typing telex with the input method off leaves the tone as a letter:
    "phis" is "phí", "hoanf" is "hoàn", "ddieu" is "điều"; no Vietnamese
    syllable ends in s, f, r, x or j."""
    docs = DOCS + [{"location": "a.html#kinh-phi", "title": "Kinh phí", "text": "<p>Hoàn thành điều tra.</p>"}]
    results = search("kinh phis", "hoanf thanh", "ddieu tra", "kinh phi", docs=docs)
    for query in ("kinh phis", "hoanf thanh", "ddieu tra"):
        assert locations(results[query])[:1] == ["a.html#kinh-phi"], query
    assert [i["score"] for i in ranked(results["kinh phis"])] == [i["score"] for i in ranked(results["kinh phi"])]


def test_two_letters_swapped_find_the_word():
    """"hoahc" is "hoạch" with its last two letters swapped: a word the site
    has in no spelling, one swap away from exactly one word it has, is read
    as that word. Where two swaps give two words, neither is guessed."""
    docs = DOCS + [{"location": "a.html#ke-hoach", "title": "Kế hoạch", "text": "<p>Giám sát, kiểm tra.</p>"},
                   {"location": "a.html#hai", "title": "Hai từ", "text": "<p>Bác và ạcb.</p>"}]
    results = search("ke hoahc", "gaim sat", "ke hoach", "abc", "bca", docs=docs)
    for query in ("ke hoahc", "gaim sat"):
        assert locations(results[query])[:1] == ["a.html#ke-hoach"], query
    assert [i["score"] for i in ranked(results["ke hoahc"])] == [i["score"] for i in ranked(results["ke hoach"])]
    assert locations(results["bca"])[:1] == ["a.html#hai"]       # "bac", the one swap the site has
    assert "a.html#hai" not in locations(results["abc"])         # "bac" or "acb"?


def test_a_synonym_typed_with_diacritics_must_have_its_marks():
    """The reader's word "cử người" brings in the plan's "phân công"; typed
    with other marks ("cụ người") it is another word and does not, while
    typed without any mark it may be either, and does."""
    docs = DOCS + [{"location": "a.html#phan-cong", "title": "Phân công", "text": "<p>Phân công lãnh đạo.</p>"}]
    out = run_template(GLOSSARY, docs=docs, synonyms={"phân công": ["cử người"]},
                       queries=["cử người", "cụ người", "cu nguoi"])["results"]
    found = {r["query"]: locations(r) for r in out}
    assert "a.html#phan-cong" in found["cử người"]
    assert "a.html#phan-cong" in found["cu nguoi"]
    assert "a.html#phan-cong" not in found["cụ người"]


def test_abbreviations_written_together_are_read_as_their_parts():
    """"UBMTTQ" is "UB" (a synonym written in capitals) and "MTTQ" (the
    glossary's) written together. A word the index has is never split
    ("khai" is not "KH" + "AI"), and nor is one that is not made of known
    abbreviations. Material does not list the compound as a word that
    found nothing."""
    glossary = dict(GLOSSARY, MTTQ="Mặt trận Tổ quốc", KH="Kế hoạch")
    docs = DOCS + [
        {"location": "a.html#mttq", "title": "Nhiệm vụ", "text": "<p>Ủy ban MTTQ tỉnh phối hợp.</p>"},
        {"location": "a.html#khai", "title": "Khai thác", "text": "<p>Khai thác thông tin.</p>"},
    ]
    out = run_template(glossary, docs=docs, synonyms={"Ủy ban": ["UB"]},
                       queries=["UBMTTQ phối hợp", "ubmttq", "khai", "ubxyzq"])["results"]
    found = {r["query"]: r for r in out}
    assert locations(found["UBMTTQ phối hợp"])[0] == "a.html#mttq"
    [top] = ranked(found["ubmttq"])[:1]
    assert top["location"] == "a.html#mttq" and top["terms"].get("ubmttq") is True
    assert locations(found["khai"]) == ["a.html#khai"]
    assert locations(found["ubxyzq"]) == []


def test_a_named_body_brings_up_the_answers_that_list_it():
    """Two answers on the same task, one listing the body the reader names
    in its "Cơ quan:" line (as faqbuild/pages.py writes it), the other only
    mentioning it in a shorter text that lists another body: the first
    comes first, the body named by any of its names. Without a body in the
    query, the order is the texts' own."""
    docs = [
        {"location": "a.html", "title": "Trang A", "text": ""},
        {"location": "a.html#khac", "title": "Bố trí kinh phí",
         "text": "<p>Sở Tài chính bố trí kinh phí cho điều tra.</p> <p>Cơ quan: Sở Nội vụ (thực hiện)</p>"},
        {"location": "a.html#so", "title": "Bố trí kinh phí",
         "text": "<p>Bố trí kinh phí cho điều tra.</p> <p>Cơ quan: Sở Tài chính (thực hiện)</p>"},
    ]
    bodies = [["Sở Tài chính", "Sở Tài chính tỉnh"], ["Sở Nội vụ"]]
    out = run_template(GLOSSARY, docs=docs, names={"bodies": bodies},
                       queries=["sở tài chính bố trí kinh phí", "tai chinh bo tri kinh phi", "so noi vu bo tri kinh phi"])
    found = {r["query"]: locations(r) for r in out["results"]}
    assert found["sở tài chính bố trí kinh phí"][0] == "a.html#so"
    assert found["tai chinh bo tri kinh phi"][0] == "a.html#so"       # "Ban"/"Sở" left out
    assert found["so noi vu bo tri kinh phi"][0] == "a.html#khac"
    # Without the bodies' names, the shorter text with "Sở Tài chính" wins.
    plain = run_template(GLOSSARY, docs=docs, queries=["sở tài chính bố trí kinh phí"])["results"]
    assert locations(plain[0])[0] == "a.html#khac"


def test_the_directive_number_counts_like_a_question_word():
    """Readers add "47" for the directive every answer is about: a title
    with "Chỉ thị 47" does not outrank the answer on the task typed."""
    docs = [{"location": "a.html", "title": "Trang A", "text": ""}] + [
        {"location": f"a.html#k{i}", "title": f"Việc số {i}", "text": f"<p>Xây dựng kế hoạch về việc {i}; chỉ thị.</p>"}
        for i in range(4)] + [
        {"location": "a.html#quan-triet", "title": "Quán triệt Chỉ thị 47 khi nào?",
         "text": "<p>Quán triệt Chỉ thị 47 trong tháng 8.</p>"},
        {"location": "a.html#ke-hoach", "title": "Đơn vị có phải làm kế hoạch riêng không?",
         "text": "<p>Có: xây dựng kế hoạch thực hiện Chỉ thị trong tháng 8.</p>"},
    ]
    out = run_template(GLOSSARY, docs=docs, queries=["xay dung ke hoach chi thi 47", "chi thi 47"])["results"]
    assert locations(out[0])[0] == "a.html#ke-hoach"
    assert locations(out[1])[0] == "a.html#quan-triet"     # still found, and first where it is all there is


def test_the_directive_named_as_the_plans_titles_name_it_is_context():
    """"kế hoạch thực hiện chỉ thị 47" is how readers say which plans they
    mean, not what they ask: words the plans' titles name the directive
    with, two or more in a row with its number or "chỉ thị", count like
    question words. Without the titles they count in full."""
    docs = [{"location": "a.html", "title": "Trang A", "text": ""}] + [
        {"location": f"a.html#k{i}", "title": f"Việc số {i}", "text": f"<p>Kế hoạch về việc {i}.</p>"}
        for i in range(4)] + [
        {"location": "a.html#kiem-tra", "title": "Ai kiểm tra việc thực hiện Chỉ thị?",
         "text": "<p>Kiểm tra, giám sát việc thực hiện Chỉ thị.</p>"},
        {"location": "a.html#ky", "title": "Ai ký kế hoạch?", "text": "<p>Đồng chí Phó Bí thư ký.</p>"},
    ]
    names = {"titles": ["triển khai thực hiện Chỉ thị số 47-CT/TW, ngày 23/5/2025 của Ban Bí thư"]}
    query = "ai ký kế hoạch thực hiện chỉ thị"
    [with_titles] = run_template(GLOSSARY, docs=docs, names=names, queries=[query])["results"]
    [without] = run_template(GLOSSARY, docs=docs, queries=[query])["results"]
    assert locations(with_titles)[0] == "a.html#ky"
    assert locations(without)[0] == "a.html#kiem-tra"


def test_a_syllable_does_not_match_inside_a_compound_it_was_not_typed_in():
    """"xã" (a commune) is not the "xã" of "xã hội" (society), which every
    answer's "dư luận xã hội" has: typed alone it finds the commune, typed
    as "xã hội" it finds society, with or without diacritics."""
    docs = [
        {"location": "a.html", "title": "Trang A", "text": ""},
        {"location": "a.html#xa-hoi", "title": "Dư luận xã hội ở tỉnh", "text": "<p>Công tác dư luận xã hội.</p>"},
        {"location": "a.html#cap-xa", "title": "Đảng ủy cấp xã làm gì?", "text": "<p>Đảng ủy xã phân công lãnh đạo.</p>"},
        {"location": "a.html#viet-tat", "title": "Tình hình", "text": "<p>Nắm tình hình DLXH.</p>"},   # its meaning
    ]
    out = run_template(GLOSSARY, docs=docs, queries=["xã", "dang uy xa", "xã hội", "xa hoi"])["results"]
    found = {r["query"]: locations(r) for r in out}
    assert found["xã"] == ["a.html#cap-xa"]
    assert found["dang uy xa"][0] == "a.html#cap-xa" and "a.html#xa-hoi" not in found["dang uy xa"]
    assert found["xã hội"][0] == "a.html#xa-hoi" and found["xa hoi"][0] == "a.html#xa-hoi"
    assert "a.html#viet-tat" in found["xã hội"]


def test_a_readers_abbreviation_is_read_as_the_title_words_it_spells():
    """"STC" is nowhere in the site, but the questions' titles say "Sở Tài
    chính" again and again: typed, it finds that body's answers. A run of
    title words found only once spells nothing ("hđtđ"), nor does a typed
    word the index has."""
    docs = [
        {"location": "a.html", "title": "Trang A", "text": ""},
        {"location": "a.html#stc", "title": "Sở Tài chính có nhiệm vụ gì?", "text": "<p>Bố trí kinh phí.</p>"},
        {"location": "a.html#kp", "title": "Kinh phí do Sở Tài chính bố trí?", "text": "<p>Theo kế hoạch.</p>"},
        {"location": "a.html#hd", "title": "Hội đồng thi đua làm gì?", "text": "<p>Xét khen thưởng.</p>"},
        {"location": "a.html#nv", "title": "Nhiệm vụ chung", "text": "<p>Các việc được giao.</p>"},
    ]
    out = run_template(GLOSSARY, docs=docs, queries=["STC có nhiệm vụ gì", "stc", "hđtđ", "nhiem vu"])["results"]
    found = {r["query"]: locations(r) for r in out}
    assert found["STC có nhiệm vụ gì"][0] == "a.html#stc"
    assert set(found["stc"]) == {"a.html#stc", "a.html#kp"}
    assert found["hđtđ"] == []
    assert "a.html#nv" in found["nhiem vu"]


def test_readers_wordings_find_the_answer_they_were_written_for():
    """faq.yml `also_asked`: the readers' own wordings of a question are a
    field of their own in the worker's index. A query in those words finds
    the answer whose title and text have none of them; the wordings are never
    shown, and the text's highlighting keeps its own offsets."""
    docs = [
        {"location": "a.html", "title": "Trang A", "text": ""},
        {"location": "a.html#kinh-phi", "title": "Nguồn kinh phí điều tra",
         "text": "<p>Kinh phí điều tra do ngân sách tỉnh bảo đảm.</p>"},
        {"location": "a.html#tap-huan", "title": "Tập huấn cộng tác viên",
         "text": "<p>Tập huấn hằng năm; tiền ăn ở do đơn vị lo.</p>"},
    ]
    asked = {"a.html#kinh-phi": ["tiền làm khảo sát lấy ở đâu ra", "ai chi tiền thăm dò ý kiến"]}
    queries = ["tiền làm khảo sát lấy ở đâu", "tien tham do y kien", "kinh phí khảo sát"]
    plain = {r["query"]: locations(r) for r in run_template(GLOSSARY, docs=docs, queries=queries)["results"]}
    out = run_template(GLOSSARY, docs=docs, asked=asked, queries=queries)["results"]
    found = {r["query"]: locations(r) for r in out}
    assert plain["tiền làm khảo sát lấy ở đâu"][0] == "a.html#tap-huan"     # "tiền" is only there
    assert found["tiền làm khảo sát lấy ở đâu"][0] == "a.html#kinh-phi"
    assert found["tien tham do y kien"][0] == "a.html#kinh-phi"           # folded, like every field
    # The wordings are not shown; the text keeps its own marks.
    top = next(item for item in ranked(out[2]) if item["location"] == "a.html#kinh-phi")
    assert "asked" not in top and "khảo sát" not in top["text"]
    assert top["text"].startswith("<p><mark>Kinh</mark> <mark>phí</mark> điều tra")

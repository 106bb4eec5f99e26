"""Data for other tools and a good citizen on the web: faq.json and the schema
published and linked, deterministic output, sitemap, canonical URLs, meta
descriptions and FAQPage structured data."""

from __future__ import annotations

import html
import json
import re

from faqbuild.vocabulary import TOPICS
from conftest import ROOT, run_build


def topic_pages(site):
    return sorted((site / "chu-de").glob("*.html"))


def test_export_and_schema_are_published_and_linked(built_site):
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    assert {"plans", "questions", "bodies", "views"} <= set(data)
    schema = json.loads((built_site / "schema" / "faq.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["questions"]["items"]["properties"]["topic"]["enum"] == list(TOPICS)
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="faq.json"' in home and 'href="schema/faq.schema.json"' in home
    first_line = (ROOT / "faq.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=docs/schema/faq.schema.json"


def test_export_is_byte_identical_across_builds(tmp_path):
    outputs = []
    for n in range(2):
        docs = tmp_path / f"docs{n}"
        assert run_build("--docs", str(docs))[0] == 0
        outputs.append({p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]


def test_every_question_url_in_the_export_resolves(built_site):
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    for q in data["questions"]:
        path, anchor = q["url"].lstrip("/").split("#")
        assert f'id="{anchor}"' in (built_site / path).read_text(encoding="utf-8"), q["url"]
        assert (built_site / q["permalink"].lstrip("/")).exists()
        for c in q["citations"]:
            path, anchor = c["url"].lstrip("/").split("#")
            assert f'id="{anchor}"' in (built_site / path).read_text(encoding="utf-8"), c["url"]


def test_faq_page_structured_data(built_site):
    seen = set()
    for page in topic_pages(built_site):
        text = page.read_text(encoding="utf-8")
        questions = re.findall(r'<h2 class="faq-question[^"]*" [^>]*id="([^"]+)"', text) or \
            re.findall(r'<h2 [^>]*id="([^"]+)"[^>]*class="faq-question', text)
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
        if not questions:
            assert not blocks
            continue
        assert len(blocks) == 1, page
        data = json.loads(blocks[0])
        assert data["@type"] == "FAQPage"
        names = [e["name"] for e in data["mainEntity"]]
        assert len(names) == len(set(names)) == len(questions), page
        assert not seen & set(names), "a question appears on two pages"
        seen |= set(names)
        assert all(e["acceptedAnswer"]["text"] for e in data["mainEntity"])


def test_meta_description_is_the_first_answer(built_site):
    data = json.loads((built_site / "faq.json").read_text(encoding="utf-8"))
    first = {}
    for q in data["questions"]:
        first.setdefault(q["url"].split("#")[0], q)
    for url, q in first.items():
        text = (built_site / url.lstrip("/")).read_text(encoding="utf-8")
        description = html.unescape(re.search(r'<meta name="description" content="([^"]*)"', text).group(1))
        assert description and q["answer_text"].startswith(description.rstrip("…")), url


def test_sitemap_and_canonical_urls(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert any(loc.endswith("/chu-de/nhiem-vu.html") for loc in locs)
    page = (built_site / "chu-de" / "nhiem-vu.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
    assert canonical.endswith("/chu-de/nhiem-vu.html") and canonical in locs

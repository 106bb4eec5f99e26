"""The air-gapped copy: `make dist` unzipped and opened through file://.
Search, navigation and citation links work, and no request leaves the machine."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

import pytest
from playwright.sync_api import expect

from conftest import ROOT


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory, built_site):  # built_site: the pages are generated
    out = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    site = out / "hoi-dap"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    archive = out / "hoi-dap.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(site.rglob("*")):
            z.write(path, path.relative_to(out))
    target = out / "unzipped"
    with zipfile.ZipFile(archive) as z:
        z.extractall(target)
    return target / "hoi-dap"


def test_offline_copy_searches_and_links_without_network(browser, unzipped):
    context = browser.new_context()
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto((unzipped / "index.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Hỏi – đáp")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").type("quán triệt", delay=20)
    result = page.locator(".md-search-result__item a[href*='#quan-triet-chi-thi-thang-8-2025']").first
    expect(result).to_be_visible(timeout=10000)
    result.click()
    expect(page).to_have_url(re.compile(r"^file://.*chu-de/nhiem-vu\.html(\?h=[^#]*)?#quan-triet-chi-thi-thang-8-2025$"))
    page.locator("#quan-triet-chi-thi-thang-8-2025 ~ .faq-sources a").first.click()
    expect(page).to_have_url(re.compile(r"^file://.*ke-hoach/002\.html#muc-ii-1-1$"))
    expect(page.locator("#muc-ii-1-1")).to_be_in_viewport()
    # Navigation: the sidebar reaches the by-body view.
    page.locator("nav.md-nav a", has_text="Theo cơ quan").first.click()
    expect(page).to_have_url(re.compile(r"^file://.*co-quan/index\.html$"))
    # The stable address of an answer works from the file system too.
    page.goto((unzipped / "cau-hoi" / "quan-triet-chi-thi-thang-8-2025.html").as_uri())
    expect(page).to_have_url(re.compile(r"chu-de/nhiem-vu\.html#quan-triet-chi-thi-thang-8-2025$"))
    outside = [url for url in requests if not url.startswith(("file://", "data:", "about:", "blob:"))]
    assert outside == []
    assert len(requests) > 10  # the recorder saw the page's own files
    context.close()

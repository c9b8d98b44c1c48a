"""No broken internal link anywhere in the built sites: every page, stylesheet, script and
#fragment a page points to exists (plain Python, no browser)."""

from __future__ import annotations

import pytest
from html_support import REAL_TEI, broken_links, built, scratch


@pytest.mark.parametrize("name", ["fixture", "sample", "real"])
def test_no_internal_link_is_broken(name):
    if name == "real" and not REAL_TEI.exists():
        pytest.skip(f"real TEI not found at {REAL_TEI}")
    site, _ = built(name)
    assert list(site.rglob("*.html")), "nothing was built"
    assert broken_links(site) == []


def test_the_link_checker_finds_a_missing_page_and_a_missing_fragment():
    site = scratch("checker")
    (site / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<a href="gone.html">x</a> <a href="#nowhere">y</a> <a id="here" href="#here">z</a>'
        '<a href="https://example.org/">w</a></body></html>', encoding="utf-8")
    assert broken_links(site) == ["index.html: gone.html (no such file)", "index.html: #nowhere (no such id)"]

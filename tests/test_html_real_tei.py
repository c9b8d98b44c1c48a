"""The HTML writer on TEI from other projects (../shared/reference/real-tei/): every
readable file renders, nothing of the text is lost, apparatus, verse, tables and drama
are laid out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from html_support import REAL_TEI, built, page, scratch, text

from teikit.writers.html import write_html
from teikit.xmlio import parse_xml

FILES = sorted(REAL_TEI.glob("*/*.xml")) if REAL_TEI.exists() else []
READABLE = FILES  # the CMIF templates too: a placeholder xml:id does not stop rendering
TEI = "{http://www.tei-c.org/ns/1.0}"

pytestmark = pytest.mark.skipif(not FILES, reason=f"real TEI not found at {REAL_TEI} (set TEIKIT_SHARED)")


@pytest.fixture(scope="module")
def site() -> Path:
    out, report = built("real")
    assert report.failures == []
    return out


def words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s))


def body_words(path: Path) -> set[str]:
    body = parse_xml(path).getroot().find(f"{TEI}text/{TEI}body")
    return words(" ".join(body.itertext()))


def test_every_readable_file_renders_without_an_error(site):
    assert sorted(p.stem for p in (site / "documents").glob("*.html")) == sorted(f.stem for f in READABLE)


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.stem)
def test_no_word_of_the_body_is_lost(site, path):
    rendered = page(site, f"documents/{path.stem}.html")
    shown = words(text(rendered.xpath("//div[@class='document-text']")[0]))
    shown |= {w for title in rendered.xpath("//@title") for w in words(title)}  # originals of choices, readings
    shown |= words(" ".join(rendered.xpath("//section[@class='apparatus']//text()")))
    missing = {w for w in body_words(path) - shown if not any(w in s for s in shown)}
    assert missing == set()


def test_apparatus_shows_the_lemma_in_the_text_and_the_readings_in_a_note(site):
    tree = page(site, "documents/testapp.html")
    assert "blood and butchery" in text(tree.xpath("//div[@class='document-text']")[0])
    entry = tree.xpath("//section[@class='apparatus']//li")[0]
    assert text(entry) == "a butchery gp] bûchers fr ↩"
    marker = tree.xpath("//a[@class='appref']")[0]
    assert marker.get("href") == "#" + entry.get("id")


def test_verse_is_laid_out_line_by_line(site):
    tree = page(site, "documents/test.html")
    stanzas = tree.xpath("//div[contains(@class, 'lg')]")
    assert stanzas and all(s.xpath("div[contains(@class, ' l') or starts-with(@class, 'l')]") for s in stanzas)


def test_tables_become_tables(site):
    tree = page(site, "documents/test.html")
    table = tree.xpath("//main//table")[0]
    assert table.xpath(".//tr") and table.xpath(".//td | .//th")


def test_drama_shows_speakers_and_speeches(site):
    tree = page(site, "documents/test.html")
    speech = tree.xpath("//div[contains(@class, 'sp')][div[contains(@class, 'speaker')]]")
    assert speech


def test_diary_is_dated_by_the_date_its_text_opens_with(site):
    tree = page(site, "documents/entry__1880-06-27.html")
    assert tree.xpath("string(//div[dt='Date']//time/@datetime)") == "1880-06-27"


def test_documents_that_do_not_declare_their_language_get_the_language_parameter():
    diary = REAL_TEI / "schnitzler-tagebuch" / "entry__1880-06-27.xml"
    out = scratch("language")
    assert write_html([diary], out, {}, None).failures == []
    assert page(out, "documents/entry__1880-06-27.html").get("lang") == "en"
    assert write_html([diary], out, {"language": "de"}, None).failures == []
    assert page(out, "documents/entry__1880-06-27.html").get("lang") == "de"


def test_names_pointing_to_authority_files_link_there(site):
    tree = page(site, "documents/entry__1880-06-27.html")
    assert any(href.startswith("http://d-nb.info/gnd/") for href in tree.xpath("//main//a[contains(@class, 'name')]/@href"))


def test_documents_are_listed_in_chronological_order(site):
    dates = page(site, "index.html").xpath("//tbody/tr/td[@class='date']//@datetime")
    assert dates == sorted(dates) and len(dates) >= 5

"""TEI from other projects (../shared/reference/real-tei/) renders to PDF, nothing lost.

Unknown elements fall back to their content; the critical apparatus shows the lemma in
the text and the readings in a footnote; verse keeps its lines, tables their cells,
drama its speakers. The two CMIF templates (xml:id="[UUID]", not an NCName) render too:
an invalid id is the validator's business.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import SHARED
from fixtures.pdf.pdftext import missing_words, pdf_text

from teikit.writers.pdf import write_pdf
from teikit.xmlio import XMLInputError, parse_xml

REAL_TEI = SHARED / "reference" / "real-tei"
FILES = sorted(REAL_TEI.glob("*/*.xml")) if REAL_TEI.is_dir() else []
TEMPLATES = {"cmif-digital-edition.xml", "cmif-printed-edition.xml"}
RENDERABLE = [f for f in FILES if f.name not in TEMPLATES]  # the templates have placeholder text


def no_font_for(word: str) -> bool:
    """Chinese and Japanese: no font bundled with Typst has them (see font-path)."""
    return any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")) for c in word)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    if not FILES:
        pytest.skip(f"real TEI not found at {REAL_TEI} (set TEIKIT_SHARED to the shared reference folder)")
    out = tmp_path_factory.mktemp("real-tei")
    return out, write_pdf(FILES, out, {}, None)


def unreadable() -> dict[str, str]:
    """The files teikit.xmlio refuses, with its message (today the two CMIF templates)."""
    refused = {}
    for f in FILES:
        try:
            parse_xml(f)
        except XMLInputError as err:
            refused[f.name] = str(err)
    return refused


def test_every_file_the_parser_accepts_renders_and_the_others_are_reported(rendered):
    _out, report = rendered
    refused = unreadable()
    assert set(refused) <= TEMPLATES
    assert sorted(p.name for p in report.written) == sorted(
        [f.stem + ".pdf" for f in FILES if f.name not in refused] + ["edition.pdf"])
    assert {f.document.name: f.message for f in report.failures} == refused


@pytest.mark.parametrize("document", RENDERABLE, ids=lambda p: p.stem)
def test_every_word_of_the_body_is_in_the_pdf(rendered, document):
    out, _ = rendered
    missing = missing_words(parse_xml(document).getroot(), out / f"{document.stem}.pdf")
    assert [w for w in missing if not no_font_for(w)] == []


def text_of(rendered, name: str) -> str:
    out, _ = rendered
    return pdf_text(out / f"{name}.pdf")


def test_the_apparatus_keeps_the_lemma_in_the_text_and_the_readings_in_a_footnote(rendered):
    text = " ".join(text_of(rendered, "testapp").split())
    # <app><lem wit="#gp">butchery</lem> <rdg wit="#fr">bûchers</rdg></app>
    assert re.search(r"blood and butchery1\. .*1 butchery\] gp bûchers fr", text)


def test_verse_keeps_its_lines(rendered):
    lines = [line.strip() for line in text_of(rendered, "entry__1880-06-27").splitlines()]
    assert "Mit blasser Miene dieses Leben an ―" in lines
    assert "Ich weiss nicht recht was mich erfreuen soll," in lines


def test_drama_keeps_its_speakers_and_tables_their_cells(rendered):
    lines = [line.strip() for line in text_of(rendered, "test").splitlines()]
    assert "Roderigo" in lines and "Where shall we meet i' the morning?" in lines
    assert "Effect Example" in lines and "emph This is emph tag" in lines


def test_forme_work_and_original_page_numbers_stay_in_the_margin(rendered):
    text = text_of(rendered, "entry__1880-06-27")
    assert "1880: VI 27" in text and re.search(r"(^|\s)67(\s|$)", text)

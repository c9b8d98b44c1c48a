"""Plain text writer on TEI from other projects (../shared/reference/real-tei/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SHARED
from teikit.writers.text import write_text
from teikit.xmlio import parse_xml

REAL_TEI = SHARED / "reference" / "real-tei"
TEI = "{http://www.tei-c.org/ns/1.0}"
# Every file, the CMIF SIG's two templates included (their placeholder xml:id="[UUID]" is a
# validity error for the validator, not a reason not to render).
FILES = sorted(REAL_TEI.glob("*/*.xml")) if REAL_TEI.exists() else []
READABLE = FILES

pytestmark = pytest.mark.skipif(not FILES, reason=f"real TEI not found at {REAL_TEI}")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("real-tei")
    report = write_text(FILES, out, {}, None)
    assert report.failures == []
    return {path.stem: path.read_text(encoding="utf-8") for path in report.written}


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def output_words(text: str) -> set[str]:
    """Words of the output with the editorial brackets taken out ("hyn\\t/kyh" is "hyntkyh")."""
    return words(re.sub(r"[⟦⟧\[\]\\/()]|\(\?\)", "", text))


def lost(body: set[str], output: set[str]) -> set[str]:
    """Body words found in no output word. A body word may be part of one: TEI splits words
    across elements (emph<emph>asis</emph>, hyn<add>t</add>kyh, axt<gap/>š)."""
    missing = body - output
    return {w for w in missing if not any(w in o for o in output)}


def body_words(path: Path) -> set[str]:
    """Words of text/body; forme work (running heads, page numbers: fw) is not the text."""
    body = parse_xml(path).getroot().find(f"{TEI}text/{TEI}body")
    for fw in list(body.iter(f"{TEI}fw")):
        if fw.getparent() is not None:
            fw.getparent().remove(fw)
    return words(" ".join(body.itertext()))


def test_every_readable_file_renders_without_an_error(rendered):
    assert sorted(rendered) == sorted(f.stem for f in READABLE)


def test_a_file_that_is_not_well_formed_fails_with_one_line_naming_it(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_bytes((REAL_TEI / "tei-stylesheets-tests" / "testapp.xml").read_bytes()[:-20])
    out = tmp_path / "out"
    report = write_text([broken, REAL_TEI / "tei-stylesheets-tests" / "testapp.xml"], out, {}, None)
    [failure] = report.failures
    assert failure.message.count("\n") == 0
    assert failure.message.startswith(str(broken)) and "not well-formed" in failure.message
    assert [p.name for p in out.iterdir()] == ["testapp.txt"]


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_no_word_of_the_body_is_lost(rendered, path):
    assert lost(body_words(path), output_words(rendered[path.stem])) == set()


def test_apparatus_shows_the_lemma_in_the_text_and_the_readings_in_a_note(rendered):
    text = rendered["testapp"]
    assert "by blood and butchery[1]." in text
    assert text.split("Notes\n\n")[1].strip() == "[1] butchery gp] bûchers fr"


def test_apparatus_without_lemma_shows_the_first_reading_and_notes_the_others(rendered):
    notes = rendered["testapp2"].split("Notes\n\n")[1]
    assert "[2] paouruiiē Pt4] paouruiiō F2; paōiriiō J2; paouriiē M1" in notes


def test_verse_has_one_line_per_l_and_a_stanza_per_lg(rendered):
    text = rendered["entry__1880-06-27"]
    assert "„mich sieht ― obwohl ich noch an Jahrem jung\nMit blasser Miene dieses Leben an ―\n" in text


def test_tables_have_a_row_per_line_with_cells_separated(rendered):
    assert "\nEffect | Example\nhi | This is hi rend=\"special\" tag\nemph | This is emph tag\n" in rendered["test"]


def test_drama_lays_out_speaker_and_speech(rendered):
    assert "\n\nRoderigo\n    Where shall we meet i' the morning?\n\nIago\n    At my lodging.\n" in rendered["test"]


def test_unknown_elements_fall_back_to_their_content(rendered):
    # soCalled, mentioned, term and gloss have no template of their own in text/ (bar quotes)
    assert "(a technical term)" in " ".join(rendered["test"].split())


def test_abbreviations_are_expanded_with_the_expansion_in_parentheses(rendered):
    assert "pariat detrimentu(m)." in " ".join(rendered["ms"].split())


def test_name_parts_are_not_run_together(rendered):
    assert "Author: Charles Dickens" in rendered["test"]

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
# The CMIF SIG's two templates hold placeholder ids (xml:id="[UUID]"): not well-formed for
# an XML parser that checks xml:id, so they are unreadable input, reported as such.
TEMPLATES = {"cmif-digital-edition.xml", "cmif-printed-edition.xml"}
FILES = sorted(REAL_TEI.glob("*/*.xml")) if REAL_TEI.exists() else []
READABLE = [f for f in FILES if f.name not in TEMPLATES]

pytestmark = pytest.mark.skipif(not FILES, reason=f"real TEI not found at {REAL_TEI}")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("real-tei")
    report = write_text(FILES, out, {}, None)
    assert sorted(Path(str(f.document)).name for f in report.failures) == sorted(TEMPLATES)
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


def test_the_templates_fail_with_one_line_naming_the_file(tmp_path):
    report = write_text([f for f in FILES if f.name in TEMPLATES], tmp_path, {}, None)
    assert [f.message.count("\n") for f in report.failures] == [0, 0]
    assert all("not well-formed" in f.message and f.message.startswith(str(f.document)) for f in report.failures)
    assert list(tmp_path.iterdir()) == []


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

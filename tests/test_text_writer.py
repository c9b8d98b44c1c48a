"""Plain text writer: the reading text of teikit's own documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from render_support import EDITION, REGISTERS, RENDER, tei
from teikit.writers.render import output_names
from teikit.writers.text import check_params, write_text

LENIN = ROOT / "tei" / "1918-06-02-lenin-to-joffe.xml"
SEREBRYAKOV = ROOT / "tei" / "1926-03-27-serebryakov-to-stalin.xml"
TROTSKY = ROOT / "tei" / "1938-03-02-trotsky-krestinskys-repudiation.xml"


def render(path: Path, tmp_path: Path, **params: str) -> str:
    report = write_text([path], tmp_path, params, None)
    assert not report.failures, report.failures
    return report.written[0].read_text(encoding="utf-8")


def render_xml(xml: str, tmp_path: Path, **params: str) -> str:
    source = tmp_path / "doc.xml"
    source.write_text(xml, encoding="utf-8")
    return render(source, tmp_path / "out", **params)


@pytest.fixture(scope="module")
def lenin(tmp_path_factory) -> str:
    return render(LENIN, tmp_path_factory.mktemp("text"))


def test_header_has_title_author_recipient_date_and_source(lenin):
    head = lenin.split("\n\n")[:2]
    assert head[0] == "V. I. Lenin to A. A. Joffe, 2 June 1918\n" + "=" * 39
    assert head[1].splitlines() == [
        "Author: V. I. Lenin",
        "Recipient: A. A. JOFFE",
        "Date: 2 June 1918 (1918-06-02)",
        "Source: Lenin Collected Works, Progress Publishers, 1975, Moscow, Volume 44, pages 98b-99a.",
    ]


def test_paragraphs_are_separated_by_an_empty_line(lenin):
    assert "\n\nThe friction between you and Chicherin is sometimes used—unconsciously rather than consciously—as a means towards intensifying this friction.\n\n" in lenin


def test_note_markers_stand_where_the_notes_stood_and_notes_follow_numbered(lenin):
    assert "Larin, too, I believe.[1] I take this opportunity" in lenin
    assert "but not by post.[2]" in lenin
    notes = lenin.split("\n\nNotes\n\n")[1]
    assert notes.startswith("[1] Sokolnikov, Bukharin and Larin went to Berlin")
    assert "\n[2] Evidently this refers to Lenin’s letter" in notes


def test_notes_none_leaves_out_markers_and_notes(tmp_path):
    text = render(LENIN, tmp_path, notes="none")
    assert "[1]" not in text and "Notes" not in text and "Sokolnikov, Bukharin and Larin went" not in text


def test_supplied_text_keeps_its_editorial_brackets(tmp_path):
    assert "the opposition [19]23, then how" in render(SEREBRYAKOV, tmp_path)


def test_width_wraps_every_line_and_indents_continued_notes(tmp_path):
    text = render(LENIN, tmp_path, width="60")
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "\n    delegation" in text.split("Notes")[1] or re.search(r"\n {4}\S", text.split("Notes")[1])
    assert " ".join(render(LENIN, tmp_path / "w").split()) == " ".join(text.split())


def test_a_word_longer_than_the_width_stands_alone_unbroken(tmp_path):
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2
    text = render_xml(tei(f"<p>short words {word} and more</p>"), tmp_path, width="30", header="none")
    assert text.splitlines() == ["short words", word, "and more"]


def test_layout_lines_puts_each_paragraph_on_one_line_without_empty_lines(tmp_path):
    text = render(LENIN, tmp_path, layout="lines", header="none", notes="none")
    lines = text.splitlines()
    assert "" not in lines
    assert lines[:2] == ["2/VI. 1918", "Comrade Joffe,"]
    assert lines[2].startswith("Sokolnikov and Bukharin") and lines[2].endswith("to Berlin”.")


def test_drama_puts_the_speaker_on_a_line_and_the_speech_indented_below(tmp_path):
    text = render(TROTSKY, tmp_path)
    assert "\n\n    GOLDMAN\n        Do you care to give us any opinion" in text


def test_output_is_utf8_with_no_markup_left(tmp_path):
    for doc in sorted((ROOT / "tei").glob("*.xml")):
        text = render(doc, tmp_path)
        assert not re.search(r"</?[A-Za-z][\w:.-]*[\s/>]", text), doc.name
        assert "&amp;" not in text and "&lt;" not in text


@pytest.mark.parametrize(
    "markup, shown",
    [
        ("<unclear>over</unclear>", "over(?)"),
        ('<gap reason="illegible"/>', "[...]"),
        ("<del>old</del> <add>new</add>", "⟦old⟧ \\new/"),
        ("<choice><sic>teh</sic><corr>the</corr></choice>", "the[1]"),
        ("<choice><abbr>Dr</abbr><expan>D<ex>octo</ex>r</expan></choice>", "D(octo)r"),
        ("<app><lem wit='#A'>lemma</lem><rdg wit='#B'>variant</rdg></app>", "lemma[1]"),
        ("<q>quoted</q>", "“quoted”"),
    ],
)
def test_editorial_markup_follows_the_usual_conventions(tmp_path, markup, shown):
    text = render_xml(tei(f"<p>before {markup} after</p>"), tmp_path, header="none")
    assert text.startswith(f"before {shown} after")


def test_choice_original_and_apparatus_readings_go_to_the_notes(tmp_path):
    body = "<p><choice><sic>teh</sic><corr>the</corr></choice> and <app><lem wit='#A'>lemma</lem><rdg wit='#B #C'>variant</rdg><rdg wit='#D'/></app></p>"
    notes = render_xml(tei(body), tmp_path).split("Notes\n\n")[1]
    assert notes.splitlines() == ["[1] the] sic: teh", "[2] lemma A] variant B C; om. D"]


def test_registers_are_available_to_the_text_stylesheet(tmp_path):
    report = write_text([EDITION / "1918-06-02-lenin-to-joffe.xml"], tmp_path, {}, REGISTERS)
    assert not report.failures
    assert "Chicherin is a splendid worker.[1]" in report.written[0].read_text(encoding="utf-8")


def test_a_broken_register_file_is_reported_and_the_documents_still_rendered(tmp_path):
    registers = tmp_path / "registers"
    registers.mkdir()
    (registers / "persons.xml").write_text("<TEI><listPerson>", encoding="utf-8")
    report = write_text([EDITION / "1918-06-02-lenin-to-joffe.xml"], tmp_path / "out", {}, registers)
    [failure] = report.failures
    assert failure.message.startswith(f"{registers / 'persons.xml'}:") and "without registers" in failure.message
    assert [p.name for p in report.written] == ["1918-06-02-lenin-to-joffe.txt"]


@pytest.mark.parametrize(
    "params, problem",
    [({"notes": "footnotes"}, "notes="), ({"width": "abc"}, "width="), ({"width": "5"}, "width="), ({"layout": "verse"}, "layout=")],
)
def test_bad_parameter_values_are_named(params, problem):
    assert any(problem in p for p in check_params(params))


def test_good_parameter_values_pass():
    assert check_params({"notes": "none", "width": "72", "layout": "lines", "header": "none", "pages": "mark"}) == []


def test_pages_mark_shows_page_breaks(tmp_path):
    text = render(ROOT / "tei" / "1934-12-31-maisky-diary.xml", tmp_path, pages="mark")
    assert "Soviet Union and [p. 59] insisted" in text


def test_a_document_that_is_not_tei_fails_with_a_clear_message(tmp_path):
    source = tmp_path / "other.xml"
    source.write_text("<html><body>hi</body></html>", encoding="utf-8")
    report = write_text([source], tmp_path / "out", {}, None)
    assert len(report.failures) == 1 and report.written == []
    assert "not a TEI document: the root element is html" in report.failures[0].message
    assert report.failures[0].message.startswith(str(source))


def test_a_tei_corpus_renders_each_document_with_its_own_notes(tmp_path):
    one = tei('<p>first<note>note one</note></p>').replace('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">', "<TEI>")
    two = tei('<p>second<note>note two</note></p>').replace('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">', "<TEI>")
    corpus = f'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">{tei().split("<text>")[0].split(">", 1)[1]}{one}{two}</teiCorpus>'
    text = render_xml(corpus, tmp_path, header="none")
    assert "first[1]" in text and "second[1]" in text
    assert text.count("[1] note one") == 1 and text.count("[1] note two") == 1


def test_layout_lines_never_wraps(tmp_path):
    text = render(LENIN, tmp_path, layout="lines", width="40")
    assert any(len(line) > 200 for line in text.splitlines())


def test_documents_with_the_same_name_in_different_folders_get_distinct_outputs(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "letter.xml").write_text(tei(f"<p>from {folder}</p>"), encoding="utf-8")
    report = write_text([tmp_path / "a" / "letter.xml", tmp_path / "b" / "letter.xml"], tmp_path / "out", {}, None)
    assert sorted(p.name for p in report.written) == ["a-letter.txt", "b-letter.txt"]
    assert "from b" in (tmp_path / "out" / "b-letter.txt").read_text(encoding="utf-8")


def test_a_registers_string_given_to_the_writer_is_never_read_as_a_folder(tmp_path):
    """Only the parsed registers document reaches the stylesheet; a URI the caller passes is dropped."""
    evil = tmp_path / "evil"
    evil.mkdir()
    (evil / "persons.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson><person xml:id="chicherin">'
        '<persName type="preferred">SECRET-CONTENT</persName></person></listPerson></body></text></TEI>', encoding="utf-8")
    mine = RENDER / "override" / "names-from-registers.xsl"
    report = write_text([EDITION / "1918-06-02-lenin-to-joffe.xml"], tmp_path / "out", {"registers": evil.as_uri() + "/"}, None, stylesheet=mine)
    assert not report.failures, report.failures
    assert "SECRET-CONTENT" not in report.written[0].read_text(encoding="utf-8")


def test_documents_with_the_same_folder_and_file_name_get_distinct_files(tmp_path):
    sources = [tmp_path / "a" / "x" / "doc.xml", tmp_path / "b" / "x" / "doc.xml", tmp_path / "c" / "y" / "Doc.xml"]
    for n, source in enumerate(sources):
        source.parent.mkdir(parents=True)
        source.write_text(tei(f"<p>text {n}</p>"), encoding="utf-8")
    report = write_text(sources, tmp_path / "out", {"header": "none"}, None)
    assert not report.failures
    assert [p.name for p in report.written] == ["x-doc.txt", "x-doc-2.txt", "y-Doc.txt"]
    assert [p.read_text(encoding="utf-8").strip() for p in report.written] == ["text 0", "text 1", "text 2"]


def test_output_names_leave_the_writers_own_names_free():
    names = output_names([Path("/e/edition.xml"), Path("/e/other.xml")], ".pdf", reserved=("edition",))
    assert list(names.values()) == ["edition-2.pdf", "other.pdf"]

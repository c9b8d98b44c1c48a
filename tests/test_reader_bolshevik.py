"""The "Bolshevik leadership. Correspondence 1912-1927" reader (machine-translated pages)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES, RAW, assert_valid_tei
from lxml import etree

from teikit.builder import build_tei
from teikit.conservation import lost_words
from teikit.model import ReadResult
from teikit.readers import detect_reader
from teikit.readers.bolshevik import READER, looks_like_bolshevik_page, repetition_warnings

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
SAMPLE = RAW / "1926-03-27-serebryakov-to-stalin.bolshevik.txt"
HERE = FIXTURES / "bolshevik"
TWO_DOCS = HERE / "two-documents-shared-notes.txt"
ROMAN = HERE / "roman-date-and-number-markers.txt"
NO_YEAR = HERE / "roman-date-without-year.txt"
TELEGRAM = HERE / "telegram-without-site-header.txt"
PREFACE = HERE / "compilers-preface.txt"
JOINT = HERE / "joint-letter-number-markers.txt"
PAGES = [SAMPLE, *sorted(HERE.glob("*.txt"))]
OTHER_FAMILIES = sorted(p for p in RAW.glob("*.txt") if p != SAMPLE) + sorted(
    p for p in FIXTURES.glob("*/*.txt") if p.parent.name not in {"bolshevik", "trotsky_archive"}
)


@cache
def read(path: Path) -> tuple[str, ReadResult, list[etree._Element]]:
    text = path.read_text(encoding="utf-8")
    result = READER.read(text)
    return text, result, [build_tei(doc, f"d{i}", path.name) for i, doc in enumerate(result.documents)]


def tei(path: Path, k: int = 0) -> etree._Element:
    return read(path)[2][k]


def xp(node: etree._Element, expr: str):
    return node.xpath(expr, namespaces=NS)


def words(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


# -- detection ---------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_of_the_collection_are_recognised(page):
    assert looks_like_bolshevik_page(page.read_text(encoding="utf-8"))


def test_page_without_menu_and_collection_title_is_recognised_by_heading_and_archival_reference():
    text = TELEGRAM.read_text(encoding="utf-8")
    assert "Home Page" not in text and "Bolshevik leadership" not in text
    assert looks_like_bolshevik_page(text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_importer_detection_picks_this_reader(page):
    assert detect_reader(page.read_text(encoding="utf-8")).name == "bolshevik-correspondence"


@pytest.mark.parametrize("page", OTHER_FAMILIES, ids=lambda p: p.name)
def test_pages_of_other_families_are_not_recognised(page):
    assert not looks_like_bolshevik_page(page.read_text(encoding="utf-8"))


def test_heading_without_archival_reference_is_not_enough():
    assert not looks_like_bolshevik_page("I. V. Stalin to L. B. Kamenev\nMarch 1, 1926\nText of a letter.\n")


# -- header ------------------------------------------------------------------


def test_author_and_recipient_are_the_heading_names_as_written():
    root = tei(SAMPLE)
    assert xp(root, "string(//tei:titleStmt/tei:author/tei:persName)") == "L. P. Serebryakov"
    assert xp(root, "string(//tei:correspAction[@type='sent']/tei:persName)") == "L. P. Serebryakov"
    assert xp(root, "string(//tei:correspAction[@type='received']/tei:persName)") == "I. V. Stalin"


def test_title_joins_heading_and_date():
    assert xp(tei(SAMPLE), "string(//tei:titleStmt/tei:title)") == "L. P. Serebryakov to I. V. Stalin, March 27, 1926"


def test_editors_date_becomes_the_iso_creation_date():
    (date,) = xp(tei(SAMPLE), "//tei:creation/tei:date")
    assert (date.text, date.get("when")) == ("March 27, 1926", "1926-03-27")


def test_archival_reference_is_split_into_its_parts():
    (ms,) = xp(tei(SAMPLE), "//tei:sourceDesc/tei:msDesc")
    assert xp(ms, "string(.//tei:repository)") == "RTSKHIDNI"
    assert xp(ms, "string(.//tei:collection)") == "F. 85. Op. 1/S."
    assert xp(ms, "string(.//tei:idno)") == "D. 171. L. 1."
    assert xp(ms, "string(tei:physDesc/tei:p)") == "Uncertified typewritten copy."


def test_collection_title_lines_become_one_print_source_with_title_date_and_compilers():
    (bibl,) = xp(tei(SAMPLE), "//tei:sourceDesc/tei:bibl[@type='print-source']")
    assert xp(bibl, "string(tei:title)") == "Bolshevik leadership Correspondence. 1912-1927"
    assert xp(bibl, "string(tei:date/@when)") == "1996"
    assert [e.text for e in xp(bibl, "tei:editor")] == ["A.V.Kvashonkin", "L.P.Kosheleva", "L.A.Rogovaya", "O.V.Khlevnyuk"]
    assert "Compiled by:" in words(bibl)


def test_site_section_line_is_kept_as_web_source():
    assert xp(tei(SAMPLE), "string(//tei:bibl[@type='web-source'])").strip() == "Stalin Correspondences"


def test_site_menu_is_dropped_as_navigation():
    _, result, (root,) = read(SAMPLE)
    assert [d.reason for d in result.dropped if "Home Page" in d.text] == ["site menu"]
    assert "Home Page" not in words(root)


def test_document_number_in_the_collection_is_a_bibl_scope():
    assert xp(tei(ROMAN), "string(//tei:bibl[@type='print-source']/tei:biblScope[@unit='entry'])") == "No. 7"


def test_publication_after_the_archival_reference_is_a_first_publication_bibl():
    (bibl,) = xp(tei(TWO_DOCS, 1), "//tei:bibl[@type='first-publication']")
    assert xp(bibl, "string(tei:title)") == "Izvestia TsK KPSS"
    assert xp(bibl, "string(tei:date/@when)") == "1990"
    assert xp(tei(TWO_DOCS, 1), "string(//tei:msDesc//tei:idno)") == "D. 685. Ll. 5-6 ob."


# -- letter text ---------------------------------------------------------------


def test_comrade_salute_and_communist_closing():
    root = tei(SAMPLE)
    assert xp(root, "string(//tei:opener/tei:salute)") == "T. Stalin!"
    assert xp(root, "string(//tei:closer/tei:salute)") == "With communist greetings"
    assert xp(root, "string(//tei:closer/tei:signed)") == "Serebryakov."


def test_date_repeated_at_the_end_is_the_closer_dateline():
    (date,) = xp(tei(SAMPLE), "//tei:closer/tei:dateline/tei:date")
    assert (date.text, date.get("when")) == ("March 27, 1926", "1926-03-27")


def test_machine_translation_artefacts_stay_as_written():
    assert "under the leadership of the Central Committee .. This proposal" in words(tei(SAMPLE))


def test_supplied_words_and_century():
    assert [s.text for s in xp(tei(SAMPLE), "//tei:body//tei:supplied")] == ["and", "19", "19"]


# -- notes ------------------------------------------------------------------


def test_note_without_marker_is_kept_at_the_end():
    root = tei(SAMPLE)
    (note,) = xp(root, "//tei:note[@type='footnote']")
    assert xp(note, "ancestor::tei:back") and note.get("n") == "1"
    assert xp(note, "string(tei:label)") == "one"
    assert words(note).endswith("refuse to talk,")


def test_number_markers_of_the_machine_translation_anchor_their_notes():
    root = tei(ROMAN)
    notes = xp(root, "//tei:body//tei:note[@type='footnote']")
    assert [n.get("n") for n in notes] == ["1", "2", "3", "4"]
    assert xp(notes[0], "ancestor::tei:salute")  # "Dear Vladimir Ilyich! one"
    assert words(notes[1].getparent()).startswith("I received your parcel with the newspapers and the articles")
    assert not xp(root, "//tei:back")


def test_a_real_number_is_not_taken_for_a_marker():
    assert "each time 4 or 5 comrades were taken" in words(tei(ROMAN))
    assert "I repeat the 2 points of my proposal" in words(tei(TWO_DOCS, 1))


def test_markers_printed_out_of_order_are_anchored():
    root = tei(JOINT)
    assert [n.get("n") for n in xp(root, "//tei:body//tei:note[@type='footnote']")] == ["1", "2", "3", "5", "4", "6"]
    assert not xp(root, "//tei:back")


def test_greeting_salute_holding_a_marker():
    assert xp(tei(JOINT), "string(//tei:opener/tei:salute)").startswith("Hello, dear Grigory!")


def test_only_a_marker_spelled_as_a_word_goes_in_the_drop_ledger():
    _, result, _ = read(ROMAN)
    markers = [d.text for d in result.dropped if d.reason.startswith("footnote marker")]
    assert markers == ["one"]


# -- variations -----------------------------------------------------------------


def test_repeated_passage_is_kept_and_reported():
    _, result, (root,) = read(SAMPLE)
    (warning,) = [w for w in result.warnings if w.startswith("repeated passage")]
    assert "3 times" in warning and '"Pyatakov and Radek. They expressed' in warning
    assert words(root).count("It is best to agree on the time and place with Comrade Pyatakov.") == 3


def test_a_passage_shorter_than_twelve_words_is_not_a_repetition():
    text = "one two three four five six seven eight nine ten eleven"
    assert repetition_warnings([text, text]) == []
    assert len(repetition_warnings([text + " twelve", "and", text + " twelve"])) == 1


def test_a_page_with_two_documents_gives_two_documents():
    _, result, roots = read(TWO_DOCS)
    assert [d.title for d in result.documents] == [
        "G. E. Zinoviev, L. B. Kamenev to I. V. Stalin and V. M. Molotov, Tiflis, October 14, 1923",
        "L. D. Trotsky (Bronstein) to the Politburo, October 15, 1923",
    ]
    assert [xp(r, "string(//tei:msDesc//tei:repository)") for r in roots] == ["APRF", "RGASPI"]


def test_shared_notes_go_to_the_document_holding_their_marker():
    first, second = tei(TWO_DOCS, 0), tei(TWO_DOCS, 1)
    assert [n.get("n") for n in xp(first, "//tei:body//tei:note")] == ["1"]
    assert [n.get("n") for n in xp(second, "//tei:body//tei:note")] == ["3"]


def test_unmarked_shared_note_stays_with_the_first_document_and_is_reported():
    _, result, (first, second) = read(TWO_DOCS)
    assert [n.get("n") for n in xp(first, "//tei:back//tei:note")] == ["2"]
    assert not xp(second, "//tei:back")
    assert any("2" in w and "first" in w for w in result.documents[0].warnings)


def test_telegram_with_several_signatories_and_a_place():
    _, result, (root, _) = read(TWO_DOCS)
    doc = result.documents[0]
    assert doc.doc_type == "telegram"
    assert [p.name for p in doc.authors] == ["G. E. Zinoviev", "L. B. Kamenev"]
    assert [p.name for p in doc.recipients] == ["I. V. Stalin", "V. M. Molotov"]
    assert xp(root, "string(//tei:creation/tei:placeName)") == "Tiflis"


def test_pseudonym_in_brackets_is_the_persons_note():
    (author,) = read(TWO_DOCS)[1].documents[1].authors
    assert (author.name, author.note) == ("L. D. Trotsky", "Bronstein")


def test_organisation_as_recipient():
    assert [p.name for p in read(TWO_DOCS)[1].documents[1].recipients] == ["the Politburo"]


def test_dash_heading_gives_sender_and_recipient():
    doc = read(ROMAN)[1].documents[0]
    assert ([p.name for p in doc.authors], [p.name for p in doc.recipients]) == (["S. G. Shaumyan"], ["V. I. Lenin"])


def test_bracketed_year_in_the_editors_date():
    (date,) = xp(tei(ROMAN), "//tei:creation/tei:date")
    assert (date.text, date.get("when")) == ("December 20 [1914]", "1914-12-20")


def test_roman_numeral_dateline_takes_the_year_of_the_editors_date():
    (date,) = xp(tei(ROMAN), "//tei:opener/tei:dateline/tei:date")
    assert (date.text, date.get("when")) == ("20/XII.", "1914-12-20")


def test_date_without_a_year_is_kept_and_no_date_is_invented():
    _, result, (root,) = read(NO_YEAR)
    assert result.documents[0].date is None
    assert not xp(root, "//tei:creation")
    assert xp(root, "string(//tei:notesStmt/tei:note)") == "20/XII."
    assert any("20/XII." in w for w in result.warnings)


def test_note_line_beginning_with_a_name_does_not_open_a_document():
    _, result, _ = read(NO_YEAR)
    assert len(result.documents) == 1 and len(result.documents[0].notes) == 1


def test_telegram_formula_at_the_start_of_the_text_makes_a_telegram():
    assert read(TELEGRAM)[1].documents[0].doc_type == "telegram"


def test_date_window_prior_to():
    (date,) = xp(tei(TELEGRAM), "//tei:creation/tei:date")
    assert (date.get("notAfter"), date.get("when")) == ("1916-11-25", None)


def test_page_without_document_heading_is_one_document():
    _, result, (root,) = read(PREFACE)
    (doc,) = result.documents
    assert (doc.doc_type, doc.title) == ("document", "FROM THE COMPILERS")
    assert xp(root, "string(//tei:body//tei:head)") == "FROM THE COMPILERS"
    assert len(xp(root, "//tei:body//tei:note[@type='footnote']")) == 1


# -- every page ------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_word_of_the_page_is_kept(page):
    text, result, roots = read(page)
    assert lost_words(text, result.dropped, roots) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_output_is_valid_tei(page, tei_all):
    for root in read(page)[2]:
        assert_valid_tei(tei_all, root)

"""The Leon Trotsky Internet Archive reader (breadcrumb, catalogue line, bracketed source)."""

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
from teikit.readers.trotsky_archive import READER, compact_date, looks_like_trotsky_archive_page, salute_addressee

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
SAMPLE = RAW / "1938-03-02-trotsky-krestinsky.trotsky-archive.txt"
HERE = FIXTURES / "trotsky_archive"
CATALOGUE_ONLY = HERE / "catalogue-title-only-footnotes.txt"
LETTER = HERE / "letter-month-date-notes.txt"
EDITORS = HERE / "letter-to-the-editors-source-after-text.txt"
DISAGREES = HERE / "catalogue-date-disagrees-quotation.txt"
OUT_OF_ORDER = HERE / "article-place-date-footnotes-out-of-order.txt"
DEAR_COMRADE = HERE / "letter-dear-comrade-month-postscript.txt"
INTERVIEW = HERE / "interview-several-speakers.txt"
OPEN_LETTER = HERE / "open-letter-title-colon-closing-dateline.txt"
GERMAN = HERE / "german-letter-dated-in-german.txt"
PAGES = [SAMPLE, *sorted(HERE.glob("*.txt"))]
OTHER_FAMILIES = sorted(p for p in RAW.glob("*.txt") if p != SAMPLE) + sorted(
    p for p in FIXTURES.glob("*/*.txt") if p.parent.name not in {"bolshevik", "trotsky_archive"}
)


@cache
def read(path: Path) -> tuple[str, ReadResult, etree._Element]:
    text = path.read_text(encoding="utf-8")
    result = READER.read(text)
    (doc,) = result.documents
    return text, result, build_tei(doc, "d1", path.name)


def tei(path: Path) -> etree._Element:
    return read(path)[2]


def xp(node: etree._Element, expr: str):
    return node.xpath(expr, namespaces=NS)


def words(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


# -- detection ---------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_of_the_archive_are_recognised(page):
    assert looks_like_trotsky_archive_page(page.read_text(encoding="utf-8"))


def test_catalogue_line_alone_is_recognised():
    assert looks_like_trotsky_archive_page("Leon Trotsky 19321100 Letter to an Unknown Comrade\n\nDear Comrade:\n")


def test_german_section_breadcrumb_is_recognised():
    assert looks_like_trotsky_archive_page("Leo Trotzki > 1928 > \n\nLeo Trotzki: Das Juli-Plenum des ZK\n")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_importer_detection_picks_this_reader(page):
    assert detect_reader(page.read_text(encoding="utf-8")).name == "trotsky-archive"


@pytest.mark.parametrize("page", OTHER_FAMILIES, ids=lambda p: p.name)
def test_pages_of_other_families_are_not_recognised(page):
    assert not looks_like_trotsky_archive_page(page.read_text(encoding="utf-8"))


def test_author_title_line_alone_is_not_enough():
    assert not looks_like_trotsky_archive_page("Leon Trotsky: The Class Nature of the Soviet State\n\nOctober 1933\n\nText.\n")


# -- header ------------------------------------------------------------------


def test_author_and_title_come_from_the_title_line():
    root = tei(SAMPLE)
    assert xp(root, "string(//tei:titleStmt/tei:author/tei:persName)") == "Leon Trotsky"
    assert xp(root, "string(//tei:titleStmt/tei:title)") == "Krestinsky's Repudiation"


def test_date_line_becomes_the_iso_creation_date():
    (date,) = xp(tei(SAMPLE), "//tei:creation/tei:date")
    assert (date.text, date.get("when")) == ("March 2, 1938", "1938-03-02")


def test_breadcrumb_is_dropped_as_navigation():
    _, result, _ = read(SAMPLE)
    assert {d.text: d.reason for d in result.dropped}["Leon Trotsky > 1938 >"] == "navigation breadcrumb"


def test_catalogue_line_that_repeats_title_and_date_is_dropped():
    _, result, _ = read(SAMPLE)
    reasons = {d.text: d.reason for d in result.dropped}
    assert reasons["Leon Trotsky 19380302 Krestinsky's Repudiation"] == "catalogue line repeating title and date"


def test_catalogue_line_that_disagrees_is_kept_and_reported():
    _, result, root = read(DISAGREES)
    assert not [d for d in result.dropped if "19360400" in d.text]
    assert xp(root, "string(//tei:notesStmt/tei:note/tei:date/@when)") == "1936-04"
    assert any("catalogue line" in w for w in result.warnings)


def test_bracketed_source_is_a_print_source_with_its_parts():
    (bibl,) = xp(tei(SAMPLE), "//tei:sourceDesc/tei:bibl[@type='print-source']")
    assert words(bibl) == "Writing of Leon Trotsky, Vol. 14, New York 1979, p 762 f."
    assert xp(bibl, "string(tei:title)") == "Writing of Leon Trotsky"
    assert xp(bibl, "string(tei:biblScope[@unit='volume'])") == "Vol. 14"
    assert xp(bibl, "string(tei:pubPlace)") == "New York"
    assert xp(bibl, "string(tei:date/@when)") == "1979"
    assert xp(bibl, "string(tei:biblScope[@unit='page'])") == "p 762 f."


def test_title_of_the_piece_in_the_printed_volume_and_page_range():
    (bibl,) = xp(tei(CATALOGUE_ONLY), "//tei:bibl[@type='print-source']")
    assert xp(bibl, "string(tei:title[@level='a'])") == "Before the Second Trial"
    page = xp(bibl, "tei:biblScope[@unit='page']")[0]
    assert (page.get("from"), page.get("to")) == ("170", "172")


def test_bracketed_source_after_the_text():
    root = tei(EDITORS)
    assert xp(root, "string(//tei:bibl[@type='print-source']/tei:biblScope[@unit='volume'])") == "Vol. 7"
    assert "Writing of Leon Trotsky" not in words(xp(root, "//tei:body")[0])


def test_other_bracketed_source_is_a_source_reference_with_its_date():
    (bibl,) = xp(tei(DISAGREES), "//tei:bibl[@type='source-reference']")
    assert xp(bibl, "string(tei:title)") == "La Vérité"
    assert xp(bibl, "string(tei:date/@when)") == "1936-05-15"


def test_title_only_on_the_catalogue_line():
    root = tei(CATALOGUE_ONLY)
    assert xp(root, "string(//tei:titleStmt/tei:title)") == "On the Eve of the Second Trial"
    assert xp(root, "string(//tei:titleStmt/tei:author/tei:persName)") == "Leon Trotsky"


def test_compact_date_supplies_a_missing_date_line():
    (date,) = xp(tei(CATALOGUE_ONLY), "//tei:creation/tei:date")
    assert (date.text, date.get("when")) == ("19370200", "1937-02")


def test_compact_date_with_day_or_month_zero():
    assert compact_date("19321100").when == "1932-11"
    assert compact_date("19320000").when == "1932"
    assert compact_date("19321300") is None


def test_month_only_date_line():
    assert xp(tei(LETTER), "string(//tei:creation/tei:date/@when)") == "1938-03"


def test_no_date_is_invented():
    text = "Leon Trotsky > 1938 > \n\nLeon Trotsky: An Undated Note\n\nThe text of the note.\n"
    assert READER.read(text).documents[0].date is None


def test_subtitle_in_brackets_is_kept_as_header_note():
    assert "(Preliminary remarks)" in [n.text for n in xp(tei(DISAGREES), "//tei:notesStmt/tei:note")]


def test_translated_by_line_is_a_responsibility():
    (resp,) = xp(tei(CATALOGUE_ONLY), "//tei:titleStmt/tei:respStmt")
    assert (xp(resp, "string(tei:resp)"), xp(resp, "string(tei:persName)")) == ("Translated from the Russian by", "John Fairlie")
    assert read(CATALOGUE_ONLY)[1].documents[0].responsibilities[0].role == "translator"


def test_transcribed_by_line_after_the_notes():
    assert xp(tei(LETTER), "string(//tei:respStmt/tei:persName)") == "Einde O'Callaghan"


def test_site_comments_link_is_dropped():
    _, result, root = read(CATALOGUE_ONLY)
    assert ("Kommentare", "site comments link") in [(d.text, d.reason) for d in result.dropped]
    assert "Kommentare" not in words(root)


def test_german_page_is_german():
    text = "Leo Trotzki > 1936 > \n\nLeo Trotzki: Brief an Leo Sedow\n\nLieber Ljowa,\n\nIch sende Dir den Brief.\n\nDein Papa\n"
    doc = READER.read(text).documents[0]
    assert (doc.lang, doc.doc_type, [p.name for p in doc.recipients]) == ("de", "letter", ["Leo Sedow"])


# -- text ------------------------------------------------------------------


def test_editorial_brackets_are_supplied():
    supplied = [s.text for s in xp(tei(SAMPLE), "//tei:body//tei:supplied")]
    assert supplied == ["current Moscow", "of The Case of Leon Trotsky", "after his capitulation"]


def test_quoted_dialogue_is_one_quote_with_a_speech_per_speaker():
    (quote,) = xp(tei(SAMPLE), "//tei:body//tei:quote")
    assert (quote.get("type"), quote.get("rend")) == ("dialogue", "double-quotes")
    assert [s.text for s in xp(quote, "tei:sp/tei:speaker")] == ["GOLDMAN", "TROTSKY"]


def test_quotation_marks_of_the_turns_are_stripped():
    turns = [words(p) for p in xp(tei(SAMPLE), "//tei:sp/tei:p")]
    assert turns[0].startswith("Do you care to give us any opinion")
    assert turns[1].startswith("Everything is possible.") and turns[1].endswith("and so forth.")


def test_article_is_an_article():
    assert read(SAMPLE)[1].documents[0].doc_type == "article"
    assert xp(tei(SAMPLE), "string(//tei:keywords/tei:term)") == "article"


def test_multi_paragraph_quotation_in_an_article():
    (quote,) = xp(tei(DISAGREES), "//tei:body//tei:quote")
    paras = [words(p) for p in xp(quote, "tei:p")]
    assert paras[0] == "The exploitation of man by man has been abolished forever."
    assert paras[-1] == "The Soviet society consists of two friendly classes, workers and peasants."


def test_footnotes_sit_where_their_markers_stood():
    root = tei(CATALOGUE_ONLY)
    notes = xp(root, "//tei:body//tei:note[@type='footnote']")
    assert [n.get("n") for n in notes] == ["1", "2"]
    assert words(notes[0].getparent()).startswith("At the first trial the defendants confessed")
    assert not xp(root, "//tei:back")


def test_notes_after_a_heading_numbered_with_digits():
    (note,) = xp(tei(LETTER), "//tei:body//tei:note[@type='footnote']")
    assert words(note).startswith("The draft of the Transitional Program")


def test_superscript_markers_and_unheaded_digit_notes():
    text = (
        "Leon Trotsky > 1933 > \n\nLeon Trotsky: On a Note\n\nOctober 1933\n\n"
        "The Stalinists call it social fascism¹ and repeat it daily.\n\n1. The theory of the Third Period.\n"
    )
    result = READER.read(text)
    root = build_tei(result.documents[0], "d1", "inline")
    (note,) = xp(root, "//tei:body//tei:p/tei:note")
    assert words(note) == "The theory of the Third Period."
    assert lost_words(text, result.dropped, [root]) == []


def test_a_single_quoted_turn_is_not_a_dialogue():
    text = 'Leon Trotsky > 1937 > \n\nLeon Trotsky: A Reply\n\n"DEWEY: The session is adjourned."\n\nSo ended the day.\n'
    root = build_tei(READER.read(text).documents[0], "d1", "inline")
    assert not xp(root, "//tei:sp")


def test_letter_recipient_comes_from_the_title():
    _, result, root = read(LETTER)
    assert result.documents[0].doc_type == "letter"
    assert xp(root, "string(//tei:correspAction[@type='received']/tei:persName)") == "James P. Cannon"


def test_letter_salute_and_closer():
    root = tei(LETTER)
    assert xp(root, "string(//tei:opener/tei:salute)") == "Dear Jim:"
    assert xp(root, "string(//tei:closer/tei:salute)") == "With comradely greetings,"
    assert xp(root, "string(//tei:closer/tei:signed)") == "L. Trotsky"


def test_quotation_inside_a_letter():
    assert len(xp(tei(LETTER), "//tei:body//tei:quote/tei:p")) == 2


def test_address_line_gives_the_recipient_and_heads_the_letter():
    _, result, root = read(EDITORS)
    assert result.documents[0].doc_type == "letter"
    assert [p.name for p in result.documents[0].recipients] == ["the Editors"]
    assert xp(root, "string(//tei:div[@type='letter']/tei:head)") == "To the Editors"
    assert xp(root, "string(//tei:opener/tei:salute)") == "Dear Comrades:"


# -- other pages of the archive ------------------------------------------------------


def test_footnotes_printed_out_of_order_sit_where_their_markers_stood():
    root = tei(OUT_OF_ORDER)
    assert [n.get("n") for n in xp(root, "//tei:body//tei:note[@type='footnote']")] == ["1", "3", "2"]
    (radek,) = xp(root, "//tei:note[@n='3']")
    assert radek.getprevious().tail.endswith("Radek and Pyatakov,")
    assert not xp(root, "//tei:back")


def test_supplied_words_next_to_footnotes():
    assert [s.text for s in xp(tei(OUT_OF_ORDER), "//tei:body//tei:supplied")] == ["in the chemical industry"]


def test_date_line_with_the_place_of_writing():
    (creation,) = xp(tei(OUT_OF_ORDER), "//tei:creation")
    assert (xp(creation, "string(tei:date/@when)"), xp(creation, "string(tei:placeName)")) == ("1937-01-25", "Coyoacan")


def test_salute_naming_a_comrade_makes_a_letter_to_that_comrade():
    _, result, root = read(DEAR_COMRADE)
    doc = result.documents[0]
    assert (doc.doc_type, [p.name for p in doc.recipients]) == ("letter", ["Sneevliet"])
    assert xp(root, "string(//tei:correspAction[@type='received']/tei:persName)") == "Sneevliet"


def test_salute_to_comrades_in_general_names_no_recipient():
    assert salute_addressee(["Dear Comrades:"]) is None
    assert salute_addressee(["Dear Jim:"]) == "Jim"
    assert salute_addressee(["Lieber Genosse Frank!"]) == "Frank"


def test_postscript_after_the_signature():
    root = tei(DEAR_COMRADE)
    assert xp(root, "string(//tei:closer/tei:signed)") == "L. Trotsky"
    assert words(xp(root, "//tei:postscript")[0]) == "P.S. Please give my regards to Comrade Schmidt."


def test_month_only_date_line_of_a_letter():
    (date,) = xp(tei(DEAR_COMRADE), "//tei:creation/tei:date")
    assert (date.text, date.get("when")) == ("July 1936", "1936-07")


def test_interview_without_quotation_marks_is_a_dialogue_of_speeches():
    root = tei(INTERVIEW)
    speakers = [s.text for s in xp(root, "//tei:body//tei:sp/tei:speaker")]
    assert speakers == ["QUESTION", "TROTSKY", "QUESTION", "TROTSKY", "NATALIA SEDOVA", "QUESTION", "TROTSKY"]
    assert not xp(root, "//tei:body//tei:quote") and not xp(root, "//tei:body//tei:div/tei:p")
    assert words(xp(root, "//tei:sp")[1]).endswith("will examine the charges.")


def test_paragraph_between_unquoted_turns_goes_on_with_the_turn():
    text = (
        "Leon Trotsky > 1937 > \n\nLeon Trotsky: Interview\n\nQUESTION: Why?\n\nTROTSKY: First.\n\n"
        "Second.\n\nQUESTION: And?\n\nNothing more was said.\n"
    )
    body = READER.read(text).documents[0].body
    assert [len(b.paras) for b in body[:3]] == [1, 2, 1]
    assert body[3].content == ["Nothing more was said."]


def test_letter_title_with_a_colon_gives_the_recipient():
    _, result, root = read(OPEN_LETTER)
    doc = result.documents[0]
    assert doc.title == "Open Letter: To the Workers of the USSR"
    assert (doc.doc_type, [p.name for p in doc.recipients]) == ("letter", ["the Workers of the USSR"])


def test_place_and_date_after_the_signature_close_the_letter():
    _, result, root = read(OPEN_LETTER)
    assert xp(root, "string(//tei:closer/tei:signed)") == "L. Trotsky"
    assert words(xp(root, "//tei:closer/tei:dateline")[0]) == "Constantinople, March 1929"
    assert xp(root, "string(//tei:closer/tei:dateline/tei:date/@when)") == "1929-03"
    assert result.documents[0].place == "Constantinople"


def test_place_alone_after_the_signature_closes_the_letter():
    text = (
        "Leon Trotsky > 1938 > \n\nLeon Trotsky: Letter to Frida Kahlo\n\nJanuary 12, 1938\n\nDear Frida,\n\n"
        "The text of the letter.\n\nYours,\n\nLeon Trotsky\n\nCoyoacan, D.F.\n"
    )
    doc = READER.read(text).documents[0]
    closer = doc.body[-1]
    assert (closer.signed, closer.dateline, closer.date) == (["Leon Trotsky"], ["Coyoacan, D.F."], None)
    assert doc.place == "Coyoacan, D.F."


def test_published_in_source_marks_journal_issue_date_and_translator():
    (bibl,) = xp(tei(OPEN_LETTER), "//tei:bibl[@type='source-reference']")
    assert xp(bibl, "string(tei:title[@level='j'])") == "Biulleten Oppozitsii"
    assert xp(bibl, "string(tei:biblScope[@unit='issue'])") == "No. 1-2"
    assert xp(bibl, "string(tei:date/@when)") == "1929-07"
    assert xp(bibl, "string(tei:editor[@role='translator'])") == "John G. Wright"


def test_german_date_line_with_place():
    doc = read(GERMAN)[1].documents[0]
    assert (doc.lang, doc.date.text, doc.date.when, doc.place) == ("de", "12. März 1933", "1933-03-12", "Prinkipo")


def test_german_closing_salute_before_the_signature():
    root = tei(GERMAN)
    assert xp(root, "string(//tei:closer/tei:salute)") == "Mit kommunistischem Gruß"
    assert xp(root, "string(//tei:closer/tei:signed)") == "L. Trotzki"


def test_german_source_marks_the_book_and_its_page():
    (bibl,) = xp(tei(GERMAN), "//tei:bibl[@type='source-reference']")
    assert xp(bibl, "string(tei:title)") == "Schriften über Deutschland"
    assert xp(bibl, "string(tei:biblScope[@unit='page'])") == "S. 512"


# -- every page ------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_word_of_the_page_is_kept(page):
    text, result, root = read(page)
    assert lost_words(text, result.dropped, [root]) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_output_is_valid_tei(page, tei_all):
    assert_valid_tei(tei_all, read(page)[2])


def test_footer_words_inside_the_text_are_kept():
    from teikit.readers.trotsky_archive import read_trotsky_archive_page as read_trotsky_page

    page = (RAW / "1938-03-02-trotsky-krestinsky.trotsky-archive.txt").read_text(encoding="utf-8")
    page += "\nThe workers must report abuses by the bureaucracy.\n\nReport Abuse | Powered By Google Sites\n"
    result = read_trotsky_page(page)
    assert [d.reason for d in result.dropped if "abuse" in d.text.lower()] == ["site footer"]

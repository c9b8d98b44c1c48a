"""The "Bolshevik leadership. Correspondence 1912-1927" reader (machine-translated pages)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES, RAW, assert_valid_tei
from lxml import etree

from teikit.builder import build_tei
from teikit.conservation import lost_words
from teikit.model import Para, ReadResult
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
SIGNATORIES = HERE / "telegram-several-signatories.txt"
WORD_NOTES = HERE / "window-date-twelve-word-notes.txt"
OWN_NOTES = HERE / "two-documents-own-notes.txt"
ENTITIES = HERE / "broken-entities-garf-reference.txt"
CIPHER = HERE / "aprf-telegram-prior-to.txt"
HEADING_MARKER = HERE / "heading-marker-not-earlier-than.txt"
ONE_A_LINE = HERE / "telegram-signatures-one-a-line.txt"
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
    assert (author.name, author.note) == ("L. D. Trotsky (Bronstein)", "Bronstein")


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


# -- other pages of the collection ---------------------------------------------------


def test_telegram_from_several_signatories_to_several_recipients():
    _, result, (root,) = read(SIGNATORIES)
    doc = result.documents[0]
    assert doc.doc_type == "telegram"
    assert [p.name for p in doc.authors] == ["I. V. Stalin", "K. E. Voroshilov", "S. K. Minin"]
    assert [p.name for p in doc.recipients] == ["V. I. Lenin", "L. D. Trotsky"]
    assert len(xp(root, "//tei:correspAction[@type='sent']/tei:persName")) == 3


def test_signatories_of_a_telegram_are_its_signature():
    assert xp(tei(SIGNATORIES), "string(//tei:closer/tei:signed)") == "Stalin, Voroshilov, Minin"


def test_place_and_date_of_the_editors_heading():
    (creation,) = xp(tei(SIGNATORIES), "//tei:creation")
    assert xp(creation, "string(tei:date/@when)") == "1918-08-04"
    assert xp(creation, "string(tei:placeName)") == "Tsaritsyn"


def test_military_archive_reference():
    (ms,) = xp(tei(SIGNATORIES), "//tei:msDesc")
    assert [xp(ms, f"string(.//tei:{t})") for t in ("repository", "collection", "idno")] == [
        "RGVA",
        "F. 40435. Op. 1.",
        "D. 1. L. 15.",
    ]
    assert xp(ms, "string(tei:physDesc/tei:p)") == "Original. Telegraph tape."


def test_window_date_in_brackets_is_not_before_and_not_after():
    (date,) = xp(tei(WORD_NOTES), "//tei:creation/tei:date")
    assert (date.get("notBefore"), date.get("notAfter"), date.get("when")) == ("1916-06-17", "1916-06-25", None)
    assert date.text == "[between June 17 and 25, 1916]"


def test_pseudonym_of_the_recipient_in_brackets_is_its_note():
    (recipient,) = read(WORD_NOTES)[1].documents[0].recipients
    assert (recipient.name, recipient.note) == ("A. G. Shlyapnikov (Belenin)", "Belenin")
    assert xp(tei(WORD_NOTES), "string(//tei:correspAction[@type='received']//tei:addName)") == "Belenin"


def test_twelve_notes_numbered_in_words_are_all_anchored_in_order():
    root = tei(WORD_NOTES)
    notes = xp(root, "//tei:body//tei:note[@type='footnote']")
    assert [n.get("n") for n in notes] == [str(k) for k in range(1, 13)]
    assert [xp(n, "string(tei:label)") for n in notes][10:] == ["eleven", "twelve"]
    assert not xp(root, "//tei:back")


def test_markers_glued_to_words_or_after_a_space_anchor_their_notes():
    root = tei(WORD_NOTES)
    for n, before in [("2", "your letter from Stockholm"), ("4", "About Kollontai"), ("11", "Petersburg comrades.")]:
        (note,) = xp(root, f"//tei:note[@n='{n}']")
        assert (note.getprevious().tail if note.getprevious() is not None else note.getparent().text).rstrip().endswith(before)


def test_real_numbers_next_to_words_are_not_markers():
    text = words(tei(WORD_NOTES))
    assert "and the 12 copies of the magazine" in text
    assert "will appear in two weeks" in text


def test_two_documents_each_with_its_own_notes():
    _, result, (first, second) = read(OWN_NOTES)
    assert [len(d.notes) for d in result.documents] == [1, 1]
    assert xp(first, "string(//tei:body//tei:note)").startswith("Gorky proposed")
    assert xp(second, "string(//tei:body//tei:note)").startswith("one The collection")
    assert not xp(first, "//tei:back") and not xp(second, "//tei:back")


def test_number_word_marker_glued_after_the_full_stop():
    _, result, (_, second) = read(OWN_NOTES)
    (p,) = xp(second, "//tei:body//tei:p[tei:note]")
    assert p.text.endswith("answer quickly .")
    assert [d.text for d in result.dropped if d.reason.startswith("footnote marker spelled")] == ["one"]


def test_roman_month_dateline_with_two_digit_year():
    (date,) = xp(tei(OWN_NOTES), "//tei:opener/tei:dateline/tei:date")
    assert (date.text, date.get("when")) == ("27.II. 08", "1908-02-27")


def test_possessive_closing_gives_salute_and_signature():
    root = tei(OWN_NOTES)
    assert (xp(root, "string(//tei:closer/tei:salute)"), xp(root, "string(//tei:closer/tei:signed)")) == ("Your", "Lenin")


def test_broken_html_entities_are_kept_as_written():
    text = words(xp(tei(ENTITIES), "//tei:body")[0])
    assert "the Kronstadt workers &Swhatthe; they say" in text
    assert "&mdash you will see" in text and "&quot;immediately&quot." in text


def test_state_archive_reference_with_reverse_folios():
    (ms,) = xp(tei(ENTITIES), "//tei:msDesc")
    assert xp(ms, "string(.//tei:repository)") == "GARF"
    assert xp(ms, "string(.//tei:collection)") == "F. R-1235. Op. 2."
    assert xp(ms, "string(.//tei:idno)") == "D. 150. L. 5-6 ob."
    assert xp(ms, "string(tei:physDesc/tei:p)") == "Original. Autograph."


def test_date_with_roman_month_and_place():
    doc = read(ENTITIES)[1].documents[0]
    assert (doc.date.when, doc.place) == ("1921-03-14", "Moscow")


def test_cipher_telegram_prior_to_a_date_from_the_presidential_archive():
    _, result, (root,) = read(CIPHER)
    doc = result.documents[0]
    assert doc.doc_type == "telegram" and doc.archival.repository == "APRF"
    assert (doc.date.not_after, doc.date.when) == ("1926-06-23", None)
    assert xp(root, "string(//tei:bibl[@type='first-publication']/tei:title)") == "Source"


def test_marker_on_the_heading_is_not_part_of_the_recipient():
    _, result, (root,) = read(HEADING_MARKER)
    doc = result.documents[0]
    assert [p.name for p in doc.recipients] == ["V. I. Lenin"]
    assert doc.title == "I. V. Stalin - V. I. Lenin, [Not earlier than March 3, 1917]"
    assert [d.reason for d in result.dropped if d.text == "1"] == [
        "footnote marker on the document heading (its note is kept at the end)"
    ]


def test_note_marked_on_the_heading_is_kept_at_the_end_without_warning():
    _, result, (root,) = read(HEADING_MARKER)
    assert [n.get("n") for n in xp(root, "//tei:back//tei:note")] == ["1"]
    assert result.warnings == []


def test_archive_name_of_several_words():
    (ms,) = xp(tei(HEADING_MARKER), "//tei:msDesc")
    assert [xp(ms, f"string(.//tei:{t})") for t in ("repository", "collection", "idno")] == [
        "TsA FSB RF",
        "F. 3. Op. 1.",
        "D. 44. L. 12.",
    ]


def test_published_after_the_archival_reference_is_a_first_publication_with_volume_and_page():
    root = tei(HEADING_MARKER)
    assert xp(root, "string(//tei:msDesc/tei:physDesc/tei:p)") == "Copy."
    (bibl,) = xp(root, "//tei:bibl[@type='first-publication']")
    assert words(bibl) == "Published: Stalin I. V. Works. T. 3. S. 1."
    assert (xp(bibl, "string(tei:biblScope[@unit='volume'])"), xp(bibl, "string(tei:biblScope[@unit='page'])")) == (
        "T. 3",
        "S. 1",
    )


def test_not_earlier_than_date():
    (date,) = xp(tei(HEADING_MARKER), "//tei:creation/tei:date")
    assert (date.get("notBefore"), date.get("when")) == ("1917-03-03", None)


def test_signatures_printed_one_a_line_are_a_closer_each():
    root = tei(ONE_A_LINE)
    assert [xp(c, "string(tei:signed)") for c in xp(root, "//tei:closer")] == ["Ordzhonikidze", "Stalin"]
    assert not [p for p in xp(root, "//tei:body//tei:p") if words(p) == "Ordzhonikidze"]


def test_a_name_line_that_is_not_a_sender_stays_a_paragraph():
    text = ONE_A_LINE.read_text(encoding="utf-8").replace("\nOrdzhonikidze\n", "\nKamenev\n")
    body = READER.read(text).documents[0].body
    assert sum(isinstance(b, Para) and b.content == ["Kamenev"] for b in body) == 1


def test_roman_dateline_under_the_editors_date_takes_its_year():
    (date,) = xp(tei(ONE_A_LINE), "//tei:opener/tei:dateline/tei:date")
    assert (date.text, date.get("when")) == ("20/XII.", "1919-12-20")


def test_note_running_over_two_lines_has_two_paragraphs():
    (note,) = xp(tei(ONE_A_LINE), "//tei:body//tei:note[@type='footnote']")
    assert len(xp(note, "tei:p")) == 2


# -- every page ------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_word_of_the_page_is_kept(page):
    text, result, roots = read(page)
    assert lost_words(text, result.dropped, roots) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_output_is_valid_tei(page, tei_all):
    for root in read(page)[2]:
        assert_valid_tei(tei_all, root)


def test_a_name_ending_like_a_number_word_is_not_a_note_marker():
    _, result, (root,) = read(HERE / "recipient-name-ending-in-a-number-word.txt")
    assert result.documents[0].recipients[0].name == "Ya. E. Sten"

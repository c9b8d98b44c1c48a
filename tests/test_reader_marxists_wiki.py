"""The Marxists-en wiki reader."""

from __future__ import annotations

import functools

import pytest
from conftest import FIXTURES, RAW, assert_valid_tei
from support import assert_nothing_lost, read_with, text_of, xp

from teikit.readers import detect_reader

SAMPLE = RAW / "1922-04-24-lenin-to-stalin.marxists-wiki.txt"
WIKI = FIXTURES / "marxists_wiki"
PAGES = [SAMPLE, *sorted(WIKI.glob("*.txt"))]


@pytest.fixture(scope="module")
def letter():
    text, result, roots = read_with("marxists-wiki", SAMPLE)
    return text, result, roots[0]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_wiki_pages_are_detected(page):
    assert detect_reader(page.read_text(encoding="utf-8")).name == "marxists-wiki"


def test_recipient_comes_from_the_page_title(letter):
    _, _, tei = letter
    assert xp(tei, "string(//tei:correspAction[@type='sent']/tei:persName)") == "Lenin"
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:persName)") == "Joseph Stalin"


def test_written_field_gives_the_iso_date(letter):
    _, _, tei = letter
    date = xp(tei, "//tei:creation/tei:date")[0]
    assert (date.text, date.get("when")) == ("24 April 1922", "1922-04-24")


def test_source_volume_and_pages(letter):
    _, _, tei = letter
    assert xp(tei, "string(//tei:biblScope[@unit='volume'])") == "Volume 45"
    scope = xp(tei, "//tei:biblScope[@unit='page']")[0]
    assert (scope.get("from"), scope.get("to")) == ("533b", "534a")
    assert xp(tei, "string(//tei:bibl[@type='first-publication']/tei:date/@when)") == "1959"


def test_quoted_draft_telegram_is_one_quote_of_five_paragraphs(letter):
    _, _, tei = letter
    (quote,) = xp(tei, "//tei:body//tei:quote")
    assert quote.get("type") == "telegram"
    paras = xp(quote, "tei:p")
    assert len(paras) == 5
    assert text_of(paras[0]) == "To Chicherin for all the members of the delegation"
    assert text_of(paras[-1]).endswith("restoring the capitalists’ property.")


def test_footnote_with_two_paragraphs_sits_at_its_marker(letter):
    _, _, tei = letter
    (note,) = xp(tei, "//tei:note[@type='footnote']")
    assert text_of(note.getparent()).startswith("Please, let me know the opinion")
    assert len(xp(note, "tei:p")) == 2


def test_salutation_without_punctuation(letter):
    _, _, tei = letter
    assert xp(tei, "string(//tei:opener/tei:salute)") == "Comrade Stalin for the Politbureau"


def test_wiki_furniture_is_dropped_with_a_reason(letter):
    _, result, tei = letter
    assert {d.text for d in result.dropped if d.reason == "wiki page furniture"} == {
        "From Marxists-en",
        "Jump to navigation Jump to search",
    }
    assert "Jump to" not in text_of(tei)


def test_back_link_footnotes_are_numbered_and_anchored():
    _, _, (tei,) = read_with("marxists-wiki", WIKI / "backlinks-written-place.txt")
    notes = xp(tei, "//tei:body//tei:note[@type='footnote']")
    assert [(n.get("n"), text_of(n)) for n in notes] == [
        ("1", "The conference of the Caucasian organisations."),
        ("2", "Orjonikidze replied on December 2."),
    ]
    assert "↑" not in text_of(tei)


def test_prior_to_date_is_a_not_after_bound_and_written_place_is_kept():
    _, result, (tei,) = read_with("marxists-wiki", WIKI / "backlinks-written-place.txt")
    date = xp(tei, "//tei:creation/tei:date")[0]
    assert date.get("notAfter") == "1916-11-25" and date.get("when") is None
    assert xp(tei, "string(//tei:creation/tei:placeName)") == "Zurich"
    assert result.documents[0].doc_type == "telegram"
    assert [p.text for p in xp(tei, "//tei:correspAction[@type='received']/tei:persName")] == [
        "G. K. Orjonikidze",
        "S. M. Kirov",
    ]


def test_wiki_footer_is_dropped():
    _, result, _tei = read_with("marxists-wiki", WIKI / "backlinks-written-place.txt")
    dropped = " ".join(d.text for d in result.dropped)
    assert "Retrieved from" in dropped and "Categories:" in dropped and "Navigation menu" in dropped


def test_article_with_month_only_date():
    _, result, (tei,) = read_with("marxists-wiki", WIKI / "article-month-only.txt")
    assert result.documents[0].doc_type == "article"
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1915-08"
    assert not xp(tei, "//tei:correspDesc")
    assert xp(tei, "string(//tei:back//tei:note)") == "An unnumbered note of the editors."


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_word_of_the_page_is_kept(page):
    text, result, roots = read_with("marxists-wiki", page)
    assert_nothing_lost(text, result, roots)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_output_is_valid_tei(page, tei_all):
    for root in read_with("marxists-wiki", page)[2]:
        assert_valid_tei(tei_all, root)


def test_a_remark_after_the_written_date_is_kept_and_is_not_a_place():
    _, _, (tei,) = read_with("marxists-wiki", WIKI / "telegram-dictated-references.txt")
    assert xp(tei, "//tei:creation/tei:placeName") == []
    assert "Dictated by telephone" in xp(tei, "string(//tei:notesStmt)")


def test_an_organisation_addressee_from_the_title():
    _, _, (tei,) = read_with("marxists-wiki", WIKI / "telegram-dictated-references.txt")
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:orgName)") == "the Yekaterinburg Soviet"


def test_references_heading_opens_the_notes():
    _, result, (tei,) = read_with("marxists-wiki", WIKI / "telegram-dictated-references.txt")
    assert xp(tei, "string(//tei:back//tei:note)") == "A note."
    assert any(d.reason == "notes heading" for d in result.dropped)


# -- other pages of the site -------------------------------------------------------------


@functools.cache
def read(name: str):
    """(text, result, roots) of a fixture page, read once per test session."""
    return read_with("marxists-wiki", WIKI / name)


def test_tab_separated_infobox_and_a_roman_dateline_without_year():
    _, _, (tei,) = read("letter-ps-nb-roman-dateline.txt")
    assert xp(tei, "string(//tei:titleStmt/tei:author)") == "Lenin"
    (date,) = xp(tei, "//tei:opener/tei:dateline/tei:date")
    assert (date.text, date.get("when")) == ("19/I.", "1917-01-19")


def test_places_sent_from_and_to_in_the_publication_history():
    _, _, (tei,) = read("letter-ps-nb-roman-dateline.txt")
    assert xp(tei, "string(//tei:correspAction[@type='sent']/tei:placeName)") == "Zurich"
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:placeName)") == "Clarens"


def test_postscript_and_nota_bene_after_the_signature():
    _, _, (tei,) = read("letter-ps-nb-roman-dateline.txt")
    assert xp(tei, "string(//tei:closer/tei:signed)") == "Lenin"
    assert [text_of(p)[:4] for p in xp(tei, "//tei:postscript/tei:p")] == ["P.S.", "N.B."]


def test_back_link_notes_anchor_at_markers_given_out_of_order():
    _, _, (tei,) = read("letter-ps-nb-roman-dateline.txt")
    assert [n.get("n") for n in xp(tei, "//tei:body//tei:note")] == ["2", "1"]


def test_whole_wiki_menu_and_edit_line_are_dropped():
    _, result, (tei,) = read("letter-ps-nb-roman-dateline.txt")
    for menu_word in ("Privacy policy", "Printable version", "last edited", "Hidden category"):
        assert menu_word not in text_of(tei)
    assert {d.reason for d in result.dropped} >= {"wiki menu", "wiki page furniture"}


def test_two_authors_and_signatures_with_their_offices():
    _, result, (tei,) = read("telegram-signatories-with-offices.txt")
    assert [p.text for p in xp(tei, "//tei:correspAction[@type='sent']/tei:persName")] == ["Lenin", "Trotsky"]
    signed = xp(tei, "string(//tei:closer/tei:signed)")
    assert signed.startswith("Chairman of the Council of Defence Lenin") and signed.endswith("Trotsky")
    assert result.documents[0].doc_type == "telegram"


def test_numbered_notes_under_a_common_title_become_two_documents():
    _, result, roots = read("two-letters-one-page.txt")
    assert [d.title for d in result.documents] == [
        "Two Notes to A. D. Tsyurupa, December 1921 (1)",
        "Two Notes to A. D. Tsyurupa, December 1921 (2)",
    ]
    assert [d.doc_type for d in result.documents] == ["note", "note"]
    assert [xp(t, "string(//tei:creation/tei:date/@when)") for t in roots] == ["1921-12-20", "1921-12-21"]
    assert [len(xp(t, "//tei:note[@type='footnote']")) for t in roots] == [1, 0]


def test_pseudonym_in_the_author_field_keeps_its_gloss():
    _, _, (tei,) = read("article-pseudonym-notes-without-markers.txt")
    assert xp(tei, "string(//tei:titleStmt/tei:author/tei:persName/tei:addName)") == "V. I. Ulyanov"


def test_notes_whose_markers_are_missing_go_to_the_back_in_order():
    _, _, (tei,) = read("article-pseudonym-notes-without-markers.txt")
    assert [n.get("n") for n in xp(tei, "//tei:back//tei:note")] == ["1", "2"]
    assert xp(tei, "string(//tei:creation/tei:date/@notAfter)") == "1915-07-25"


def test_infobox_labels_on_lines_of_their_own():
    _, result, (tei,) = read("infobox-labels-on-own-lines.txt")
    assert xp(tei, "string(//tei:titleStmt/tei:author)") == "Lenin"
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1921-05-09"
    assert {d.text for d in result.dropped if d.reason == "field label"} >= {"Author(s)", "Written"}


def test_labels_of_repeated_back_links_are_dropped_from_the_note():
    _, result, (tei,) = read("notes-heading-double-backlinks.txt")
    assert text_of(xp(tei, "//tei:note[@n='1']")[0]) == "Gorky's letter has not been found."
    assert [d.text for d in result.dropped if d.reason == "wiki back-links"] == ["1.0 1.1"]


def test_wiki_menu_words_inside_the_text_are_kept():
    from teikit.readers.marxists_wiki import read_wiki_page

    page = SAMPLE.read_text(encoding="utf-8").replace(
        "At 7 o’clock tonight", "Categories: the first are the workers.\n\nRead\n\nAt 7 o’clock tonight"
    )
    dropped = {d.text for d in read_wiki_page(page).dropped}
    assert "Read" not in dropped and "Categories: the first are the workers." not in dropped


def test_an_indented_numbered_list_inside_a_letter_stays_text():
    _, _, (tei,) = read_with("marxists-wiki", WIKI / "indented-numbered-list-in-letter.txt")
    assert xp(tei, "//tei:back") == []
    assert xp(tei, "string(//tei:closer/tei:signed)") == "Lenin"
    assert "To refuse the loan." in text_of(xp(tei, "//tei:body")[0])

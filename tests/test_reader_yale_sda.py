"""The Yale Stalin Digital Archive reader (SDA document viewer pages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, RAW, assert_valid_tei
from support import assert_nothing_lost, text_of, xp

from teikit.builder import build_tei
from teikit.model import BlockPageBreak, Closer, Commentary, Division, InlineNote, Opener, PageBreak, Para
from teikit.readers import detect_reader
from teikit.readers.yale_sda import READER, bio_note_target

MAISKY = RAW / "1934-12-31-maisky-diary.yale-sda.txt"
SDA = FIXTURES / "yale_sda"
LETTER = SDA / "letter-1926-03-27.txt"
TWO_ENTRIES = SDA / "diary-two-entries.txt"
NOTE_AT_END = SDA / "diary-note-at-paragraph-end.txt"
NO_DETAILS = SDA / "diary-without-details.txt"
TELEGRAM = SDA / "telegram-stalin-to-molotov.txt"
PROTOCOL = SDA / "protocol-several-authors-month-date.txt"
CONTINUED = SDA / "diary-entry-continues-from-previous-page.txt"
NOTES_IN_LIST = SDA / "diary-notes-inside-a-list.txt"
YEAR_ONLY = SDA / "note-dated-by-year-only.txt"
TWO_RECIPIENTS = SDA / "letter-two-recipients-page-marker.txt"
LABELS_APART = SDA / "details-labels-on-their-own-lines.txt"
EXTRA_FIELD = SDA / "document-wrapped-description-extra-field.txt"
PAGES = [MAISKY, *sorted(SDA.glob("*.txt"))]
OTHER_FAMILIES = sorted(p for p in RAW.glob("*.txt") if p != MAISKY)


def read(path: Path):
    text = path.read_text(encoding="utf-8")
    result = READER.read(text)
    roots = [build_tei(doc, f"d{i}", path.name) for i, doc in enumerate(result.documents)]
    return text, result, roots


@pytest.fixture(scope="module")
def maisky():
    return read(MAISKY)


@pytest.fixture(scope="module")
def maisky_doc(maisky):
    return maisky[1].documents[0]


def divisions(doc, type_: str) -> list[Division]:
    return [b for b in doc.body if isinstance(b, Division) and b.type == type_]


def paragraphs(doc) -> list[Para]:
    found = []
    for block in doc.body:
        found.extend(b for b in (block.blocks if isinstance(block, Division) else [block]) if isinstance(b, Para))
    return found


def note_for(doc, name: str) -> tuple[Para, int]:
    """The paragraph holding the (first) biographical note on `name`, and the note's position."""
    for para in paragraphs(doc):
        for i, node in enumerate(para.content):
            if isinstance(node, InlineNote) and node.target_text == name:
                return para, i
    raise AssertionError(f"no note on {name!r}")


def text_of_para(para: Para) -> str:
    return "".join(n for n in para.content if isinstance(n, str))


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_recognises_sda_viewer_pages(path):
    assert READER.recognises(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", OTHER_FAMILIES, ids=lambda p: p.name)
def test_does_not_recognise_pages_of_other_families(path):
    assert not READER.recognises(path.read_text(encoding="utf-8"))


def test_does_not_recognise_plain_text_citing_the_archive():
    text = "Source: Stalin Digital Archive, Yale University Press.\n\nDear Comrade,\nA letter.\n"
    assert not READER.recognises(text)


# --------------------------------------------------------------------------- metadata


def test_author_keeps_the_name_as_written_and_notes_the_pseudonym(maisky_doc):
    (author,) = maisky_doc.authors
    assert author.name == "Liakhovetsky, Ivan Mikhailovich (Maisky)"
    assert author.note == "Maisky"


def test_document_date_is_normalised_to_iso(maisky_doc, maisky):
    assert (maisky_doc.date.text, maisky_doc.date.when) == ("1934 Dec 31", "1934-12-31")
    assert xp(maisky[2][0], "string(//tei:creation/tei:date/@when)") == "1934-12-31"


def test_diary_page_is_a_diary_entry_titled_by_the_diarist(maisky_doc):
    assert maisky_doc.doc_type == "diary-entry"
    assert maisky_doc.title == "Maisky, diary entry, 31 December 1934"


def test_volume_is_the_print_source_and_the_archive_the_web_source(maisky):
    tei = maisky[2][0]
    (printed,) = xp(tei, "//tei:sourceDesc/tei:bibl[@type='print-source']")
    assert xp(printed, "string(tei:title)") == "The Complete Maisky Diaries"
    assert xp(printed, "string(tei:biblScope[@unit='volume'])") == "Volume 1"
    (web,) = xp(tei, "//tei:sourceDesc/tei:bibl[@type='web-source']")
    assert (xp(web, "string(tei:title)"), xp(web, "string(tei:publisher)")) == (
        "Stalin Digital Archive",
        "Yale University Press",
    )


def test_detail_labels_and_empty_values_are_dropped(maisky):
    _, result, _ = maisky
    reasons = {(d.text, d.reason) for d in result.dropped}
    assert ("Recipient", "field label") in reasons
    assert ("AOC Volume", "field label") in reasons
    assert ("N/A", "empty field") in reasons
    assert not maisky[1].documents[0].recipients and maisky[1].documents[0].archival is None


# --------------------------------------------------------------------------- text


def test_entry_head_is_dated_with_the_year_of_the_document(maisky_doc):
    (entry,) = divisions(maisky_doc, "entry")
    assert entry.head == ["31 December"]
    assert entry.date.when == "1934-12-31"


def test_every_page_marker_becomes_a_page_break(maisky):
    tei = maisky[2][0]
    assert [pb.get("n") for pb in xp(tei, "//tei:pb")] == [str(n) for n in range(59, 73)]


def test_page_marker_inside_a_sentence_is_a_break_inside_the_paragraph(maisky):
    (pb,) = xp(maisky[2][0], "//tei:pb[@n='59']")
    assert pb.getparent().tag == "{http://www.tei-c.org/ns/1.0}p"
    assert pb.getprevious().tail.endswith("of the Soviet Union and ")
    assert pb.tail.startswith("insisted on its admittance to the League of Nations")


def test_page_marker_between_paragraphs_is_a_block_break(maisky_doc):
    (memo,) = divisions(maisky_doc, "memo")
    assert memo.blocks[-3:-1] == [BlockPageBreak("71"), BlockPageBreak("72")]
    assert text_of_para(memo.blocks[-1]).startswith("Citrine and Middleton assured me")


@pytest.mark.parametrize(
    "name, note_start",
    [
        ("Austen Chamberlain", "Joseph Austen Chamberlain, Conservative MP"),
        ("Feka", "Feoktista (Feka) Poludova"),
        ("Alksnis", "Yakov Ivanovich Alksnis"),
        ("Tupolev", "Andrei Nikolaevich Tupolev"),
        ("L. Polonsky", "Lev Polonsky and Elizaveta Polonskaya"),
        ("Kean", "William Kean"),
        ("Bolton", "W.J. Bolton, clerk"),
    ],
)
def test_biographical_note_follows_the_name_it_explains(maisky_doc, name, note_start):
    para, i = note_for(maisky_doc, name)
    note = para.content[i]
    assert para.content[i - 1].endswith(f" {name}")
    assert note.type == "biographical"
    assert note.content[0].startswith(note_start)


def test_names_with_notes_in_a_list_stay_one_paragraph_with_a_note_each(maisky_doc):
    para, i = note_for(maisky_doc, "Alksnis")
    notes, between = para.content[i : i + 7 : 2], para.content[i + 1 : i + 7 : 2]
    assert [n.target_text for n in notes] == ["Alksnis", "Tupolev", "Molokov", "Levanevsky"]
    assert between == [", Tupolev", ", Molokov", ", Levanevsky"]
    assert para.content[i + 7].startswith(" and a host of other pilots")


def test_sentence_goes_on_after_the_note(maisky_doc):
    para, i = note_for(maisky_doc, "Austen Chamberlain")
    assert para.content[i + 1].startswith(" declared themselves ‘friends’ of the Soviet Union and ")


def test_editor_paragraphs_on_the_diarist_are_commentary(maisky_doc):
    notes = [b for d in maisky_doc.body for b in d.blocks if isinstance(b, Commentary) and b.type == "commentary"]
    starts = [text_of_para(c.paras[0])[:40] for c in notes]
    assert starts == ["This dictum could hardly apply to Maisky", "The repercussions of Kirov’s assassinati"]


def test_short_editorial_remark_is_an_editorial_note(maisky_doc):
    notes = [b for d in maisky_doc.body for b in d.blocks if isinstance(b, Commentary) and b.type == "editorial"]
    assert [text_of_para(c.paras[0]) for c in notes] == [
        "Undated memo attached to the diary, written around 3 January 1935.",
        "Not reproduced in this edition.",
    ]


def test_attached_memo_is_a_sibling_division_with_its_head(maisky_doc):
    assert [b.type for b in maisky_doc.body] == ["entry", "memo"]
    memo = maisky_doc.body[1]
    assert memo.head == ["Labour protest against death sentences in the USSR"]
    assert memo.blocks[0] == Commentary(
        [Para(["Undated memo attached to the diary, written around 3 January 1935."])], type="editorial"
    )
    assert text_of_para(memo.blocks[1]).startswith("The Labourites behaved fairly decently")


def test_site_boilerplate_is_dropped_with_reasons(maisky):
    _, result, _ = maisky
    by_text = {d.text: d.reason for d in result.dropped}
    assert by_text["• My SDA"] == "site menu"
    assert by_text["You must login to do that"] == "login dialog"
    assert by_text["Table of Contents"].startswith("table of contents")
    assert by_text["• 27 October 1937"].startswith("table of contents")
    assert by_text["Image view"] == "viewer controls"
    assert by_text["• Copyright 2018 Yale University"] == "footer links"
    assert by_text["Page 59"] == 'page marker, encoded as pb n="59"'
    assert all(d.reason for d in result.dropped)


def test_table_of_contents_dates_are_not_in_the_text(maisky):
    body = text_of(xp(maisky[2][0], "//tei:text")[0])
    assert "27 October 1937" not in body
    assert "PS 1 October" not in body


# --------------------------------------------------------------------------- fixture pages


def test_letter_page_has_sender_recipient_and_date():
    _, result, roots = read(LETTER)
    doc = result.documents[0]
    assert doc.doc_type == "letter"
    assert [p.name for p in doc.recipients] == ["Stalin, Iosif Vissarionovich"]
    assert doc.date.when == "1926-03-27"
    assert xp(roots[0], "string(//tei:correspAction[@type='received']/tei:persName)") == "Stalin, Iosif Vissarionovich"


def test_letter_page_repository_and_id_give_the_archival_reference():
    _, result, roots = read(LETTER)
    ref = result.documents[0].archival
    assert (ref.repository, ref.collection, ref.idno) == ("RGASPI", "F. 558, Op. 11", "D. 1")
    assert xp(roots[0], "string(//tei:msIdentifier/tei:repository)") == "RGASPI"


def test_letter_page_description_is_a_header_note():
    _, result, _ = read(LETTER)
    assert [n.text for n in result.documents[0].header_notes] == [
        "Uncertified typewritten copy of a letter proposing a meeting with the former opposition."
    ]


def test_letter_page_closing_is_a_closer():
    _, _, roots = read(LETTER)
    assert xp(roots[0], "string(//tei:closer/tei:salute)") == "With communist greetings"
    assert xp(roots[0], "string(//tei:closer/tei:dateline/tei:date/@when)") == "1926-03-27"


def test_transcription_pane_with_text_is_a_second_document_in_its_language():
    _, result, _ = read(LETTER)
    english, russian = result.documents
    assert (english.lang, russian.lang) == ("en", "ru")
    assert russian.title == "Letter from L. Serebriakov to I. Stalin (transcription)"


def test_two_entries_on_a_page_each_get_their_date_across_the_new_year():
    _, result, _ = read(TWO_ENTRIES)
    entries = divisions(result.documents[0], "entry")
    assert [(e.head, e.date.when) for e in entries] == [
        (["31 December"], "1934-12-31"),
        (["1 January"], "1935-01-01"),
    ]


def test_page_marker_between_paragraphs_of_an_entry():
    _, result, _ = read(TWO_ENTRIES)
    first = divisions(result.documents[0], "entry")[0]
    assert [type(b).__name__ for b in first.blocks] == ["Para", "Para", "BlockPageBreak", "Para"]
    assert first.blocks[2] == BlockPageBreak("59")


def test_note_after_a_name_ending_a_paragraph_closes_it():
    _, result, _ = read(NOTE_AT_END)
    first, second = divisions(result.documents[0], "entry")[0].blocks
    assert isinstance(first.content[1], InlineNote) and first.content[1].target_text == "Vansittart"
    assert first.content[0].endswith("summer talk with Vansittart") and first.content[2] == "."
    assert second.content == ["In the evening we went to the theatre with Agniya."]


def test_page_without_details_takes_the_author_from_the_byline_and_invents_no_date():
    _, result, roots = read(NO_DETAILS)
    doc = result.documents[0]
    assert [(p.name, p.note) for p in doc.authors] == [("Liakhovetsky, Ivan Mikhailovich (Maisky)", "Maisky")]
    assert doc.date is None
    (entry,) = divisions(doc, "entry")
    assert entry.head == ["12 July"] and entry.date is None
    assert doc.title == "Maisky, diary entry, 12 July"
    assert not xp(roots[0], "//tei:date")


# --------------------------------------------------------------------------- other pages of the site


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_importer_detection_picks_this_reader(path):
    assert detect_reader(path.read_text(encoding="utf-8")).name == "yale-sda"


def test_telegram_page_is_a_telegram_to_its_recipient():
    _, result, roots = read(TELEGRAM)
    doc = result.documents[0]
    assert (doc.doc_type, [p.name for p in doc.recipients]) == ("telegram", ["Molotov, Viacheslav Mikhailovich"])
    assert xp(roots[0], "string(//tei:correspAction[@type='sent']/tei:date/@when)") == "1929-08-21"


def test_folio_range_stays_in_the_idno_of_the_archival_reference():
    ref = read(TELEGRAM)[1].documents[0].archival
    assert (ref.repository, ref.collection, ref.idno) == ("RGASPI", "F. 558, Op. 11", "D. 767, L. 54-55")


def test_signature_and_date_after_the_text_are_the_closer():
    _, _, roots = read(TELEGRAM)
    assert xp(roots[0], "string(//tei:closer/tei:signed)") == "Stalin."
    assert xp(roots[0], "string(//tei:closer/tei:dateline/tei:date/@when)") == "1929-08-21"


def test_russian_transcription_has_its_address_signature_and_date():
    _, result, roots = read(TELEGRAM)
    russian = roots[1]
    assert result.documents[1].lang == "ru"
    assert xp(russian, "string(//tei:opener/tei:salute)") == "Молотову."
    assert xp(russian, "string(//tei:closer/tei:signed)") == "Сталин."
    (date,) = xp(russian, "//tei:closer/tei:dateline/tei:date")
    assert (date.text, date.get("when")) == ("21 августа 1929 г.", "1929-08-21")


def test_russian_closing_salute_before_the_signature():
    _, _, roots = read(LETTER)
    assert xp(roots[1], "string(//tei:closer/tei:salute)") == "С коммунистическим приветом"
    assert xp(roots[1], "string(//tei:closer/tei:signed)") == "Серебряков."


def test_several_authors_separated_by_semicolons():
    _, result, roots = read(PROTOCOL)
    assert [p.name for p in result.documents[0].authors] == [
        "Stalin, Iosif Vissarionovich",
        "Molotov, Viacheslav Mikhailovich",
        "Kaganovich, Lazar Moiseevich",
    ]
    assert len(xp(roots[0], "//tei:titleStmt/tei:author")) == 3


def test_year_and_month_date_of_the_details_is_a_month():
    _, result, roots = read(PROTOCOL)
    doc = result.documents[0]
    assert (doc.date.text, doc.date.when) == ("1934 Dec", "1934-12")
    assert result.warnings == [] and "1934 Dec" not in [n.text for n in doc.header_notes]
    assert xp(roots[0], "string(//tei:creation/tei:date/@when)") == "1934-12"


def test_year_only_date_of_the_details():
    doc = read(YEAR_ONLY)[1].documents[0]
    assert (doc.date.text, doc.date.when, doc.doc_type) == ("1926", "1926", "document")


def test_page_markers_between_paragraphs_of_a_document_are_block_breaks():
    _, _, roots = read(PROTOCOL)
    pbs = xp(roots[0], "//tei:pb")
    assert [pb.get("n") for pb in pbs] == ["12", "13"]
    assert all(pb.getparent().get("type") == "document" for pb in pbs)
    assert text_of(pbs[0].getnext()) == "2. On the funeral of Comrade Kirov."


def test_entry_continued_from_an_earlier_page_is_an_entry_without_a_head():
    _, result, roots = read(CONTINUED)
    first, second = divisions(result.documents[0], "entry")
    assert first.head is None and first.date.when == "1935-03-08"
    assert first.blocks[0] == BlockPageBreak("115")
    assert text_of_para(first.blocks[1]).startswith("of the Foreign Office")
    assert (second.head, second.date.when) == (["9 March"], "1935-03-09")
    assert not xp(roots[0], "/tei:TEI/tei:text/tei:body/tei:p")


def test_notes_on_names_inside_a_list_each_follow_their_name():
    (para,) = paragraphs(read(NOTES_IN_LIST)[1].documents[0])
    notes = [n for n in para.content if isinstance(n, InlineNote)]
    assert [n.target_text for n in notes] == ["Bernard Shaw", "Lloyd George", "Webbs"]
    assert para.content[-1] == " and Keynes. The conversation soon turned to Germany."


def test_list_going_on_with_a_comma_after_a_note_takes_no_space_before_it():
    (para,) = paragraphs(read(NOTES_IN_LIST)[1].documents[0])
    i = next(k for k, n in enumerate(para.content) if isinstance(n, InlineNote) and n.target_text == "Lloyd George")
    assert para.content[i + 1] == ", the Webbs"


def test_diarists_own_sentence_opening_with_the_full_name_is_not_a_note():
    previous = "In the afternoon I went to see Litvinov."
    assert bio_note_target(previous, "Maxim Litvinov, the people’s commissar, told me that the pact is signed.") is None
    assert bio_note_target(previous, "Maxim Maksimovich Litvinov, people’s commissar, 1930–39.") == "Litvinov"


def test_letter_to_several_recipients():
    _, result, roots = read(TWO_RECIPIENTS)
    assert [p.name for p in result.documents[0].recipients] == [
        "Molotov, Viacheslav Mikhailovich",
        "Kaganovich, Lazar Moiseevich",
    ]
    assert len(xp(roots[0], "//tei:correspAction[@type='received']/tei:persName")) == 2


def test_page_break_and_note_inside_a_letter_paragraph_keep_the_letter_parts():
    doc = read(TWO_RECIPIENTS)[1].documents[0]
    opener, first = doc.body[0], doc.body[1]
    assert isinstance(opener, Opener) and opener.salute == ["To Comrades Molotov and Kaganovich."]
    assert PageBreak("142") in first.content
    assert [n.target_text for n in first.content if isinstance(n, InlineNote)] == ["Rudzutak"]
    closer = doc.body[-1]
    assert isinstance(closer, Closer) and closer.signed == ["I. Stalin."] and closer.date.when == "1931-08-09"


def test_page_marker_between_letter_paragraphs_stays_between_them():
    body = read(TWO_RECIPIENTS)[1].documents[0].body
    k = body.index(BlockPageBreak("143"))
    assert text_of_para(body[k + 1]) == "3. Do not send Kosior to the Urals."


def test_details_labels_on_their_own_lines():
    _, result, _ = read(LABELS_APART)
    doc = result.documents[0]
    assert [p.name for p in doc.recipients] == ["Molotov, Viacheslav Mikhailovich"]
    assert doc.date.when == "1929-08-29" and doc.archival.idno == "D. 767, L. 71"
    assert ("N/A", "empty field") in {(d.text, d.reason) for d in result.dropped}
    assert [b.type for b in doc.bibls] == ["web-source"]


def test_description_wrapped_over_lines_is_one_header_note():
    notes = [n.text for n in read(EXTRA_FIELD)[1].documents[0].header_notes]
    assert "Draft written in pencil; the editors date it by its contents." in notes


def test_other_detail_field_is_a_header_note_with_its_label():
    _, result, roots = read(EXTRA_FIELD)
    assert "Language: Russian" in [n.text for n in result.documents[0].header_notes]
    assert ("Language", "field label") in {(d.text, d.reason) for d in result.dropped}


def test_page_without_transcription_pane_gives_one_document():
    _, result, _ = read(EXTRA_FIELD)
    assert len(result.documents) == 1 and result.documents[0].date.when == "1926-10"


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_nothing_is_lost(path):
    text, result, roots = read(path)
    assert_nothing_lost(text, result, roots)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_tei_is_valid(path, tei_all):
    _, _, roots = read(path)
    for root in roots:
        assert_valid_tei(tei_all, root)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_warnings_on_known_layout(path):
    _, result, _ = read(path)
    assert result.warnings == []


def test_entry_years_turn_only_from_december_to_january():
    from teikit.readers.yale_sda import EntryDates

    dates = EntryDates(1934)
    assert [dates.resolve(t).when for t in ("1 December", "30 November", "31 December", "1 January")] == [
        "1934-12-01", "1934-11-30", "1934-12-31", "1935-01-01"
    ]

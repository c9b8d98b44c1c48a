"""The Yale Stalin Digital Archive reader (SDA document viewer pages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, RAW, assert_valid_tei
from support import assert_nothing_lost, text_of, xp

from teikit.builder import build_tei
from teikit.model import BlockPageBreak, Commentary, Division, InlineNote, Para
from teikit.readers.yale_sda import READER

MAISKY = RAW / "1934-12-31-maisky-diary.yale-sda.txt"
SDA = FIXTURES / "yale_sda"
LETTER = SDA / "letter-1926-03-27.txt"
TWO_ENTRIES = SDA / "diary-two-entries.txt"
NOTE_AT_END = SDA / "diary-note-at-paragraph-end.txt"
NO_DETAILS = SDA / "diary-without-details.txt"
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

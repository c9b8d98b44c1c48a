"""Tagging mentions of register entries: where, how, and what is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.enrichers.entities import tag_names
from teikit.registers import NameIndex, load_registers

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}


@pytest.fixture
def index(tmp_path: Path) -> NameIndex:
    registers = load_registers(tmp_path)
    for kind, entry_id, preferred, variants in [
        ("person", "stalin", "Joseph Stalin", ["I. V. Stalin"]),
        ("person", "kagan", "Kagan", []),
        ("person", "austen-chamberlain", "Joseph Austen Chamberlain", ["Austen Chamberlain"]),
        ("person", "neville-chamberlain", "Neville Chamberlain", []),
        ("person", "bolton", "W.J. Bolton", ["Bolton"]),
        ("place", "bolton-town", "Bolton", []),
        ("place", "moscow", "Moscow", []),
        ("org", "politburo", "Politburo", ["Politbureau"]),
    ]:
        entry = registers.add_entry(kind, preferred, entry_id)
        for variant in variants:
            entry.add_name(variant)
    return NameIndex(registers)


def doc(body: str, header_extra: str = "") -> etree._Element:
    return etree.fromstring(
        f'<TEI xmlns="{TEI_NS}" xml:id="doc-test"><teiHeader><fileDesc><titleStmt><title>Stalin to Kagan</title>'
        f"<author><persName>I. V. Stalin</persName></author></titleStmt>"
        f"<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>{header_extra}</teiHeader>"
        f"<text><body>{body}</body></text></TEI>"
    )


def names(root: etree._Element) -> list[tuple[str, str, str | None]]:
    return [(etree.QName(el).localname, "".join(el.itertext()), el.get("ref"))
            for el in root.xpath("//t:text//t:persName | //t:text//t:placeName | //t:text//t:orgName | //t:text//t:rs", namespaces=NS)]


def body_xml(root: etree._Element) -> str:
    body = root.find(f".//{{{TEI_NS}}}body")
    return "".join(etree.tostring(child, encoding="unicode") for child in body).replace(f' xmlns="{TEI_NS}"', "")


def test_a_mention_becomes_a_name_element_linked_to_its_entry(index):
    root = doc("<p>Comrade Kagan spoke in Moscow.</p>")
    tag_names(root, index)
    assert names(root) == [("persName", "Kagan", "#kagan"), ("placeName", "Moscow", "#moscow")]


def test_the_text_around_a_name_is_kept_exactly(index):
    root = doc("<p>Before <hi>Kagan</hi> and Kagan, after.</p>")
    tag_names(root, index)
    assert body_xml(root) == '<p>Before <hi><persName ref="#kagan">Kagan</persName></hi> and <persName ref="#kagan">Kagan</persName>, after.</p>'


def test_a_possessive_is_left_outside_the_tag(index):
    root = doc("<p>Stalin’s predecessor</p>")
    tag_names(root, index)
    assert body_xml(root) == '<p><persName ref="#stalin">Stalin</persName>’s predecessor</p>'


def test_a_name_split_over_a_line_is_one_tag(index):
    root = doc("<p>Churchill and Austen\n Chamberlain declared</p>")
    tag_names(root, index)
    assert names(root) == [("persName", "Austen\n Chamberlain", "#austen-chamberlain")]


def test_a_name_broken_over_a_line_keeps_the_break_inside_the_tag(index):
    root = doc('<p>Churchill and Austen<lb/>Chamberlain declared</p>')
    tag_names(root, index)
    assert body_xml(root) == '<p>Churchill and <persName ref="#austen-chamberlain">Austen<lb/>Chamberlain</persName> declared</p>'


def test_a_name_hyphenated_over_a_page_break_is_one_tag(index):
    root = doc('<p>and Austen Cham<pb n="59" break="no"/>berlain, with Kagan<pb n="60"/> and Moscow</p>')
    tag_names(root, index)
    assert body_xml(root) == (
        '<p>and <persName ref="#austen-chamberlain">Austen Cham<pb n="59" break="no"/>berlain</persName>, with '
        '<persName ref="#kagan">Kagan</persName><pb n="60"/> and <placeName ref="#moscow">Moscow</placeName></p>'
    )


def test_a_break_between_other_words_stays_where_it_was(index):
    root = doc('<p>the Soviet Union and <pb n="59"/>insisted, said Kagan</p>')
    tag_names(root, index)
    assert body_xml(root) == '<p>the Soviet Union and <pb n="59"/>insisted, said <persName ref="#kagan">Kagan</persName></p>'


def test_a_name_inside_a_longer_word_is_not_tagged(index):
    root = doc("<p>Stalinism and Moscowites</p>")
    assert tag_names(root, index).tagged == 0


def test_names_in_a_note_inside_a_paragraph_and_in_the_text_after_it_are_tagged(index):
    root = doc('<p>Kagan<note type="biographical">Kagan, of the embassy in Moscow.</note> and the Politbureau.</p>')
    tag_names(root, index)
    assert body_xml(root) == (
        '<p><persName ref="#kagan">Kagan</persName><note type="biographical"><persName ref="#kagan">Kagan</persName>, '
        'of the embassy in <placeName ref="#moscow">Moscow</placeName>.</note> and the '
        '<orgName ref="#politburo">Politbureau</orgName>.</p>'
    )


def test_existing_header_names_get_a_ref_but_header_prose_is_not_tagged(index):
    root = doc("<p>x</p>")
    tag_names(root, index)
    assert root.xpath("//t:author/t:persName/@ref", namespaces=NS) == ["#stalin"]
    assert root.xpath("//t:titleStmt/t:title/*", namespaces=NS) == []


def test_dates_and_existing_names_are_not_tagged_inside(index):
    root = doc('<p><date when="1934">Moscow 1934</date> <rs type="person">Kagan</rs></p>')
    assert tag_names(root, index).tagged == 0


def test_an_ambiguous_surname_is_resolved_by_the_document_naming_one_candidate(index):
    root = doc("<p>Austen Chamberlain spoke. Later Chamberlain left.</p>")
    tag_names(root, index)
    assert names(root) == [("persName", "Austen Chamberlain", "#austen-chamberlain"),
                           ("persName", "Chamberlain", "#austen-chamberlain")]
    assert root.xpath("//t:persName/@cert", namespaces=NS) == []


def test_an_unresolvable_mention_is_tagged_low_certainty_and_reported(index):
    root = doc("<p>Later Chamberlain left.</p>")
    result = tag_names(root, index)
    [name] = root.xpath("//t:body//t:persName", namespaces=NS)
    assert (name.get("ref"), name.get("cert")) == ("#austen-chamberlain #neville-chamberlain", "low")
    assert result.warnings == ["doc-test (line 1): 'Chamberlain' may be #austen-chamberlain or #neville-chamberlain; tagged cert=\"low\""]


def test_candidates_of_different_kinds_make_an_rs(index):
    root = doc("<p>We met in Bolton.</p>")
    tag_names(root, index)
    assert names(root) == [("rs", "Bolton", "#bolton #bolton-town")]


def test_tagging_twice_changes_nothing(index):
    root = doc('<p>Kagan, Stalin’s man, went to Moscow.<note>Chamberlain</note></p>')
    tag_names(root, index)
    first = etree.tostring(root)
    assert tag_names(root, index).tagged == 0
    assert etree.tostring(root) == first


def test_an_editors_corrected_ref_survives_retagging(index):
    root = doc('<p><persName ref="#neville-chamberlain">Chamberlain</persName> and Kagan</p>')
    tag_names(root, index)
    assert names(root) == [("persName", "Chamberlain", "#neville-chamberlain"), ("persName", "Kagan", "#kagan")]


@pytest.mark.parametrize("kept", ['<rs type="person">Kagan</rs>', '<seg type="untagged">Kagan</seg>'])
def test_a_tag_an_editor_removed_does_not_come_back(index, kept):
    root = doc(f"<p>{kept} said</p>")
    assert tag_names(root, index).tagged == 0
    assert root.xpath("//t:persName[not(ancestor::t:teiHeader)]", namespaces=NS) == []


def test_pseudonyms_birth_names_and_transliterations_link_to_one_entry(tmp_path):
    registers = load_registers(tmp_path)
    lenin = registers.add_entry("person", "Vladimir Ilyich Lenin", "lenin")
    lenin.add_name("N. Lenin", "pseudonym")
    lenin.add_name("Vladimir Ilyich Ulyanov", "birth")
    registers.add_entry("person", "A. A. Joffe", "joffe").add_name("Ioffe")
    root = doc("<p>N. Lenin wrote to Ioffe and Joffe; Ulyanov was his name.</p>")
    tag_names(root, NameIndex(registers))
    assert names(root) == [("persName", "N. Lenin", "#lenin"), ("persName", "Ioffe", "#joffe"),
                           ("persName", "Joffe", "#joffe"), ("persName", "Ulyanov", "#lenin")]


@pytest.mark.parametrize("element", ["w", "pc", "code", "c", "g"])
def test_no_name_is_tagged_where_tei_allows_none(index, element):
    root = doc(f"<p>Said <{element}>Stalin</{element}> in Moscow.</p>")
    tag_names(root, index)
    assert names(root) == [("placeName", "Moscow", "#moscow")]


def test_an_entry_without_xml_id_is_never_linked_as_an_empty_ref(tmp_path):
    registers = load_registers(tmp_path)
    registers.add_entry("person", "Kirov", "kirov").element.attrib.pop("{http://www.w3.org/XML/1998/namespace}id")
    root = doc("<p>Kirov spoke.</p>")
    tag_names(root, NameIndex(registers))
    assert names(root) == []

"""xslt/common: readable dates, a document's header facts, register lookups."""

from __future__ import annotations

import re

import pytest

from conftest import assert_valid_tei
from render_support import EDITION, REGISTERS, evaluate, probe, tei
from teikit.resources import stylesheet
from teikit.saxon import XSLTError, to_xdm
from teikit.writers.render import transform
from teikit.xmlio import parse_xml


@pytest.mark.parametrize(
    "date, said",
    [
        ('<date when="1918-06-02"/>', "2 June 1918"),
        ('<date when="1916-06"/>', "June 1916"),
        ('<date when="1916"/>', "1916"),
        ('<date notBefore="1916-06-17" notAfter="1916-06-25"/>', "between 17 and 25 June 1916"),
        ('<date notBefore="1916-05-30" notAfter="1916-06-02"/>', "between 30 May and 2 June 1916"),
        ('<date notBefore="1915-12-30" notAfter="1916-01-02"/>', "between 30 December 1915 and 2 January 1916"),
        ('<date from="1916-06-17" to="1916-06-25"/>', "from 17 to 25 June 1916"),
        ('<date notBefore="1916-06-17"/>', "not before 17 June 1916"),
        ('<date notAfter="1916"/>', "not after 1916"),
        ('<date to="1917-03"/>', "until March 1917"),
        ('<date when="1917-10-25" calendar="#julian"/>', "25 October 1917 (Old Style)"),
        ("<date>spring of that year</date>", "spring of that year"),
    ],
)
def test_readable_date_says_dating_attributes_in_english(date, said):
    doc = f'<x xmlns="http://www.tei-c.org/ns/1.0">{date}</x>'
    assert evaluate("tk:readable-date(/*/*)", doc) == said


@pytest.mark.parametrize(
    "date, iso",
    [
        ('<date when="1918-06-02"/>', "1918-06-02"),
        ('<date notBefore="1916-06-17" notAfter="1916-06-25"/>', "1916-06-17/1916-06-25"),
        ('<date notBefore="1916-06-17"/>', "1916-06-17/.."),
        ("<date>undated</date>", ""),
    ],
)
def test_iso_date_is_a_date_or_an_iso_interval(date, iso):
    assert evaluate("tk:iso-date(/*/*)", f'<x xmlns="http://www.tei-c.org/ns/1.0">{date}</x>') == iso


def test_sort_key_puts_undated_documents_last():
    keys = evaluate("tk:date-sort-key(/*/*[1]), tk:date-sort-key(/*/*[2])",
                    '<x xmlns="http://www.tei-c.org/ns/1.0"><date notBefore="1916-06-17" notAfter="1916-06-25"/><date>?</date></x>')
    assert keys.split("|") == ["1916-06-17", "9999"]


def test_header_prefers_corresp_desc_for_author_recipient_date_and_place():
    header = """<creation><date when="1900-01-01"/></creation><correspDesc>
      <correspAction type="sent"><persName>A</persName><persName>B</persName><placeName>Moscow</placeName><date when="1918-06-02"/></correspAction>
      <correspAction type="received"><persName>C</persName><placeName>Berlin</placeName></correspAction></correspDesc>"""
    result = evaluate("tk:author(/*), tk:recipient(/*), tk:readable-date(tk:date(/*)), tk:place(/*), tk:destination(/*)", tei(header=header))
    assert result.split("|") == ["A and B", "C", "2 June 1918", "Moscow", "Berlin"]


def test_header_falls_back_to_title_statement_and_creation():
    result = evaluate("tk:title(/*), tk:author(/*), tk:readable-date(tk:date(/*)), tk:lang(/*)",
                      tei(header='<creation><date when="1921-01-01"/></creation>', lang="de"))
    assert result.split("|") == ["A test", "Ann Author", "1 January 1921", "de"]


def test_language_defaults_to_english_when_the_document_declares_none():
    undeclared = tei().replace(' xml:lang="en"', "")
    assert evaluate("tk:lang(/*)", undeclared) == "en"


def test_language_comes_from_lang_usage_when_the_root_has_none():
    declared = tei(header='<langUsage><language ident="ru">Russian</language></langUsage>').replace(' xml:lang="en"', "")
    assert evaluate("tk:lang(/*)", declared) == "ru"


def test_name_parts_without_space_between_them_are_read_as_separate_words():
    doc = tei().replace("<author>Ann Author</author>", "<author><persName><forename>Charles</forename><surname>Dickens</surname></persName></author>")
    assert evaluate("tk:author(/*)", doc) == "Charles Dickens"


def test_punctuation_after_a_name_part_is_not_spaced_off():
    header = '<correspDesc><correspAction type="sent"><persName>Liakhovetsky, Ivan (<addName>Maisky</addName>)</persName></correspAction></correspDesc>'
    assert evaluate("tk:author(/*)", tei(header=header)) == "Liakhovetsky, Ivan (Maisky)"


def test_archival_reference_joins_the_manuscript_identifier():
    doc = tei().replace("<bibl>Source book, p. 1.</bibl>", "<msDesc><msIdentifier><repository>RGASPI</repository><collection>F. 558</collection><idno>D. 1</idno></msIdentifier></msDesc>")
    assert evaluate("tk:archival-reference(/*)", doc) == "RGASPI, F. 558, D. 1"


def test_register_entry_gives_preferred_name_note_and_lifespan():
    result = evaluate(
        "tk:register-entry('#stalin') ! (tk:preferred-name(.), tk:short-note(.), tk:lifespan(.), tk:entry-kind(.))",
        tei(), registers=REGISTERS)
    assert result.split("|") == ["Joseph Stalin", "General Secretary of the Communist Party, from 1922.", "1878–1953", "person"]


def test_register_lookup_accepts_file_qualified_pointers_and_finds_every_kind():
    result = evaluate("tk:register-entries-for('persons.xml#lenin #moscow #politburo') ! tk:entry-kind(.)", tei(), registers=REGISTERS)
    assert result == "person|place|org"


def test_register_lookup_without_registers_finds_nothing():
    assert evaluate("count(tk:register-entry('#stalin')), tk:has-registers()", tei()) == "0|false"


def test_authority_uris_are_built_from_idno_types_gnd_viaf_geonames_then_wikidata():
    result = evaluate("tk:authority-uris(tk:register-entry('#moscow'))", tei(), registers=REGISTERS)
    assert result.split("|") == ["https://www.geonames.org/524901", "http://www.wikidata.org/entity/Q649"]


def test_display_name_uses_the_register_when_the_reference_resolves():
    doc = EDITION / "1922-04-24-stalin-to-politburo.xml"
    result = evaluate("tk:author-names(/*) ! tk:display-name(.), tk:recipient-names(/*) ! tk:display-name(.)", doc, registers=REGISTERS)
    assert result.split("|") == ["Joseph Stalin", "Politburo of the Central Committee"]


def test_registers_parameter_given_as_a_folder_uri_is_refused_not_read():
    """The stylesheets never read a file named from outside: the registers are the parsed document or nothing."""
    executable = probe("tk:preferred-name(tk:register-entry('#joffe'))")
    node = to_xdm(parse_xml(tei().encode()))
    with pytest.raises(XSLTError, match="document-node"):
        transform(executable, node, {"registers": REGISTERS.resolve().as_uri()})


def test_no_shipped_stylesheet_reads_a_document_by_uri():
    """doc(), document(), collection(), unparsed-text() would let a parameter or a document make Saxon read files."""
    reading = re.compile(r"(?<![\w:.-])(doc|doc-available|document|collection|uri-collection|unparsed-text[\w-]*|json-doc)\s*\(")
    modules = sorted(stylesheet("").rglob("*.xsl"))
    assert len(modules) > 10
    for module in modules:
        expressions = parse_xml(module).getroot().xpath("//@*")
        assert not [e for e in expressions if reading.search(e)], module.name


@pytest.mark.parametrize("path", sorted(REGISTERS.glob("*.xml")) + sorted(EDITION.glob("*.xml")), ids=lambda p: p.name)
def test_render_fixtures_are_valid_tei(tei_all, path):
    assert_valid_tei(tei_all, parse_xml(path).getroot())

"""Hostile files: no external entity read, no DTD fetched, no entity bomb expanded (parse_xml and `teikit validate`)."""

from __future__ import annotations

import re
import time

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from teikit.cli import main
from teikit.resources import schema_file
from teikit.xmlio import XMLInputError, parse_xml

HOSTILE = FIXTURES / "validation" / "hostile"


def validate(*args) -> tuple[object, float]:
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["validate", *map(str, args)], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result, time.perf_counter() - start


def test_parse_xml_refuses_an_external_entity():
    with pytest.raises(XMLInputError, match="declares the external entity 'secret'"):
        parse_xml(HOSTILE / "xxe.xml")


def test_validate_reports_an_external_entity_without_reading_it():
    result, _ = validate(HOSTILE / "xxe.xml")
    assert result.exit_code == 1
    assert "error: [xml-entities] declares the external entity 'secret'" in result.stdout
    assert "root:" not in result.output  # nothing of /etc/passwd


def test_parse_xml_reads_a_file_naming_an_unreachable_dtd_without_fetching_it():
    start = time.perf_counter()
    tree = parse_xml(HOSTILE / "external-dtd.xml")
    assert time.perf_counter() - start < 1.0  # a fetch from 10.255.255.1 would hang for far longer
    assert tree.getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"


def test_validate_never_fetches_a_dtd_not_through_the_schema_nor_through_saxon():
    result, elapsed = validate(HOSTILE / "external-dtd.xml")
    assert elapsed < 5.0
    assert "10.255.255.1" not in result.output
    problems = [line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line]
    assert problems == []  # the document itself is fine TEI; only our own checks speak


def test_parse_xml_refuses_an_entity_expansion_bomb_at_once():
    start = time.perf_counter()
    with pytest.raises(XMLInputError, match="entity"):  # libxml2's amplification limit or our refusal
        parse_xml(HOSTILE / "billion-laughs.xml")
    assert time.perf_counter() - start < 1.0


def test_validate_reports_an_entity_bomb_and_goes_on():
    result, elapsed = validate(HOSTILE / "billion-laughs.xml", FIXTURES / "validation" / "probes" / "hand-added.xml")
    assert elapsed < 5.0
    assert result.exit_code == 1
    assert re.search(r"billion-laughs.xml:1:\d+: error: \[xml-entities\] .*entit", result.stdout)
    assert "hand-added.xml" in result.stdout.split("teikit validate")[1]


def test_a_hostile_register_file_is_never_read_by_the_rules(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4711")
    registers = tmp_path / "tei" / "registers"
    registers.mkdir(parents=True)
    (registers / "persons.xml").write_text(
        f'<!DOCTYPE TEI [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson><person xml:id="s"><persName type="preferred">&s;</persName></person></listPerson></body></text></TEI>'
    )
    (registers / "places.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPlace/></body></text></TEI>')
    doc = tmp_path / "tei" / "a.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><persName ref="#s">x</persName></p></body></text></TEI>')
    result, _ = validate("--schematron", schema_file("teikit.sch"), doc)
    assert "TOP-SECRET-4711" not in result.output
    assert "[ref-resolves]" in result.stdout  # the refused register counts as absent


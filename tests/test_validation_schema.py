"""schema/teikit.rng: a genuine TEI customisation, stricter where the edition's conventions say so."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, TEI_ALL, assert_valid_tei
from lxml import etree

from teikit.enrichers.dates import tag_dates
from teikit.resources import schema_file
from teikit.validation import customise
from teikit.validation.relaxng import load_relaxng
from teikit.xmlio import parse_xml

PROBES = FIXTURES / "validation" / "probes"
HAND_ADDED = PROBES / "hand-added.xml"
EDITION = sorted((ROOT / "tei").glob("*.xml")) + sorted((ROOT / "tei" / "registers").glob("*.xml"))


@pytest.fixture(scope="module")
def teikit_rng():
    return load_relaxng(schema_file("teikit.rng"))


def errors(schema, root) -> list[str]:
    return [f.message for f in schema.validate(root.getroottree(), None)]


def test_teikit_rng_loads_in_well_under_a_second():
    """tei_all.rng takes about 10 s; `teikit validate one.xml` must not."""
    start = time.perf_counter()
    etree.RelaxNG(parse_xml(schema_file("teikit.rng")))
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("path", EDITION, ids=[p.name for p in EDITION])
def test_the_edition_is_valid_against_teikit_rng_and_tei_all(teikit_rng, tei_all, path):
    root = parse_xml(path).getroot()
    assert errors(teikit_rng, root) == []
    assert_valid_tei(tei_all, root)


def test_a_document_using_each_hand_added_element_is_valid_against_both(teikit_rng, tei_all):
    root = parse_xml(HAND_ADDED).getroot()
    assert errors(teikit_rng, root) == []
    assert_valid_tei(tei_all, root)


REJECTED = {
    "ref-not-a-pointer": ('<persName ref="#joffe">Joffe</persName>!', '<persName ref="joffe">Joffe</persName>!'),
    "ref-uppercase": ('<persName ref="#joffe">Joffe</persName>!', '<persName ref="#Joffe">Joffe</persName>!'),
    "ref-one-of-two-not-a-pointer": ('<persName ref="#joffe">Joffe</persName>!', '<persName ref="#joffe lenin">Joffe</persName>!'),
    "ref-url-on-placeName": ('<placeName ref="#berlin">', '<placeName ref="https://www.geonames.org/2950159">'),
    "when-with-time": ('<date when="1918-06-02"/>', '<date when="1918-06-02T10:00:00"/>'),
    "when-month-day": ('<date when="1918-06-02"/>', '<date when="--06-02"/>'),
    "notAfter-not-iso": ('notAfter="1918-07-15"', 'notAfter="15.7.1918"'),
    "deleted-element-phr": ("<emph>never</emph>", "<phr>never</phr>"),
    "deleted-element-w": ("<emph>never</emph>", "<w>never</w>"),
}


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_teikit_rng_rejects_what_the_edition_does_not_allow(teikit_rng, name):
    old, new = REJECTED[name]
    text = HAND_ADDED.read_text(encoding="utf-8")
    assert old in text
    root = parse_xml(text.replace(old, new, 1).encode()).getroot()
    assert errors(teikit_rng, root) != []


@pytest.mark.parametrize("name", ["ref-url-on-placeName", "when-with-time", "deleted-element-phr"])
def test_what_teikit_rng_rejects_may_still_be_valid_tei(tei_all, name):
    """The customisation narrows TEI; these probes are TEI, only not this edition's."""
    old, new = REJECTED[name]
    root = parse_xml(HAND_ADDED.read_text(encoding="utf-8").replace(old, new, 1).encode()).getroot()
    assert_valid_tei(tei_all, root)


ACCEPTED = {
    # What the entity tagger writes for a name two entries share.
    "uncertain-identification": ('<persName ref="#joffe">Joffe</persName>!', '<persName ref="#joffe #lenin" cert="low">Joffe</persName>!'),
    "critical-apparatus": ("<emph>never</emph>", "<app><lem>never</lem><rdg>ever</rdg></app>"),
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_teikit_rng_accepts_what_editors_and_the_tagger_write(teikit_rng, tei_all, name):
    old, new = ACCEPTED[name]
    text = HAND_ADDED.read_text(encoding="utf-8")
    assert old in text
    root = parse_xml(text.replace(old, new, 1).encode()).getroot()
    assert errors(teikit_rng, root) == []
    assert_valid_tei(tei_all, root)


def test_an_old_style_document_with_its_calendar_declared_is_valid_against_both(teikit_rng, tei_all):
    root = parse_xml(HAND_ADDED).getroot()
    tag_dates(root, old_style=True)
    assert root.find(".//{*}calendarDesc/{*}calendar") is not None
    assert errors(teikit_rng, root) == []
    assert_valid_tei(tei_all, root)


def test_ref_on_other_elements_keeps_its_tei_meaning(teikit_rng):
    text = HAND_ADDED.read_text(encoding="utf-8")
    root = parse_xml(text.replace('<term type="document-type">', '<term type="document-type" ref="https://example.org/letter">').encode()).getroot()
    assert errors(teikit_rng, root) == []


def test_the_committed_schema_is_what_the_generator_writes(tmp_path):
    if not TEI_ALL.exists():
        pytest.skip(f"tei_all.rng not found at {TEI_ALL}")
    generated = customise.render(customise.customise(parse_xml(TEI_ALL)))
    assert generated == Path(schema_file("teikit.rng")).read_bytes()

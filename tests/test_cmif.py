"""CMIF writer: one file listing the edition's letters, valid for correspSearch."""

from __future__ import annotations

import re
import uuid

import pytest
from lxml import etree

from conftest import ROOT, SHARED
from render_support import EDITION, REGISTERS
from teikit.writers.cmif import check_params, cmif_params, write_cmif
from teikit.writers.html import write_html
from teikit.xmlio import parse_xml

CMIF_DIR = SHARED / "reference" / "tei" / "cmif"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
PARAMS = {"cmif-date": "2026-11-23", "edition-url": "https://edition.example.org/letters/"}


@pytest.fixture(scope="module")
def cmif_rng() -> etree.RelaxNG:
    path = CMIF_DIR / "cmi-customization.rng"
    if not path.exists():
        pytest.skip(f"CMIF schema not found at {path}")
    return etree.RelaxNG(etree.parse(str(path)))


@pytest.fixture(scope="module")
def edition_cmif(tmp_path_factory) -> etree._Element:
    out = tmp_path_factory.mktemp("cmif")
    report = write_cmif(sorted(EDITION.glob("*.xml")), out, PARAMS, REGISTERS)
    assert not report.failures, report.failures
    assert report.written == [out / "cmif.xml"]
    return parse_xml(out / "cmif.xml").getroot()


@pytest.fixture(scope="module")
def sample_cmif(tmp_path_factory) -> etree._Element:
    """The five sample documents of the repository, without registers."""
    out = tmp_path_factory.mktemp("cmif-sample")
    report = write_cmif(sorted((ROOT / "tei").glob("*.xml")), out, {"cmif-date": "2026-11-23"}, None)
    assert not report.failures, report.failures
    return parse_xml(out / "cmif.xml").getroot()


def xp(root, expr):
    return root.xpath(expr, namespaces=NS)


def test_cmif_validates_against_the_cmif_schema(cmif_rng, edition_cmif, sample_cmif):
    for root in (edition_cmif, sample_cmif):
        assert cmif_rng.validate(root), cmif_rng.error_log


def test_cmif_passes_the_cmif_schematron(edition_cmif, sample_cmif):
    schematron_module = pytest.importorskip("teikit.validation.schematron")
    path = CMIF_DIR / "cmif.sch"
    if not path.exists():
        pytest.skip(f"CMIF Schematron not found at {path}")
    schematron = schematron_module.Schematron.from_file(path)
    for root in (edition_cmif, sample_cmif):
        findings = schematron.validate(root.getroottree(), "cmif.xml")
        assert findings == [], findings


def test_only_correspondence_is_listed_in_chronological_order(edition_cmif, sample_cmif):
    assert [d.get("ref") for d in xp(edition_cmif, "//tei:correspDesc")] == [
        "https://edition.example.org/letters/documents/1918-06-02-lenin-to-joffe.html",
        "https://edition.example.org/letters/documents/1922-04-24-stalin-to-politburo.html",
    ]
    # the diary entry and the article have no correspDesc
    assert xp(sample_cmif, "//tei:correspAction[@type='sent']/tei:date/@when") == ["1918-06-02", "1922-04-24", "1926-03-27"]


def test_correspondents_get_ref_only_where_the_register_has_an_authority_id(edition_cmif):
    lenin, joffe = xp(edition_cmif, "//tei:correspDesc[1]//tei:persName")
    assert (lenin.get("ref"), lenin.text) == ("http://www.wikidata.org/entity/Q1394", "Vladimir Ilyich Lenin")
    assert (joffe.get("ref"), joffe.text) == (None, "Adolph Abramovich Joffe")
    assert [p.get("ref") for p in xp(edition_cmif, "//tei:correspDesc[1]//tei:placeName")] == [
        "https://www.geonames.org/524901", "https://www.geonames.org/2950159"]


def test_organisations_stay_organisations(edition_cmif):
    assert [o.text for o in xp(edition_cmif, "//tei:correspAction[@type='received']/tei:orgName")] == ["Politburo of the Central Committee"]


def test_dates_keep_only_their_dating_attributes(edition_cmif):
    date = xp(edition_cmif, "//tei:correspDesc[2]//tei:date")[0]
    assert dict(date.attrib) == {"notBefore": "1922-04-17", "notAfter": "1922-04-25"} and not date.text


def test_names_without_registers_are_the_names_as_written(sample_cmif):
    assert xp(sample_cmif, "//tei:correspDesc[1]/tei:correspAction/tei:persName/text()") == ["V. I. Lenin", "A. A. JOFFE"]
    assert xp(sample_cmif, "//@ref[starts-with(., 'http')][parent::tei:persName]") == []


def test_header_has_url_date_licence_and_a_uuid_bibl_every_letter_points_to(edition_cmif):
    assert xp(edition_cmif, "//tei:publicationStmt/tei:idno[@type='url']/text()") == ["https://edition.example.org/letters/cmif.xml"]
    assert xp(edition_cmif, "//tei:publicationStmt/tei:date/@when") == ["2026-11-23"]
    bibl_id = xp(edition_cmif, "//tei:sourceDesc/tei:bibl/@xml:id")[0]
    assert re.fullmatch(r"uuid-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", bibl_id)
    assert set(xp(edition_cmif, "//tei:correspDesc/@source")) == {f"#{bibl_id}"}


def test_cmif_url_parameter_sets_the_idno_and_the_bibl_id_follows_it():
    params = cmif_params({"cmif-url": "https://a.example/cmif.xml"})
    assert params["source-id"] == f"uuid-{uuid.uuid5(uuid.NAMESPACE_URL, 'https://a.example/cmif.xml')}"


def test_a_missing_addressee_is_unknown(tmp_path):
    letter = (EDITION / "1922-04-24-stalin-to-politburo.xml").read_text(encoding="utf-8")
    letter = re.sub(r"<correspAction type=\"received\">.*?</correspAction>", "", letter, flags=re.S)
    (tmp_path / "a.xml").write_text(letter, encoding="utf-8")
    write_cmif([tmp_path / "a.xml"], tmp_path / "out", PARAMS, None)
    root = parse_xml(tmp_path / "out" / "cmif.xml").getroot()
    assert xp(root, "//tei:correspAction[@type='received']/tei:persName/text()") == ["Unknown"]


def test_each_letter_links_to_the_page_the_html_writer_gives_it(tmp_path):
    letter = (EDITION / "1918-06-02-lenin-to-joffe.xml").read_bytes()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    docs = [tmp_path / "a" / "Lenin to Joffe.xml", tmp_path / "b" / "Lenin to Joffe.xml"]
    for doc in docs:
        doc.write_bytes(letter)
    write_cmif(docs, tmp_path / "cmif", PARAMS, None)
    write_html(docs, tmp_path / "html", {}, None)
    refs = xp(parse_xml(tmp_path / "cmif" / "cmif.xml").getroot(), "//tei:correspDesc/@ref")
    pages = [ref.removeprefix(PARAMS["edition-url"]) for ref in refs]
    assert pages == ["documents/Lenin-to-Joffe.html", "documents/Lenin-to-Joffe-2.html"]
    assert all((tmp_path / "html" / page).is_file() for page in pages)


def test_a_broken_document_is_reported_and_the_others_are_still_listed(tmp_path):
    (tmp_path / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    docs = [tmp_path / "broken.xml", EDITION / "1918-06-02-lenin-to-joffe.xml"]
    report = write_cmif(docs, tmp_path / "out", PARAMS, None)
    assert [f.document for f in report.failures] == [tmp_path / "broken.xml"]
    assert "broken.xml:1" in report.failures[0].message
    assert len(xp(parse_xml(tmp_path / "out" / "cmif.xml").getroot(), "//tei:correspDesc")) == 1


@pytest.mark.parametrize("params", [{"cmif-url": "not a url"}, {"edition-url": "ftp://x"}, {"cmif-date": "23.11.2026"}])
def test_bad_cmif_parameters_are_named(params):
    (name,) = params
    assert any(p.startswith(name) for p in check_params(params))


def test_a_document_that_is_not_tei_is_reported(tmp_path):
    (tmp_path / "page.xml").write_text("<html/>", encoding="utf-8")
    report = write_cmif([tmp_path / "page.xml"], tmp_path / "out", PARAMS, None)
    assert [f.message.split(": ", 2)[-1] for f in report.failures] == [
        "not a TEI document: the root element is html in no namespace (expected TEI in http://www.tei-c.org/ns/1.0)"]


def test_the_bibl_id_is_always_teikits_own(tmp_path):
    report = write_cmif(sorted(EDITION.glob("*.xml")), tmp_path, {**PARAMS, "source-id": "x\"evil"}, None)
    assert not report.failures, report.failures
    root = parse_xml(tmp_path / "cmif.xml").getroot()
    assert xp(root, "//tei:sourceDesc/tei:bibl/@xml:id") == [cmif_params(PARAMS)["source-id"]]

"""The engine on real-world Schematron: TEI P5's own constraints and the CMIF rules."""

from __future__ import annotations

import pytest
from conftest import SHARED, TEI_ALL

from teikit.validation.extract import embedded_schematron, rule_count
from teikit.validation.schematron import Schematron
from teikit.xmlio import parse_xml

REAL_TEI = SHARED / "reference" / "real-tei"
CMIF_SCH = SHARED / "reference" / "tei" / "cmif" / "cmif.sch"
REAL_FILES = sorted(REAL_TEI.glob("*/*.xml"))

needs_shared = pytest.mark.skipif(not TEI_ALL.exists(), reason=f"reference material not found at {SHARED}")


@pytest.fixture(scope="module")
def tei_rules() -> Schematron:
    return Schematron.from_file(TEI_ALL)


@needs_shared
def test_every_embedded_rule_of_tei_all_is_extracted():
    rng = parse_xml(TEI_ALL)
    ns = {"sch": "http://purl.oclc.org/dsdl/schematron"}
    schema = embedded_schematron(rng)
    assert rule_count(schema) == len(rng.xpath("//sch:rule", namespaces=ns)) == 98
    assert schema.xpath("sch:ns/@prefix", namespaces=ns) == ["teix", "tei", "xs", "rng", "rna", "sch", "sch1x"]


@needs_shared
@pytest.mark.parametrize("path", REAL_FILES, ids=[f"{p.parent.name}/{p.name}" for p in REAL_FILES])
def test_tei_all_rules_run_on_real_tei_without_errors(tei_rules, path):
    findings = tei_rules.validate(parse_xml(path), path)
    assert [f for f in findings if "could not be evaluated" in f.message] == []


@needs_shared
def test_tei_all_rules_report_what_tei_forbids(tei_rules):
    doc = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body><p><date calendar="#julian" when="1918-01-01"/> <ptr target="#a" cRef="x"/></p></body></text></TEI>"""
    found = {(f.rule_id, f.line) for f in tei_rules.validate(parse_xml(doc), None)}
    assert found == {
        ("tei_all-att.calendarSystem-calendar-calendar_attr_on_empty_element-constraint-rule-10", 3),
        ("tei_all-ptr-ptrAtts-constraint-rule-17", 3),
    }


@needs_shared
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cmif-digital-edition.xml", [("uuid", "warning", 30)]),
        ("cmif-printed-edition.xml", [("uuid", "warning", 30)]),
        ("example01_basic.xml", []),
        ("example02_cmi-with-printed-edition.xml", []),
    ],
)
def test_cmif_rules_on_the_cmif_files(name, expected):
    path = REAL_TEI / "cmif-sig" / name
    findings = Schematron.from_file(CMIF_SCH).validate(parse_xml(path), path)
    assert [(f.rule_id, f.severity, f.line) for f in findings] == expected


@needs_shared
def test_cmif_templates_are_told_to_use_a_uuid():
    path = REAL_TEI / "cmif-sig" / "cmif-digital-edition.xml"
    [finding] = Schematron.from_file(CMIF_SCH).validate(parse_xml(path), path)
    assert finding.message == "[W0001] It is recommended to use an UUID for bibl/@xml."
    assert finding.location == "/TEI/teiHeader[1]/fileDesc[1]/sourceDesc[1]/bibl[1]"


@needs_shared
def test_cmif_rules_catch_a_letter_without_recipient_and_an_undated_date(tmp_path):
    path = REAL_TEI / "cmif-sig" / "example01_basic.xml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace('type="received"', 'type="forwarded"', 1).replace(' when="', ' n="', 1)
    findings = Schematron.from_file(CMIF_SCH).validate(parse_xml(broken.encode()), None)
    assert sorted({f.rule_id for f in findings}) == ["correspDesc-rule1-2", "date"]
